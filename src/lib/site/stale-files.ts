import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Entry } from '../../schemas/entry.ts';
import {
	defaultOgPath,
	distFile,
	publisherOgPath,
	recordFiles,
	recordFolders,
	SEARCH_INDEX_FOLDER,
} from '../register/urls.ts';

/** Files of the output folder, relative to it, spelt with `/` as the URL contract spells them. */
const asContractFile = (path: string) => path.split(sep).join('/');

/**
 * Removes what this build neither wrote nor kept. In the per-record folders, anything that does
 * not belong to a record of the current catalog — judged by name alone, as they hold tens of
 * thousands of files, and by the same contract (urls.ts) the writers take their names from;
 * elsewhere, any file older than this build other than public/'s static files.
 */
export async function removeStaleFiles(
	outDir: string,
	records: readonly { id: string; kind: Entry['kind']; publisher: string }[],
	publicDir: string,
	started: number,
): Promise<{ removed: number }> {
	const expected = new Set([
		...records.flatMap((r) => recordFiles(r.id, r.kind)),
		// The cards datasets share, one per publisher of a dataset.
		...records.flatMap((r) =>
			r.kind === 'dataset' ? [distFile(publisherOgPath(r.publisher))] : [],
		),
		distFile(defaultOgPath),
	]);
	const recordDirs = new Set(recordFolders.map((d) => join(outDir, d)));
	const publicFiles = new Set(
		(await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []))
			.filter((d) => d.isFile())
			.map((d) => relative(publicDir, join(d.parentPath, d.name))),
	);
	let removed = 0;
	const sweep = async (dir: string): Promise<void> => {
		for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
			const path = join(dir, entry.name);
			const rel = relative(outDir, path);
			if (rel === SEARCH_INDEX_FOLDER || recordDirs.has(path)) {
				if (recordDirs.has(path)) await sweep(path);
				continue;
			}
			if (recordDirs.has(dir)) {
				const owned = asContractFile(entry.isDirectory() ? join(rel, 'index.html') : rel);
				if (!expected.has(owned)) {
					await rm(path, { recursive: true, force: true });
					removed += 1;
				}
			} else if (entry.isDirectory()) {
				await sweep(path);
			} else if (!publicFiles.has(rel) && (await stat(path)).mtimeMs < started) {
				await rm(path);
				removed += 1;
			}
		}
	};
	await sweep(outDir);
	return { removed };
}
