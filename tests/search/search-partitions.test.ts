import { describe, expect, it } from 'vitest';
import {
	idsByPartition,
	partitionOf,
	searchPartitions,
} from '../../src/lib/search/search-partitions.ts';
import { inShard } from '../../src/lib/verify/shard.ts';

const ids = Array.from({ length: 1000 }, (_, i) => `fr-record-${i}`);

describe('searchPartitions', () => {
	it('keeps one index up to the partition size, then one more per size', () => {
		expect(searchPartitions(25_000, { size: 25_000 })).toEqual({ count: 1, own: [1] });
		expect(searchPartitions(25_001, { size: 25_000 })).toEqual({ count: 2, own: [1, 2] });
		expect(searchPartitions(100_000, { size: 25_000 }).count).toBe(4);
		expect(searchPartitions(0, { size: 25_000 }).count).toBe(1);
	});

	it('gives a shard of a sharded build its own partition, one per shard', () => {
		expect(searchPartitions(10, { size: 25_000, shard: '3/4' })).toEqual({ count: 4, own: [3] });
	});
});

describe('partitionOf', () => {
	it('puts a record in the shard its id hashes to, the key sharded builds render by', () => {
		for (const id of ids) expect(inShard(id, { index: partitionOf(id, 4), total: 4 })).toBe(true);
	});

	it('keeps a record in its partition whatever else the catalog holds', () => {
		const before = new Map(ids.map((id) => [id, partitionOf(id, 4)]));
		const grown = [...ids, ...Array.from({ length: 500 }, (_, i) => `de-new-${i}`)];
		const after = idsByPartition(grown, 4);
		for (const [partition, members] of after)
			for (const id of members) if (before.has(id)) expect(before.get(id)).toBe(partition);
	});

	it('spreads records about evenly, so no partition is much larger than the size', () => {
		const sizes = [...idsByPartition(ids, 4).values()].map((list) => list.length);
		expect(sizes).toHaveLength(4);
		for (const size of sizes) expect(size).toBeGreaterThan(200);
		expect(sizes.reduce((a, b) => a + b)).toBe(ids.length);
	});
});

describe('idsByPartition', () => {
	it('lists only partitions with pages, and always the first, whose bundle the page loads', () => {
		const one = ids.find((id) => partitionOf(id, 4) === 3) ?? '';
		expect([...idsByPartition([one], 4).entries()]).toEqual([
			[1, []],
			[3, [one]],
		]);
	});
});
