import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetMetadata } from 'hyparquet';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const skip = inject('skipReason');

const FILES = ['register.csv', 'register.ndjson', 'register.parquet', 'fields.csv'] as const;

describe.skipIf(skip !== '')('the downloads of the built register', () => {
	let browser: Browser;
	let page: Page;
	let records: number;
	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.newPage({ javaScriptEnabled: false });
		const json = JSON.parse(await readFile(join(distDir, 'api/v1/records.json'), 'utf8'));
		records = json.count;
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('writes the four files, one row per record in each register file', async () => {
		const csv = parse(await readFile(join(distDir, 'downloads/register.csv'))) as string[][];
		expect(csv.length - 1).toBe(records);
		const ndjson = (await readFile(join(distDir, 'downloads/register.ndjson'), 'utf8'))
			.trim()
			.split('\n');
		expect(ndjson).toHaveLength(records);
		const parquet = await readFile(join(distDir, 'downloads/register.parquet'));
		const metadata = parquetMetadata(
			parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.length) as ArrayBuffer,
		);
		expect(Number(metadata.num_rows)).toBe(records);
		expect(parse(await readFile(join(distDir, 'downloads/fields.csv'))).length).toBeGreaterThan(1);
	});

	it('shows each file’s real size and row count on /downloads/, with a data dictionary', async () => {
		await page.goto(`${siteUrl}/downloads/`);
		for (const name of FILES) {
			const row = page.locator('tr', { has: page.locator(`th a:text-is("${name}")`) });
			const bytes = (await stat(join(distDir, 'downloads', name))).size;
			expect(await row.locator('span[title]').getAttribute('title'), name).toBe(
				`${bytes.toLocaleString('en')} bytes`,
			);
			if (name !== 'fields.csv')
				expect(await row.locator('td').nth(1).innerText(), name).toBe(records.toLocaleString('en'));
		}
		const dictionary = page.getByRole('table', {
			name: 'Columns of register.csv, .ndjson and .parquet',
		});
		expect(await dictionary.locator('tbody th').allInnerTexts()).toContain('score_availability');
	});

	it('links the three register files from the home page with their sizes', async () => {
		await page.goto(`${siteUrl}/`);
		const block = page.locator('section', {
			has: page.getByRole('heading', { name: 'Download the register' }),
		});
		const text = (await block.innerText()).replace(/\s+/g, ' ');
		expect(text).toMatch(
			/register\.csv \(\d+(\.\d)? (B|KB|MB)\), register\.ndjson \(.+\), register\.parquet \(.+\)/,
		);
		expect(await block.getByRole('link', { name: /All downloads/ }).getAttribute('href')).toBe(
			'/downloads/',
		);
	});
});
