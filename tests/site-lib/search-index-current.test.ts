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
