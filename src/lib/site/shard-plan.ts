import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { countImportedRecords, listImportedSources } from '../state/imported-files.ts';

/**
 * When the nightly build is split into shards, and in how many. PERFORMANCE.md measured 100,000
 * records built in one job in 5.4 min (OG images cached) and 9.2 min cold on 2 cores, the Astro
 * process holding 3.4 GB; both grow about linearly, so at 150,000 a cold build nears the 20-minute
 * budget and the build's heap 5 GB. From there the build runs as shards of at most 100,000 records,
 * each a size already measured in one job; below it, one job, with no artifacts to pass around.
 */
export const SHARDED_BUILD_FROM = 150_000;
export const RECORDS_PER_SHARD = 100_000;

/** The shards of tonight's build: [0] for one whole build, else [1, …, N]. */
export function buildShards(records: number): number[] {
	if (records < SHARDED_BUILD_FROM) return [0];
	return Array.from({ length: Math.ceil(records / RECORDS_PER_SHARD) }, (_, i) => i + 1);
}

/**
 * The records of a data folder, counted without loading them: one file per catalog entry, one
 * line per imported record. Close enough to choose a shard count, which only sets how the work
 * is split, never what the site holds.
 */
export async function countCatalogRecords(dataDir: string): Promise<number> {
	const entries = await readdir(join(dataDir, 'catalog'), { recursive: true }).catch(() => []);
	let count = entries.filter((name) => name.endsWith('.md')).length;
	for (const source of await listImportedSources(dataDir))
		count += await countImportedRecords(dataDir, source);
	return count;
}
