import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const skip = inject('skipReason');

describe.skipIf(skip !== '')('the built register, in Chromium', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.newPage({ javaScriptEnabled: false });
	});
	afterAll(async () => {
		await browser?.close();
	});

	const text = async (path: string) => {
		const response = await page.goto(`${siteUrl}${path}`);
		expect(response?.status(), path).toBe(200);
		return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
	};

	it('renders an up record with every launch-card section', async () => {
		const body = await text('/records/fr-e2e-registry-api/');
		for (const heading of [
			'Description',
			'Quality score',
			'Official proof',
			'Data schema',
			'Verification status',
			'Using the API',
			'Machine-readable & source',
			'Badge',
		]) {
			expect(await page.getByRole('heading', { level: 2, name: heading }).count(), heading).toBe(1);
		}
		expect(body).toMatch(/Up checked \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
		expect(body).toContain('Key required');
		expect(body).toContain('Filterable via the API (2)');
		expect(body).toContain('siret');
		expect(body).toMatch(/Schema captured from Swagger 2\.0 \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
		expect(body).toMatch(/30-day uptime \d+\.\d% \(11 nights counted\)/);
		expect(body).toContain("curl -s 'http://127.0.0.1:");
		expect(body).toContain('const response = await fetch(');
		expect(body).toContain('import urllib.request');
		// Nights in a row with one outcome are one shape; their titles still account for all 90.
		const runs = await page.locator('svg.history-strip line title').allTextContents();
		const nights = runs.map((t) => Number(/\((\d+) nights\)/.exec(t)?.[1] ?? 1));
		expect(nights.reduce((a, b) => a + b, 0)).toBe(90);
		expect(runs.length).toBeLessThan(90);
		expect(await page.locator('a[href="/api/v1/records/fr-e2e-registry-api.json"]').count()).toBe(
			1,
		);
	});

	it('lists every source with its country, records and last import, and links to each', async () => {
		const body = await text('/sources/');
		expect(body).toContain('Portail de test');
		expect(body).toContain('Community test catalogue');
		expect(body).toContain('Not imported yet — first harvest at the nightly run');
		expect(body).toMatch(/Portail de test France Yes ckan 3 2026-11-25 02:00 UTC Imported/);
		expect(await page.locator('a[href="/sources/e2e-portal/"]').count()).toBe(1);
	});

	it('shows a source with its facts and the records it lists', async () => {
		const body = await text('/sources/e2e-portal/');
		expect(await page.getByRole('heading', { level: 1, name: 'Portail de test' }).count()).toBe(1);
		expect(body).toContain('A government or EU body (official catalogue)');
		for (const id of ['fr-e2e-imported-api', 'fr-e2e-delisted-dataset', 'fr-e2e-registry-api']) {
			expect(await page.locator(`a[href="/records/${id}/"]`).count(), id).toBe(1);
		}
		await text('/sources/e2e-community/');
		const sitemap = await readFile(join(distDir, 'sitemap-0.xml'), 'utf8');
		for (const path of ['/sources/', '/sources/e2e-portal/', '/sources/e2e-community/']) {
			expect(sitemap, path).toContain(`${path}</loc>`);
		}
	});

	it('shows an imported record with its summary, its catalogue and a link to the full description', async () => {
		const body = await text('/records/fr-e2e-imported-api/');
		expect(body).toContain('API published by Mairie de test, listed in Portail de test.');
		const full = page.getByRole('link', { name: 'Full description at Portail de test ↗' });
		expect(await full.getAttribute('href')).toMatch(/\/portal\/dataset\/imported-api$/);
		expect(await page.getByRole('heading', { level: 2, name: 'Listed by' }).count()).toBe(1);
		expect(body).toContain('First listed 2026-11-02');
		expect(body).toContain('named by an imported catalogue, not yet reviewed');
		expect(body).not.toContain('edit this entry');
	});

	it('says when a catalogue delisted a record', async () => {
		const body = await text('/records/fr-e2e-delisted-dataset/');
		expect(body).toContain('Delisted by Portail de test on 2026-11-20');
	});

	it('lists the importing catalogue on the hand-written record it matched, which keeps its own text', async () => {
		const body = await text('/records/fr-e2e-registry-api/');
		expect(body).toContain('Listed by');
		expect(body).toContain('First listed 2026-11-03');
		expect(body).toContain('A fixture record for the end-to-end tests');
		const response = await page.goto(`${siteUrl}/records/fr-company-registry-test-api/`);
		expect(response?.status()).toBe(404);
	});

	it('shows a publisher only a catalogue names as not yet reviewed', async () => {
		const body = await text('/publishers/e2e-town/');
		expect(body).toContain('not yet reviewed');
		expect(body).not.toContain('Official domains');
	});

	it('says a record that was never verified is not yet verified — never up, never down', async () => {
		const body = await text('/records/eu-e2e-new-api/');
		expect(body).toContain('Not yet verified');
		expect(body).toContain('Provisional');
		expect(body).not.toMatch(/\bUp\b checked|\bDown\b/);
		expect(body).toContain('Schema not captured yet: this record has not been verified.');
	});

	it('shows a down record as down, with its reason', async () => {
		const body = await text('/records/fr-e2e-outage-api/');
		expect(body).toContain('Down');
		expect(body).toContain('The base URL answered 500: server error.');
		expect(body).toContain('No machine-readable description declared');
	});

	it('shows an inconclusive check as inconclusive', async () => {
		const body = await text('/records/fr-e2e-shielded-api/');
		expect(body).toContain('Inconclusive');
		expect(body).toContain('bot-protection challenge');
	});

	it('shows an invalid spec with its errors', async () => {
		const body = await text('/records/fr-e2e-broken-spec-api/');
		expect(body).toContain('The spec does not validate.');
		expect(body).toMatch(/API version number must be a string/);
	});

	it('shows a dataset without distributions honestly', async () => {
		const body = await text('/records/de-e2e-empty-dataset/');
		expect(body).toContain('No download URL is listed for this dataset yet');
		expect(body).toContain('Getting the data');
	});

	it('lists tonight’s problems on the status page', async () => {
		const body = await text('/status/');
		expect(body).toContain('Down (1)');
		expect(body).toContain('Outage Test API');
		expect(body).toContain('Inconclusive (1)');
		expect(body).toContain('Not validating (1)');
		// The new hand-written API and the two imported records, which the fixture run leaves out.
		expect(body).toContain('3 record(s) not yet verified');
	});

	it('publishes every record as JSON with its score, reasons and evidence', async () => {
		const all = JSON.parse(await readFile(join(distDir, 'api', 'v1', 'records.json'), 'utf8'));
		// Eight hand-written records and two imported ones (the third import matched a hand-written one).
		expect(all.count).toBe(10);
		const record = JSON.parse(
			await readFile(join(distDir, 'api', 'v1', 'records', 'fr-e2e-registry-api.json'), 'utf8'),
		);
		expect(record.imported).toBe(false);
		expect(record.listedBy).toMatchObject([
			{ source: 'e2e-portal', name: 'Portail de test', firstSeen: '2026-11-03' },
		]);
		expect(record.score).toMatchObject({ band: expect.any(String), provisional: false });
		expect(record.score.total).toBeGreaterThan(60);
		expect(record.score.axes).toHaveLength(5);
		for (const axis of record.score.axes) expect(axis.reasons.length).toBeGreaterThan(0);
		expect(record.score.evidence.map((e: { signal: string }) => e.signal)).toEqual([
			'official-domain',
			'portal-backlink',
			'github-org',
			'reciprocal-link',
			'policy',
		]);
		expect(record.verification.state).toBe('up');
		expect(record.schema.parameters.map((p: { name: string }) => p.name)).toContain('siret');
		const never = JSON.parse(
			await readFile(join(distDir, 'api', 'v1', 'records', 'eu-e2e-new-api.json'), 'utf8'),
		);
		expect(never.verification.state).toBe('not-yet-verified');
		expect(never.score.provisional).toBe(true);
	});

	it('keeps a record page under 50 KB transferred (HTML + CSS, gzip)', async () => {
		const html = await readFile(join(distDir, 'records', 'fr-e2e-registry-api', 'index.html'));
		const css = [...html.toString().matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map(
			(m) => m[1] as string,
		);
		let bytes = gzipSync(html).length;
		for (const href of css) bytes += gzipSync(await readFile(join(distDir, href))).length;
		expect(bytes).toBeLessThan(50 * 1024);
	});

	it('ships no JavaScript on record pages but the tiny relative-time enhancement', async () => {
		const html = await readFile(
			join(distDir, 'records', 'fr-e2e-registry-api', 'index.html'),
			'utf8',
		);
		const scripts = [...html.matchAll(/<script([^>]*)>/g)]
			.map((m) => m[1])
			.filter((attributes) => !attributes?.includes('application/ld+json'));
		expect(scripts).toEqual([' src="/ago.js" defer']);
		expect((await readFile(join(distDir, 'ago.js'))).length).toBeLessThan(1024);
	});

	it('turns check times into "N ago" when JavaScript runs', async () => {
		const withJs = await browser.newPage();
		await withJs.goto(`${siteUrl}/records/fr-e2e-registry-api/`);
		expect(await withJs.locator('.record-header time').innerText()).toMatch(
			/^(just now|\d+ min ago) \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)$/,
		);
		await withJs.close();
	});

	it('has structured data, a canonical URL and social meta on record pages', async () => {
		await page.goto(`${siteUrl}/records/de-e2e-weather-dataset/`);
		const jsonLd = JSON.parse(
			(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
		);
		expect(jsonLd['@type']).toBe('Dataset');
		expect(jsonLd.distribution[0].encodingFormat).toBe('text/csv');
		expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
			/\/records\/de-e2e-weather-dataset\/$/,
		);
		// A dataset shares its publisher's card, and the card is there to fetch.
		const image = await page.locator('meta[property="og:image"]').getAttribute('content');
		expect(image).toMatch(/\/og\/publisher-e2e-bundesamt\.png$/);
		const card = await page.request.get(`${siteUrl}${new URL(image ?? '').pathname}`);
		expect(card.status()).toBe(200);
		expect(card.headers()['content-type']).toBe('image/png');
	});

	it('answers unknown paths with the helpful 404', async () => {
		const response = await page.goto(`${siteUrl}/records/no-such-record/`);
		expect(response?.status()).toBe(404);
		expect(await page.locator('h1').innerText()).toBe('This page is not in the register');
	});

	it('fits a phone screen without sideways scrolling', async () => {
		const phone = await browser.newPage({
			viewport: { width: 360, height: 740 },
			javaScriptEnabled: false,
		});
		await phone.goto(`${siteUrl}/records/fr-e2e-registry-api/`);
		const overflow = await phone.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await phone.close();
	});
});
