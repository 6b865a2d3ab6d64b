import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The settings are read once per process: the cache and data folders are set before any module
// that reads them is imported.
const temp = await mkdtemp(join(tmpdir(), 'c0mm0-integration-'));
process.env.C0MM0_CACHE_DIR = join(temp, 'cache');
process.env.C0MM0_DATA_DIR = join(temp, 'data');
const { c0mm0 } = await import('../../src/integrations/c0mm0.ts');

type Hook = (options: unknown) => unknown;
const hook = (integration: AstroIntegration, name: string) =>
	(integration.hooks as Record<string, Hook | undefined>)[name];
const logger = { info() {}, warn() {}, error() {}, debug() {} };

describe('c0mm0()', () => {
	it('returns the sitemap and the register step, in that order — the search index is a step of its own', () => {
		const names = c0mm0().map((integration) => integration.name);
		expect(names.filter((name) => name !== 'c0mm0:kept-record-pages')).toEqual([
			'@astrojs/sitemap',
			'c0mm0:register-build',
		]);
	});
});

describe('the sitemap of an incremental build', () => {
	const outDir = join(temp, 'dist');
	beforeAll(async () => {
		await mkdir(join(temp, 'cache', 'build'), { recursive: true });
		await mkdir(outDir);
		// The plan the pages were rendered with: an imported record (no file under data/catalog/)
		// kept its page from the last build, so Astro did not render it this time.
		await writeFile(
			join(temp, 'cache', 'build', 'pending.json'),
			JSON.stringify({
				outDir,
				templateKey: 't',
				records: { 'fr-imported': 'k', 'fr-rendered': 'k' },
				reused: ['fr-imported'],
			}),
		);
	});
	afterAll(() => rm(temp, { recursive: true, force: true }));

	it('lists the record pages the build kept, not only those it rendered', async () => {
		const integrations = c0mm0();
		const sitemapAt = integrations.findIndex((i) => i.name === '@astrojs/sitemap');
		const sitemap = integrations[sitemapAt] as AstroIntegration;
		await hook(sitemap, 'astro:routes:resolved')?.({ routes: [] });
		await hook(
			sitemap,
			'astro:config:done',
		)?.({
			config: {
				site: 'https://c0mm0.com/',
				base: '/',
				trailingSlash: 'ignore',
				build: { format: 'directory' },
			},
		});
		// Astro runs the build:done hooks in the integrations' order, up to the sitemap's.
		for (const integration of integrations.slice(0, sitemapAt + 1)) {
			await hook(
				integration,
				'astro:build:done',
			)?.({
				dir: pathToFileURL(`${outDir}/`),
				pages: [{ pathname: 'records/fr-rendered/' }],
				logger,
			});
		}
		const xml = await readFile(join(outDir, 'sitemap-0.xml'), 'utf8');
		expect(xml).toContain('https://c0mm0.com/records/fr-rendered/');
		expect(xml).toContain('https://c0mm0.com/records/fr-imported/');
	});
});
