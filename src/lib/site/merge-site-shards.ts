import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
	type BuildShardManifest,
	BuildShardManifestSchema,
} from '../../schemas/build-shard-manifest.ts';
import { distFile, recordPath, searchPartitionFolder } from '../register/urls.ts';
import { parseShard } from '../verify/shard.ts';
import { SHARD_MANIFEST } from './shard-output.ts';

/**
 * `npm run build:merge`: assembles the outputs of `npm run build -- --shard K/N` into one site.
 * Every file is copied (a copy-on-write clone where the file system allows); a path two shards
 * both hold must have the same bytes in both (shared assets, publisher cards), or the merge fails
 * naming it. The search needs nothing more: shard K wrote search partition K in its own folder,
 * and the search page (shard 1's) lists every partition that holds records.
 */

export class MergeShardsError extends Error {
	override name = 'MergeShardsError';
}

export interface MergeReport {
	shards: number;
	files: number;
	/** Paths more than one shard held, with the same bytes. */
	shared: number;
	records: number;
}

async function readManifest(dir: string): Promise<BuildShardManifest> {
	const text = await readFile(join(dir, SHARD_MANIFEST), 'utf8').catch(() => undefined);
	if (text === undefined)
		throw new MergeShardsError(
			`${dir} has no ${SHARD_MANIFEST}: it is not a shard's output, or its build did not finish (the manifest is written last)`,
		);
	const parsed = BuildShardManifestSchema.safeParse(JSON.parse(text));
	if (!parsed.success)
		throw new MergeShardsError(`${join(dir, SHARD_MANIFEST)} is not a shard manifest`);
	return parsed.data;
}

/** Reads and checks the shards' manifests: one build, every shard once, each complete. */
export async function checkShards(dirs: readonly string[]): Promise<BuildShardManifest[]> {
	const manifests = await Promise.all(dirs.map(readManifest));
	const total = parseShard(manifests[0]?.shard ?? '1/1').total;
	const byIndex = new Map<number, string>();
	for (const [i, manifest] of manifests.entries()) {
		const shard = parseShard(manifest.shard);
		if (shard.total !== total)
			throw new MergeShardsError(
				`${dirs[i]} is shard ${manifest.shard}, but ${dirs[0]} is of ${total}: shards of different builds`,
			);
		if (manifest.builtAt !== manifests[0]?.builtAt)
			throw new MergeShardsError(
				`${dirs[i]} was built at ${manifest.builtAt}, ${dirs[0]} at ${manifests[0]?.builtAt}: shards of one build share its time (--built-at)`,
			);
		const twin = byIndex.get(shard.index);
		if (twin)
			throw new MergeShardsError(`shard ${manifest.shard} is given twice: ${twin} and ${dirs[i]}`);
		byIndex.set(shard.index, dirs[i] ?? '');
		await checkComplete(dirs[i] ?? '', manifest);
	}
	const missing = Array.from({ length: total }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
	if (missing.length > 0)
		throw new MergeShardsError(
			`shard(s) ${missing.map((k) => `${k}/${total}`).join(', ')} missing: the merged site would lack their records and search`,
		);
	return manifests;
}

async function exists(path: string): Promise<boolean> {
	return (await stat(path).catch(() => undefined)) !== undefined;
}

async function checkComplete(dir: string, manifest: BuildShardManifest): Promise<void> {
	const shard = parseShard(manifest.shard);
	for (const id of manifest.records)
		if (!(await exists(join(dir, distFile(recordPath(id))))))
			throw new MergeShardsError(
				`${dir} (shard ${manifest.shard}) lists ${id} but has no page for it`,
			);
	const search = searchPartitionFolder(shard.index);
	if (manifest.records.length > 0 || shard.index === 1)
		if (!(await exists(join(dir, search, 'pagefind.js'))))
			throw new MergeShardsError(
				`${dir} (shard ${manifest.shard}) has no search index in ${search}/`,
			);
}

async function sameBytes(a: string, b: string): Promise<boolean> {
	const [sa, sb] = await Promise.all([stat(a), stat(b)]);
	if (sa.size !== sb.size) return false;
	const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
	return ba.equals(bb);
}

/** Copies every shard's output into `outDir`, which must be empty or absent. */
export async function mergeShards(dirs: readonly string[], outDir: string): Promise<MergeReport> {
	if ((await readdir(outDir).catch(() => [])).length > 0)
		throw new MergeShardsError(
			`${outDir} is not empty: the merge writes a whole site into an empty folder`,
		);
	const manifests = await checkShards(dirs);
	const owner = new Map<string, string>();
	let shared = 0;
	for (const dir of dirs) {
		for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile()) continue;
			const source = join(entry.parentPath, entry.name);
			const rel = relative(dir, source).split(sep).join('/');
			if (rel === SHARD_MANIFEST) continue;
			const target = join(outDir, rel);
			const first = owner.get(rel);
			if (first !== undefined) {
				if (!(await sameBytes(join(first, rel), source)))
					throw new MergeShardsError(
						`${rel} differs between ${first} and ${dir}: two shards wrote the same path with different content`,
					);
				shared += 1;
				continue;
			}
			owner.set(rel, dir);
			await mkdir(dirname(target), { recursive: true });
			await copyFile(source, target, constants.COPYFILE_FICLONE);
		}
	}
	return {
		shards: manifests.length,
		files: owner.size,
		shared,
		records: manifests.reduce((n, m) => n + m.records.length, 0),
	};
}
