import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchIndexIsCurrent } from '../../src/lib/search/search-index-current.ts';

let dir: string;
const put = async (path: string, when: number) => {
	const file = join(dir, path);
	await mkdir(dirname(file), { recursive: true });
	await writeFile(file, 'x');
	await utimes(file, when / 1000, when / 1000);
};

/** A built site: record pages written at `pagesAt`, an index of `fragments` written at `indexAt`. */
async function site(pages: string[], pagesAt: number, fragments: number, indexAt: number) {
	for (const id of pages) await put(`records/${id}/index.html`, pagesAt);
	for (let i = 0; i < fragments; i++) await put(`pagefind/fragment/en_${i}.pf_fragment`, indexAt);
	await put('pagefind/pagefind.js', indexAt);
}

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'c0mm0-search-current-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('searchIndexIsCurrent', () => {
	const earlier = Date.parse('2026-11-25T00:00:00Z');
	const later = Date.parse('2026-11-26T00:00:00Z');

	it('keeps an index written after every record page, one fragment each', async () => {
		await site(['fr-a', 'fr-b'], earlier, 2, later);
		expect(await searchIndexIsCurrent(dir)).toBe(true);
	});

	it('rebuilds when there is no index yet', async () => {
		await put('records/fr-a/index.html', earlier);
		expect(await searchIndexIsCurrent(dir)).toBe(false);
	});

	it('rebuilds when a record page was rendered after the index', async () => {
		await site(['fr-a', 'fr-b'], earlier, 2, later);
		await put('records/fr-b/index.html', later + 60_000);
		expect(await searchIndexIsCurrent(dir)).toBe(false);
	});

	it('rebuilds when a record page was added or removed since', async () => {
		await site(['fr-a', 'fr-b'], earlier, 3, later);
		expect(await searchIndexIsCurrent(dir)).toBe(false);
		await put('records/fr-c/index.html', earlier);
		expect(await searchIndexIsCurrent(dir)).toBe(true);
		await put('records/fr-d/index.html', earlier);
		expect(await searchIndexIsCurrent(dir)).toBe(false);
	});
});

describe('searchIndexIsCurrent, with the index in partitions', () => {
	const earlier = Date.parse('2026-11-25T00:00:00Z');
	const later = Date.parse('2026-11-26T00:00:00Z');
	const two = { count: 2, own: [1, 2] };
	// Ids whose pages hash to partition 1 and 2 of 2 (src/lib/search/search-partitions.ts).
	const first = 'fr-e2e-imported-api';
	const second = 'fr-e2e-registry-api';

	async function partitioned(indexAt: number) {
		await put(`records/${first}/index.html`, earlier);
		await put(`records/${second}/index.html`, earlier);
		await put('pagefind/fragment/en_1.pf_fragment', indexAt);
		await put('pagefind/pagefind.js', indexAt);
		await put('pagefind/part-2/fragment/en_2.pf_fragment', indexAt);
		await put('pagefind/part-2/pagefind.js', indexAt);
	}

	it('keeps partitions that each hold their own pages', async () => {
		await partitioned(later);
		expect(await searchIndexIsCurrent(dir, two)).toBe(true);
	});

	it('rebuilds when a partition is missing', async () => {
		await partitioned(later);
		await rm(join(dir, 'pagefind', 'part-2'), { recursive: true });
		expect(await searchIndexIsCurrent(dir, two)).toBe(false);
	});

	it('rebuilds when the partition count changed', async () => {
		await partitioned(later);
		expect(await searchIndexIsCurrent(dir)).toBe(false);
		expect(await searchIndexIsCurrent(dir, { count: 3, own: [1, 2, 3] })).toBe(false);
	});

	it('rebuilds when a page of one partition was rendered after it', async () => {
		await partitioned(later);
		await put(`records/${second}/index.html`, later + 60_000);
		expect(await searchIndexIsCurrent(dir, two)).toBe(false);
	});
});
