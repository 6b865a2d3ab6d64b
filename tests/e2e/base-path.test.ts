import { existsSync, statSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { buildSite, root } from './build-site.ts';

const SITE = 'https://user.github.io/fork/';
const BASE = '/fork/';

/** Attributes that hold a URL (data-index: the search page's Pagefind script). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'data-index']);

/** Every URL an HTML page points at, with the page it sits on. */
function urlsOf(html: string): string[] {
	const urls: string[] = [];
	const parser = new Parser({
		onopentag(name, attributes) {
			for (const [attribute, value] of Object.entries(attributes)) {
				if (URL_ATTRIBUTES.has(attribute)) urls.push(value);
			}
			if (
				name === 'meta' &&
				/^(og:|twitter:)(url|image)$/.test(attributes.property ?? attributes.name ?? '')
			)
				urls.push(attributes.content ?? '');
		},
	});
	parser.write(html);
	parser.end();
	return urls;
}

/**
 * A fork served from https://<user>.github.io/<repo>/: a tiny register built with that site URL
 * must link only under /<repo>/, and every link must reach a file of the build.
 */
describe('a register built for a site under a base path', () => {
	let work: string;
	let siteDir: string;
	let outDir: string;
	let pages: string[];

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'c0mm0-base-'));
		const dataDir = join(work, 'data');
		siteDir = join(work, 'site');
		// The host serves the output folder at /fork/, as GitHub Pages serves a project site.
		outDir = join(siteDir, 'fork');
		await cp(join(root, 'tests', 'fixtures', 'valid-catalog'), dataDir, { recursive: true });
		await buildSite(work, outDir, {
			C0MM0_SITE_URL: SITE,
			C0MM0_SKIP_OG: 'true',
			C0MM0_DATA_DIR: dataDir,
		});
		pages = (await readdir(outDir, { recursive: true }))
			.map(String)
			.filter((f) => f.endsWith('.html'));
	}, 300_000);
	afterAll(async () => {
		await rm(work, { recursive: true, force: true });
	});

	it('links only under the base, and every internal link reaches a file of the build', async () => {
		expect(pages.length).toBeGreaterThan(10);
		const outside: string[] = [];
		const broken: string[] = [];
		let checked = 0;
		for (const page of pages) {
			const pageUrl = new URL(page.replace(/index\.html$/, ''), SITE);
			for (const raw of urlsOf(await readFile(join(outDir, page), 'utf8'))) {
				if (raw === '' || raw.startsWith('#')) continue;
				const url = new URL(raw, pageUrl);
				if (url.origin !== new URL(SITE).origin) continue;
				checked += 1;
				if (!raw.startsWith(BASE) && !raw.startsWith(SITE)) outside.push(`${page} → ${raw}`);
				if (!url.pathname.startsWith(BASE)) continue;
				const rest = decodeURIComponent(url.pathname.slice(BASE.length));
				const file = join(outDir, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
				if (!existsSync(file) || !statSync(file).isFile()) broken.push(`${page} → ${raw}`);
			}
		}
		expect(checked).toBeGreaterThan(pages.length * 10);
		expect(outside).toEqual([]);
		expect(broken).toEqual([]);
	});

	it('gives absolute URLs under the base in the record JSON, the sitemap and robots.txt', async () => {
		const records = JSON.parse(await readFile(join(outDir, 'api', 'v1', 'records.json'), 'utf8'));
		const first = records.records[0];
		expect(first.url).toBe(`${SITE}records/${first.id}/`);
		const record = JSON.parse(
			await readFile(join(outDir, 'api', 'v1', 'records', `${first.id}.json`), 'utf8'),
		);
		expect(record.links).toMatchObject({
			page: `${SITE}records/${first.id}/`,
			badge: `${SITE}badges/${first.id}.svg`,
			og: `${SITE}og/${first.id}.png`,
		});
		const sitemap = await readFile(join(outDir, 'sitemap-0.xml'), 'utf8');
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
		expect(locs).toContain(`${SITE}records/${first.id}/`);
		for (const loc of locs) expect(loc.startsWith(SITE), loc).toBe(true);
		expect(await readFile(join(outDir, 'robots.txt'), 'utf8')).toContain(
			`Sitemap: ${SITE}sitemap-index.xml`,
		);
	});

	it.skipIf(!hasChromium)(
		'finds records with the search page in Chromium, and links to them under the base',
		async () => {
			const server = await serveStatic(siteDir);
			const browser = await launchChromium();
			try {
				const page = await browser.newPage();
				await page.goto(`${server.url}${BASE}search/?q=test`);
				await page.waitForFunction(() =>
					/found/.test(document.getElementById('search-status')?.textContent ?? ''),
				);
				const hrefs = await page
					.locator('#search-results > li h3 a')
					.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
				expect(hrefs.length).toBeGreaterThan(0);
				for (const href of hrefs) expect(href).toMatch(/^\/fork\/records\/[a-z0-9-]+\/$/);
				const response = await page.goto(`${server.url}${hrefs[0]}`);
				expect(response?.status()).toBe(200);
			} finally {
				await browser.close();
				await server.close();
			}
		},
	);
});
