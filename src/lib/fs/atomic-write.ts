import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that readers only ever see the old content or the new, never half of it: the
 * text goes to a temporary file beside the target, which is then renamed over it. The text may be
 * a stream of chunks (an async generator), so a file of any size is written in bounded memory;
 * a generator that throws leaves the old file in place.
 */
export async function writeFileAtomic(
	path: string,
	text: string | Uint8Array | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
	options: { createDir?: boolean } = {},
): Promise<void> {
	if (options.createDir !== false) await mkdir(dirname(path), { recursive: true });
	const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
	try {
		await writeFile(temporary, text);
		await rename(temporary, path);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
}

/** Stable, diff-friendly JSON: 2-space indentation and a final newline. */
export function toJsonText(value: unknown): string {
	return `${JSON.stringify(value, null, 2)}\n`;
}
