import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchChromium, runAxe } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const skip = inject('skipReason');

const PAGES = [
	['home', '/'],
	['an up record', '/records/fr-e2e-registry-api/'],
	['a never-verified record', '/records/eu-e2e-new-api/'],
	['a dataset', '/records/de-e2e-weather-dataset/'],
	['a country', '/countries/fr/'],
	['an imported record', '/records/fr-e2e-imported-api/'],
	['a delisted imported dataset', '/records/fr-e2e-delisted-dataset/'],
	['the sources', '/sources/'],
	['a source', '/sources/e2e-portal/'],
	['the browse page', '/browse/'],
	['the status page', '/status/'],
	['the methodology', '/methodology/'],
	['the contribute page', '/contribute/'],
	['the downloads', '/downloads/'],
	['the 404 page', '/404.html'],
] as const;

describe.skipIf(skip !== '')('WCAG 2.1 AA (axe-core in Chromium)', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		it.each(PAGES)(`has no violations on %s (${scheme})`, async (_name, path) => {
			const page = await browser.newPage({ colorScheme: scheme });
			await page.goto(`${siteUrl}${path}`);
			const violations = await runAxe(page);
			await page.close();
			expect(describeViolations(violations)).toEqual([]);
		});
	}
});
