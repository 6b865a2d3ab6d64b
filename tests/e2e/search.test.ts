import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchChromium, runAxe } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const skip = inject('skipReason');

/** Waits until the search page has answered (the status leaves its idle and busy texts). */
async function settle(page: Page): Promise<string> {
	await page.waitForFunction(() => {
		const text = document.getElementById('search-status')?.textContent ?? '';
		return /found/.test(text);
	});
	return (await page.locator('#search-status').textContent()) ?? '';
}

/** Result links in order, as record ids. */
async function resultIds(page: Page): Promise<string[]> {
	const hrefs = await page
		.locator('#search-results > li h3 a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.map((href) => href.replace(/^\/records\/|\/$/g, ''));
}

async function search(page: Page, query: string): Promise<string[]> {
	await page.goto(`${siteUrl}/search/?${query}`);
	await settle(page);
	return resultIds(page);
}

describe.skipIf(skip !== '')('search, in Chromium', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.newPage();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('indexes the record pages and nothing else', async () => {
		const fragments = await readdir(join(distDir, 'pagefind', 'fragment'));
		const records = await readdir(join(distDir, 'records'));
		expect(fragments).toHaveLength(records.length);
		const ids = await search(page, 'q=test');
		expect(ids.length).toBeGreaterThan(0);
		for (const id of ids) expect(records).toContain(id);
	});

	it('finds a record by the words of its title', async () => {
		const ids = await search(page, 'q=weather+observations');
		expect(ids[0]).toBe('de-e2e-weather-dataset');
		await expect(page.locator('#search-results > li').first().textContent()).resolves.toMatch(
			/Dataset[\s\S]*Germany[\s\S]*score \d+/,
		);
	});

	it('reads ?q= into the search box', async () => {
		await search(page, 'q=weather');
		expect(await page.locator('#search-q').inputValue()).toBe('weather');
	});

	it('finds the API whose captured schema has a field, by its name', async () => {
		expect((await search(page, 'q=siret'))[0]).toBe('fr-e2e-registry-api');
		// "postcode" appears nowhere on the page but in the schema: address.postcode.
		expect(await search(page, 'q=postcode')).toEqual(['fr-e2e-registry-api']);
		expect(await search(page, 'q=address.postcode')).toEqual(['fr-e2e-registry-api']);
		const excerpt = await page.locator('#search-results .excerpt mark').first().textContent();
		expect(excerpt?.toLowerCase()).toContain('postcode');
	});

	it('does not match every record on words every record page carries', async () => {
		// "Register record", "Description", table headings: left out of the index.
		const all = (await readdir(join(distDir, 'records'))).length;
		for (const words of ['register+record', 'description']) {
			await page.goto(`${siteUrl}/search/?q=${words}`);
			await settle(page);
			expect((await resultIds(page)).length, words).toBeLessThan(all);
		}
	});

	it('narrows the results with a filter, and counts what each value would leave', async () => {
		const everything = await search(page, 'q=test');
		// Reaching for the filters loads their values, after which counts follow the search.
		await page.locator('#filter-country').focus();
		await page.waitForFunction(() =>
			/would leave/.test(document.getElementById('search-counts-note')?.textContent ?? ''),
		);
		await page.locator('#filter-country').selectOption('Germany');
		await page.waitForFunction(() =>
			/with 1 filter/.test(document.getElementById('search-status')?.textContent ?? ''),
		);
		const german = await resultIds(page);
		expect(german.length).toBeGreaterThan(0);
		expect(german.length).toBeLessThan(everything.length);
		for (const id of german) expect(id).toMatch(/^de-/);
		expect(page.url()).toContain('country=Germany');
		// The chosen filter's own options still count as if it were not chosen.
		const france = await page.locator('#filter-country option[value="France"]').textContent();
		expect(france).toMatch(/^France \([1-9]\d*\)$/);
		const datasets = await page.locator('#filter-kind option[value="Dataset"]').textContent();
		expect(datasets).toBe(`Dataset (${german.filter((id) => id.includes('dataset')).length})`);
	});

	it('filters by the catalogue that lists a record', async () => {
		const ids = await search(page, 'source=Portail+de+test');
		expect([...ids].sort()).toEqual([
			'fr-e2e-delisted-dataset',
			'fr-e2e-imported-api',
			'fr-e2e-registry-api',
		]);
		expect(await page.locator('#filter-source').inputValue()).toBe('Portail de test');
	});

	it('lists filter-only searches best score first, and sorts by score on request', async () => {
		const scores = async () =>
			(await page.locator('#search-results .score-chip').allInnerTexts()).map((t) =>
				Number(/score (\d+)/.exec(t)?.[1]),
			);
		await search(page, 'kind=API');
		const filterOnly = await scores();
		expect(filterOnly.length).toBeGreaterThan(1);
		expect(filterOnly).toEqual([...filterOnly].sort((a, b) => b - a));
		await search(page, 'q=test&sort=score');
		const sorted = await scores();
		expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
		expect(await page.locator('#search-sort').inputValue()).toBe('score');
	});

	it('takes a search from the header form of any page to its results', async () => {
		await page.goto(`${siteUrl}/records/de-e2e-plain-api/`);
		await page.locator('#site-search').fill('weather observations');
		await page.locator('#site-search').press('Enter');
		await page.waitForURL(/\/search\/\?q=weather\+observations$/);
		await settle(page);
		expect((await resultIds(page))[0]).toBe('de-e2e-weather-dataset');
	});

	it('can be used with the keyboard alone', async () => {
		await page.goto(`${siteUrl}/search/`);
		await page.locator('#search-q').focus();
		await page.keyboard.type('siret');
		await page.keyboard.press('Enter');
		await settle(page);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-kind');
		await page.keyboard.press('ArrowDown');
		await page.waitForFunction(() =>
			/with 1 filter/.test(document.getElementById('search-status')?.textContent ?? ''),
		);
		expect(page.url()).toContain('kind=API');
		await page.locator('#search-results a').first().focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/records\/fr-e2e-registry-api\/$/);
	});

	it('folds the filters on a phone, so the results come right after the search box', async () => {
		const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
		await phone.goto(`${siteUrl}/search/?q=test`);
		await settle(phone);
		expect(await phone.locator('#filter-kind').isVisible()).toBe(false);
		const first = await phone.locator('#search-results > li').first().boundingBox();
		expect(first?.y).toBeLessThan(800);
		expect(
			await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
		).toBe(true);
		await phone.locator('#search-filters-box summary').click();
		expect(await phone.locator('#filter-kind').isVisible()).toBe(true);
		// With a filter in the link, the filters stay open to show it.
		await phone.goto(`${siteUrl}/search/?q=test&kind=API`);
		await settle(phone);
		expect(await phone.locator('#filter-kind').isVisible()).toBe(true);
		await phone.close();
	});

	it('says without JavaScript that results need it, and links to the browse pages', async () => {
		const noJs = await browser.newPage({ javaScriptEnabled: false });
		await noJs.goto(`${siteUrl}/search/?q=siret`);
		expect(await noJs.locator('#search-nojs').isVisible()).toBe(true);
		expect(await noJs.locator('#search-nojs').textContent()).toContain('need JavaScript');
		for (const href of ['/browse/', '/kinds/api/', '/kinds/dataset/', '/status/'])
			expect(await noJs.locator(`main a[href="${href}"]`).count(), href).toBe(1);
		// The form is a plain GET form: submitting it keeps the query and the filters in the URL.
		await noJs.locator('#filter-kind').selectOption('API');
		await noJs.locator('#search-q').fill('registry');
		await noJs.locator('#search-form button[type="submit"]').click();
		await noJs.waitForURL(/\/search\/\?q=registry&kind=API/);
		await noJs.close();
	});

	it('ships its script on the search page only', async () => {
		const moduleScripts = async (path: string) => {
			await page.goto(`${siteUrl}${path}`);
			return page.locator('script[type="module"], script[src*="pagefind"]').count();
		};
		expect(await moduleScripts('/search/')).toBe(1);
		for (const path of ['/records/fr-e2e-registry-api/', '/', '/browse/'])
			expect(await moduleScripts(path), path).toBe(0);
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no axe violations with results and filters shown (${scheme})`, async () => {
			const themed = await browser.newPage({ colorScheme: scheme });
			await themed.goto(`${siteUrl}/search/?q=siret+test&sort=score`);
			await settle(themed);
			expect(await themed.locator('#search-results > li').count()).toBeGreaterThan(0);
			await themed.locator('#filter-country').selectOption('France');
			await themed.waitForFunction(() =>
				/with 1 filter/.test(document.getElementById('search-status')?.textContent ?? ''),
			);
			const violations = await runAxe(themed);
			await themed.close();
			expect(describeViolations(violations)).toEqual([]);
		});
	}
});
