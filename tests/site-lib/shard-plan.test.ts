import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildShards,
	countCatalogRecords,
	RECORDS_PER_SHARD,
	SHARDED_BUILD_FROM,
} from '../../src/lib/site/shard-plan.ts';
import { listImportedSources, readImportedIds } from '../../src/lib/state/imported-files.ts';

describe('buildShards', () => {
	it('builds in one job below the threshold, in shards of at most RECORDS_PER_SHARD from it', () => {
		expect(buildShards(SHARDED_BUILD_FROM - 1)).toEqual([0]);
		expect(buildShards(SHARDED_BUILD_FROM)).toEqual([1, 2]);
		expect(buildShards(1_000_000)).toHaveLength(1_000_000 / RECORDS_PER_SHARD);
	});
});

describe('countCatalogRecords', () => {
	it('counts catalog entries and imported records, and a source without records as none', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'c0mm0-shard-plan-'));
		try {
			await mkdir(join(dir, 'catalog', 'fr'), { recursive: true });
			await writeFile(join(dir, 'catalog', 'fr', 'fr-a.md'), '---\n---\n');
			await mkdir(join(dir, 'imported', 'portal'), { recursive: true });
			await mkdir(join(dir, 'imported', 'empty'), { recursive: true });
			await writeFile(join(dir, 'imported', 'portal', 'records.ndjson'), '{}\n{}\n\n');
			expect(await countCatalogRecords(dir)).toBe(3);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('counts a large source split into records/<hh>.ndjson, as the importer writes it', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'c0mm0-shard-plan-'));
		try {
			await mkdir(join(dir, 'imported', 'registry', 'records'), { recursive: true });
			await writeFile(join(dir, 'imported', 'registry', 'records', '0a.ndjson'), '{}\n{}\n');
			await writeFile(join(dir, 'imported', 'registry', 'records', 'f3.ndjson'), '{}\n');
			expect(await countCatalogRecords(dir)).toBe(3);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('counts every imported record of the shipped data, as the importer reads their ids', async () => {
		const data = join(import.meta.dirname, '..', '..', 'data');
		const entries = await readdir(join(data, 'catalog'), { recursive: true });
		let expected = entries.filter((name) => name.endsWith('.md')).length;
		for (const source of await listImportedSources(data))
			expected += (await readImportedIds(data, source)).length;
		expect(await countCatalogRecords(data)).toBe(expected);
	});
});
