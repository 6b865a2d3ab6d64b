import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a built site's files under `dir`: a path mapped to text writes it, to `null` removes it.
 * For deploy tests, which only care about names and bytes.
 */
export async function writeSiteFiles(
	dir: string,
	files: Readonly<Record<string, string | null>>,
): Promise<void> {
	for (const [path, text] of Object.entries(files)) {
		const file = join(dir, path);
		if (text === null) {
			await rm(file);
			continue;
		}
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, text);
	}
}
