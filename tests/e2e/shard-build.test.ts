import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SHARD_MANIFEST } from '../../src/lib/site/shard-output.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { root } from './build-site.ts';

const run = promisify(execFile);
const distDir = inject('distDir');
const siteUrl = inject('siteUrl');
const skip = inject('skipReason');

/** One time for every build, so pages that print it agree. */
const BUILT_AT = '2026-11-26T02:00:00Z';
const SHARDS = 4;
/** The fixture register has 11 records: 3 pages a partition gives 4 partitions, as 4 shards do. */
const PARTITION_SIZE = '3';

/** Searches the fixture answers with results, with and without filters, ranked and sorted. */
const QUERIES = [
	'q=test',
	'q=weather+observations',
	'q=siret',
	'q=postcode',
	'q=dataset',
	'q=api&country=France',
	'q=test&sort=score',
	'kind=API',
	'kind=Dataset',
	'source=Portail+de+test',
	'country=Germany',
];

/** Builds the site; what the build printed, for the checks that read its log. */
async function build(
	work: string,
	outDir: string,
	args: string[],
	env: Record<string, string>,
): Promise<string> {
	const { stdout, stderr } = await run(
		process.execPath,
		[join(root, 'scripts', 'build.ts'), '--outDir', outDir, '--built-at', BUILT_AT, ...args],
		{
			cwd: root,
			env: {
				...process.env,
				// The data the global setup verified, next to the site it built.
				C0MM0_DATA_DIR: join(dirname(distDir), 'data'),
				C0MM0_ALLOW_PRIVATE: '1',
				C0MM0_ASTRO_CACHE_DIR: join(work, 'astro-cache'),
				C0MM0_CACHE_DIR: join(work, 'cache'),
				C0MM0_OG_CACHE_DIR: join(work, 'og-cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
				...env,
			},
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	return `${stdout}${stderr}`;
}

/** Every file of a site, relative, with the hash of its bytes. */
async function fileHashes(dir: string): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		files.set(
			relative(dir, path).split(sep).join('/'),
			createHash('sha256')
				.update(await readFile(path))
				.digest('hex'),
		);
	}
	return files;
}

async function resultIds(page: Page, site: string, query: string): Promise<string[]> {
	await page.goto(`${site}/search/?${query}`);
	await page.waitForFunction(() =>
		/found/.test(document.getElementById('search-status')?.textContent ?? ''),
	);
	// Every result, not only the first page.
	while (await page.locator('#search-more').isVisible()) await page.click('#search-more');
	const hrefs = await page
		.locator('#search-results > li h3 a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.map((href) => href.replace(/^\/records\/|\/$/g, ''));
}

describe.skipIf(skip !== '')('a sharded build, merged', () => {
	let work: string;
	let whole: string;
	let merged: string;
	let browser: Browser;
	const servers: { url: string; close(): Promise<void> }[] = [];
	/** Each shard's build log, shard 1 first. */
	const logs: string[] = [];

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'c0mm0-shards-'));
		whole = join(work, 'whole');
		merged = join(work, 'merged');
		await build(work, whole, [], { C0MM0_SEARCH_PARTITION_SIZE: PARTITION_SIZE });
		const shards = Array.from({ length: SHARDS }, (_, i) => join(work, `shard-${i + 1}`));
		for (const [i, shard] of shards.entries())
			logs.push(await build(work, shard, ['--shard', `${i + 1}/${SHARDS}`], {}));
		await run(
			process.execPath,
			[join(root, 'scripts', 'build-merge.ts'), '--out', merged, ...shards],
			{
				cwd: root,
			},
		);
		servers.push(await serveStatic(whole), await serveStatic(merged));
		browser = await launchChromium();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		for (const server of servers) await server.close();
		await rm(work, { recursive: true, force: true });
	});

	it('loads only its own records in a shard after the first, and renders no listing there', async () => {
		const counts = await Promise.all(
			Array.from({ length: SHARDS }, async (_, i) => {
				const manifest = join(work, `shard-${i + 1}`, SHARD_MANIFEST);
				return (JSON.parse(await readFile(manifest, 'utf8')) as { records: string[] }).records
					.length;
			}),
		);
		const own = counts[1] ?? 0;
		const all = counts.reduce((a, b) => a + b, 0);
		expect(own).toBeGreaterThan(0);
		expect(own).toBeLessThan(all);
		expect(logs[1]).toContain(`loaded ${own} record(s)`);
		expect(logs[1]).not.toMatch(
			/\/(countries|themes|kinds|publishers|sources)\/[^/\s]+\/index\.html/,
		);
		// Shard 1 writes the whole register's pages, from every record.
		expect(logs[0]).toContain(`loaded ${all} record(s)`);
		expect(logs[0]).toMatch(/\/countries\/[^/\s]+\/index\.html/);
	});

	it('splits the fixture register in four search partitions', async () => {
		const partitions = (await readdir(join(whole, 'pagefind'))).filter((f) =>
			f.startsWith('part-'),
		);
		expect(partitions.sort()).toEqual(['part-2', 'part-3', 'part-4']);
	});

	it('gives the same files with the same bytes as one build of four partitions', async () => {
		const [one, four] = await Promise.all([fileHashes(whole), fileHashes(merged)]);
		expect([...four.keys()].sort()).toEqual([...one.keys()].sort());
		const differing = [...one].filter(([path, hash]) => four.get(path) !== hash).map(([p]) => p);
		expect(differing).toEqual([]);
	});

	it('answers every query with the same results, in the same order', async () => {
		const page = await browser.newPage();
		const [one, four] = servers;
		for (const query of QUERIES) {
			const expected = await resultIds(page, one?.url ?? '', query);
			expect(expected.length, query).toBeGreaterThan(0);
			expect(await resultIds(page, four?.url ?? '', query), query).toEqual(expected);
		}
	});

	it('finds what the single index finds, the sorted ones in score order', async () => {
		// Ranked across partitions, relevance is each partition's own, so only the sets compare.
		// A partition without the word at all may add pages Pagefind matches loosely (for
		// "dataset", pages with "data"), so the partitioned results hold the single index's.
		const page = await browser.newPage();
		for (const query of QUERIES) {
			const single = await resultIds(page, siteUrl, query);
			const partitioned = await resultIds(page, servers[0]?.url ?? '', query);
			expect(partitioned, query).toEqual(expect.arrayContaining(single));
			if (!query.startsWith('q=')) expect(partitioned.sort(), query).toEqual(single.sort());
		}
		await resultIds(page, servers[0]?.url ?? '', 'kind=API');
		const scores = await page
			.locator('#search-results .score-chip')
			.evaluateAll((chips) =>
				chips.map((c) => Number(/score (\d+)/.exec(c.textContent ?? '')?.[1])),
			);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
	});
});
