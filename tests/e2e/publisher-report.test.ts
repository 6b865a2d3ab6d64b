import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchChromium, runAxe } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const skip = inject('skipReason');

const REPORT = '/publishers/e2e-agency/';
const ALONE = '/publishers/e2e-bundesamt/';

interface ListedRecord {
	id: string;
	publisher: string;
	country: string;
	score: { total: number };
}
interface Hint {
	text: string;
	gain: number;
}

const getJson = async <T>(path: string): Promise<T> =>
	(await fetch(`${siteUrl}${path}`)).json() as Promise<T>;

/** The median as the report card defines it, computed here from the register's own JSON. */
function median(values: number[]): number {
	const sorted = values.toSorted((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

describe.skipIf(skip !== '')('a publisher’s report card, in Chromium', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.newPage();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		it.each([
			['a publisher with neighbours', REPORT],
			['a publisher alone in its country', ALONE],
		])(`has no axe violations on %s (${scheme})`, async (_name, path) => {
			const tab = await browser.newPage({ colorScheme: scheme });
			await tab.goto(`${siteUrl}${path}`);
			const violations = await runAxe(tab);
			await tab.close();
			expect(describeViolations(violations)).toEqual([]);
		});
	}

	it('gives each record the hint of its score that adds the most points, or nothing to fix', async () => {
		await page.goto(`${siteUrl}${REPORT}`);
		const rows = await page.locator('table.report-records tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({
				href: tr.querySelector('a')?.getAttribute('href') ?? '',
				fix: (tr.querySelector('td.fix') as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
			})),
		);
		const { records } = await getJson<{ records: ListedRecord[] }>('/api/v1/records.json');
		expect(rows).toHaveLength(records.filter((r) => r.publisher === 'e2e-agency').length);
		for (const row of rows) {
			const id = row.href.split('/').at(-2) as string;
			const { score } = await getJson<{ score: { hints: Hint[] } }>(`/api/v1/records/${id}.json`);
			const best = score.hints
				.filter((h) => h.gain > 0)
				.reduce<Hint | null>((a, h) => (a && a.gain >= h.gain ? a : h), null);
			expect(row.fix, id).toBe(
				best ? `${best.text.replaceAll('`', '')} +${best.gain} points` : 'nothing to fix',
			);
		}
	});

	it('compares its totals with the median over its country’s publishers, and says so', async () => {
		await page.goto(`${siteUrl}${REPORT}`);
		const { records } = await getJson<{ records: ListedRecord[] }>('/api/v1/records.json');
		const french = Map.groupBy(
			records.filter((r) => r.country === 'FR'),
			(r) => r.publisher,
		);
		expect(french.size).toBeGreaterThan(1);
		const counts = [...french.values()].map((list) => list.length);
		const means = [...french.values()].map(
			(list) =>
				Math.round((list.reduce((sum, r) => sum + r.score.total, 0) / list.length) * 10) / 10,
		);
		const cell = (measure: string) => page.locator(`td[data-median="${measure}"]`).innerText();
		expect(Number(await cell('records'))).toBe(median(counts));
		expect(Number(await cell('meanScore'))).toBe(Math.round(median(means) * 10) / 10);
		expect(await page.locator('.median-note').innerText()).toContain(
			`the ${french.size} publishers of France`,
		);
	});

	it('says when a publisher is alone in its country, with no median column', async () => {
		await page.goto(`${siteUrl}${ALONE}`);
		expect(await page.locator('td[data-median]').count()).toBe(0);
		expect(await page.locator('.median-note').innerText()).toContain(
			'The only publisher of Germany',
		);
	});

	it('shows its own badge, which loads as an SVG image', async () => {
		await page.goto(`${siteUrl}${REPORT}`);
		const badge = page.locator('img[src="/publishers/e2e-agency/badge.svg"]');
		await badge.evaluate((img: HTMLImageElement) => img.decode());
		expect(await badge.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
		const response = await fetch(`${siteUrl}/publishers/e2e-agency/badge.svg`);
		expect(response.headers.get('content-type')).toContain('image/svg+xml');
		expect(await response.text()).toMatch(
			/aria-label="c0mm0: \d+ records? · mean score \d+ \w+ — Agence de test/,
		);
	});

	it('links its Atom feed from the head, a feed of the same changes as the site’s, for its records', async () => {
		await page.goto(`${siteUrl}${REPORT}`);
		const href = await page
			.locator('head link[rel="alternate"][type="application/atom+xml"]')
			.getAttribute('href');
		expect(href).toBe('/publishers/e2e-agency/feed.xml');
		const parser = new XMLParser({
			ignoreAttributes: false,
			isArray: (name) => ['entry', 'item', 'link'].includes(name),
		});
		const feed = parser.parse(await (await fetch(`${siteUrl}${href}`)).text()).feed;
		expect(feed.id).toMatch(/\/publishers\/e2e-agency\/feed\.xml$/);
		const { records } = await getJson<{ records: (ListedRecord & { url: string })[] }>(
			'/api/v1/records.json',
		);
		const own = new Set(records.filter((r) => r.publisher === 'e2e-agency').map((r) => r.url));
		const rss = parser.parse(await (await fetch(`${siteUrl}/changes.xml`)).text()).rss.channel;
		const expected = (rss.item ?? []).filter((i: { link: string[] }) =>
			own.has(i.link[0] as string),
		);
		const entries = feed.entry ?? [];
		expect(expected.length).toBeGreaterThan(0);
		expect(JSON.stringify(feed)).not.toContain('<img');
		expect(entries.map((e: { link: Record<string, string>[] }) => e.link[0]?.['@_href'])).toEqual(
			expected.map((i: { link: string[] }) => i.link[0]),
		);
	});
});
