import { inShard, parseShard, type Shard } from '../verify/shard.ts';

/**
 * The search index in partitions. Pagefind holds every page of an index in memory while it
 * builds it: one index of 100,000 record pages peaked at 5.2 GB (PERFORMANCE.md), against a
 * budget of 4 GB for the whole build. A larger register is therefore indexed as several indexes
 * of at most about `size` pages, one after another, each in its own Pagefind process, and the
 * search page merges them in the browser (Pagefind's `mergeIndex`, its multisite search).
 *
 * A record's partition is the shard its id hashes to (src/lib/verify/shard.ts, the key the
 * nightly verify already shards by): stable from night to night while the partition count stays,
 * and the same key a sharded build renders by, so shard K of N writes exactly partition K of N.
 */

/** The partitions a build writes, 1-based, and how many the register has in all. */
export interface SearchPartitions {
	count: number;
	/** The partitions this build indexes: all of them, or its own shard's one. */
	own: number[];
}

/**
 * How many partitions a register of `records` record pages is indexed in. A sharded build has
 * one per shard, whatever the size, so that the merge only copies each shard's index.
 */
export function searchPartitions(
	records: number,
	options: { size: number; shard?: string | undefined },
): SearchPartitions {
	if (options.shard) {
		const shard = parseShard(options.shard);
		return { count: shard.total, own: [shard.index] };
	}
	const count = Math.max(1, Math.ceil(records / options.size));
	return { count, own: Array.from({ length: count }, (_, i) => i + 1) };
}

/** The partition (1-based) a record's page is indexed in. */
export function partitionOf(id: string, count: number): number {
	for (let index = 1; index <= count; index++) {
		const shard: Shard = { index, total: count };
		if (inShard(id, shard)) return index;
	}
	throw new Error(`partitionOf: no partition of ${count} holds ${id}`);
}

/**
 * The record ids of each partition that holds any, by partition. An empty partition has no index
 * (Pagefind writes one without a language, which the browser could not merge), except the first,
 * whose bundle the search page loads in any case.
 */
export function idsByPartition(ids: readonly string[], count: number): Map<number, string[]> {
	const byPartition = new Map<number, string[]>([[1, []]]);
	for (const id of ids) {
		const partition = count === 1 ? 1 : partitionOf(id, count);
		const list = byPartition.get(partition);
		if (list) list.push(id);
		else byPartition.set(partition, [id]);
	}
	return new Map([...byPartition].sort((a, b) => a[0] - b[0]));
}
