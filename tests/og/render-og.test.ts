import { beforeAll, describe, expect, it } from 'vitest';
import { defaultOgCard } from '../../src/lib/og/og-card.ts';
import {
	keepDrawable,
	loadOgFonts,
	type OgFonts,
	parseUnicodeRange,
} from '../../src/lib/og/og-fonts.ts';
import { OG_HEIGHT, OG_WIDTH } from '../../src/lib/og/og-layout.ts';
import { placeholderOgPng } from '../../src/lib/og/og-placeholder.ts';
import { renderOgPng, renderOgSvg } from '../../src/lib/og/render-og.ts';
import { HOSTILE_TITLES } from '../badges/facts.ts';
import { card } from './cards.ts';
import { pngSize } from './png.ts';

let fonts: OgFonts;
beforeAll(async () => {
	fonts = await loadOgFonts();
});

describe('renderOgPng', () => {
	it('draws a record card as a 1200×630 PNG', async () => {
		expect(pngSize(await renderOgPng(card(), fonts))).toEqual({ width: 1200, height: 630 });
		expect([OG_WIDTH, OG_HEIGHT]).toEqual([1200, 630]);
	});

	it('draws the default card as a 1200×630 PNG', async () => {
		expect(pngSize(await renderOgPng(defaultOgCard(), fonts))).toEqual({
			width: 1200,
			height: 630,
		});
	});

	it('stores a card losslessly with a palette, in well under 60 KB', async () => {
		const png = await renderOgPng(card({ title: 'Δημόσια δεδομένα '.repeat(6) }), fonts);
		expect(png[25]).toBe(3);
		expect(png.byteLength).toBeLessThan(60_000);
	});

	it('draws the same bytes for the same card', async () => {
		const a = await renderOgPng(card({ state: 'degraded' }), fonts);
		const b = await renderOgPng(card({ state: 'degraded' }), fonts);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
	});

	for (const [what, title] of Object.entries(HOSTILE_TITLES)) {
		it(`draws a title with ${what} as glyph outlines, never as markup`, async () => {
			const svg = await renderOgSvg(card({ title, byline: title }), fonts);
			expect(svg).not.toMatch(/<text|<script|<img|<foreignObject|\son\w+=/i);
			expect(svg).not.toContain('alert');
			expect(pngSize(await renderOgPng(card({ title }), fonts))).toEqual({
				width: 1200,
				height: 630,
			});
		});
	}

	it('draws the record id when the fonts cannot draw any of the title', async () => {
		const georgian = await renderOgSvg(
			card({ title: 'საჯარო მონაცემები 🚌', id: 'ge-data' }),
			fonts,
		);
		const id = await renderOgSvg(card({ title: 'ge-data', id: 'ge-data' }), fonts);
		expect(georgian).toBe(id);
	});
});

describe('font coverage', () => {
	it('reads Fontsource unicode ranges', () => {
		expect(parseUnicodeRange('U+0000-00FF,U+0131, U+2000-206F')).toEqual([
			[0, 255],
			[0x131, 0x131],
			[0x2000, 0x206f],
		]);
	});

	it('keeps Latin, Greek and Cyrillic letters, and drops emoji and scripts Inter lacks', () => {
		expect(keepDrawable('Ελληνικά кириллица Łódź Ő 🚌 👨‍👩‍👧‍👦 ქართული end', fonts)).toBe(
			'Ελληνικά кириллица Łódź Ő end',
		);
	});
});

describe('placeholderOgPng', () => {
	it('is a small 1200×630 PNG', async () => {
		const png = await placeholderOgPng();
		expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
		expect(png.byteLength).toBeLessThan(5_000);
	});
});
