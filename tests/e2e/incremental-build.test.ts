import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, root } from './build-site.ts';

/**
 * Incremental builds on a two-record register: a second build keeps unchanged records' files,
 * a changed entry is rendered again, a removed entry's files disappear, and the search index is
 * rebuilt only when a record page changed.
 */
describe('incremental builds', () => {
	let work: string;
	let dataDir: string;
	let outDir: string;
	const build = async (extra: Record<string, string> = {}) => {
		const stdout = await buildSite(work, outDir, { C0MM0_DATA_DIR: dataDir, ...extra });
		const kept = /(\d+) record\(s\) kept from the last build, (\d+) rendered/.exec(stdout);
		return { stdout, kept: Number(kept?.[1]), rendered: Number(kept?.[2]) };
	};
	const mtime = async (path: string) => (await stat(join(outDir, path))).mtimeMs;

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'c0mm0-incremental-'));
		dataDir = join(work, 'data');
		outDir = join(work, 'dist');
		await cp(join(root, 'tests', 'fixtures', 'valid-catalog'), dataDir, { recursive: true });
	});
	afterAll(async () => {
		await rm(work, { recursive: true, force: true });
	});

	it('renders everything the first time', async () => {
		const first = await build();
		expect(first).toMatchObject({ kept: 0, rendered: 2 });
		// One register per build: the file-writing step reuses the one the pages were rendered from.
		expect(first.stdout).toContain('(shared with the pages)');
		for (const file of [
			'records/fr-test-api/index.html',
			'api/v1/records/fr-test-api.json',
			'badges/fr-test-api.svg',
			'badges/fr-test-api-score.svg',
			'badges/fr-test-api-uptime.svg',
			'badges/fr-test-api.json',
			'og/fr-test-api.png',
			'og/default.png',
			'pagefind/pagefind.js',
		]) {
			expect(existsSync(join(outDir, file)), file).toBe(true);
		}
	}, 120_000);

	it('keeps every unchanged record, and the search index, on a second build', async () => {
		const before = await mtime('records/fr-test-api/index.html');
		const second = await build();
		expect(second).toMatchObject({ kept: 2, rendered: 0 });
		expect(second.stdout).toContain('the search index stands');
		expect(await mtime('records/fr-test-api/index.html')).toBe(before);
		expect(existsSync(join(outDir, 'og', 'fr-test-api.png'))).toBe(true);
	}, 120_000);

	it('renders again only the entry that changed', async () => {
		const file = join(dataDir, 'catalog', 'fr', 'fr-test-api.md');
		await writeFile(
			file,
			(await readFile(file, 'utf8')).replace('title: Test API', 'title: Renamed Test API'),
		);
		const unchanged = await mtime('records/eu-test-dataset/index.html');
		const third = await build();
		expect(third).toMatchObject({ kept: 1, rendered: 1 });
		expect(await readFile(join(outDir, 'records', 'fr-test-api', 'index.html'), 'utf8')).toContain(
			'Renamed Test API',
		);
		expect(await mtime('records/eu-test-dataset/index.html')).toBe(unchanged);
		expect(third.stdout).toMatch(/indexed 2 record page\(s\)/);
	}, 120_000);

	it('removes every file of an entry that left the catalog', async () => {
		await rm(join(dataDir, 'catalog', 'eu', 'eu-test-dataset.md'));
		await build();
		for (const file of [
			'records/eu-test-dataset',
			'api/v1/records/eu-test-dataset.json',
			'badges/eu-test-dataset.svg',
			'badges/eu-test-dataset-uptime.svg',
			'og/eu-test-dataset.png',
		]) {
			expect(existsSync(join(outDir, file)), file).toBe(false);
		}
		const sitemap = await readFile(join(outDir, 'sitemap-0.xml'), 'utf8');
		expect(sitemap).toContain('/records/fr-test-api/');
		expect(sitemap).not.toContain('eu-test-dataset');
	}, 120_000);

	it('renders everything again when asked to, with C0MM0_FULL_BUILD=true as with 1', async () => {
		expect(await build({ C0MM0_FULL_BUILD: 'true' })).toMatchObject({ kept: 0, rendered: 1 });
	}, 120_000);
});
