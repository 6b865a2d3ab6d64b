import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BuildShardManifest } from '../../schemas/build-shard-manifest.ts';
import { recordFolders, SEARCH_INDEX_FOLDER } from '../register/urls.ts';

/** The shard manifest's name in a shard's output; never part of the merged site. */
export const SHARD_MANIFEST = '.c0mm0-shard.json';

/** Astro's hashed assets (its default `build.assets`): the record pages link their stylesheets there. */
const ASSETS_FOLDER = '_astro';

/**
 * What a shard other than the first keeps of its output: the folders that hold one file per
 * record (pages, JSON, badges, images — judged by folder, as the sweep does, since they hold
 * tens of thousands of files), the hashed assets its pages link to, and its search partition. Every
 * other page is the whole register's, which shard 1 keeps. The listings return no path in other
 * shards (build-shard.ts); Astro still renders the single pages (home, browse, search…: it cannot
 * be told to leave a static page out), from the shard's part of the register, so they are removed
 * here.
 */
export async function pruneToRecordFiles(outDir: string): Promise<{ removed: number }> {
	const keep = [...recordFolders, ASSETS_FOLDER, SEARCH_INDEX_FOLDER];
	let removed = 0;
	const sweep = async (dir: string): Promise<void> => {
		for (const entry of await readdir(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			const rel = relative(outDir, path).split(sep).join('/');
			if (keep.some((k) => rel === k || rel.startsWith(`${k}/`))) continue;
			if (entry.isDirectory() && keep.some((k) => k.startsWith(`${rel}/`))) await sweep(path);
			else {
				await rm(path, { recursive: true, force: true });
				removed += 1;
			}
		}
	};
	await sweep(outDir);
	return { removed };
}

export async function writeShardManifest(outDir: string, manifest: BuildShardManifest) {
	await writeFile(join(outDir, SHARD_MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
}
