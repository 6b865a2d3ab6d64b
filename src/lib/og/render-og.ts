import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { encodeIndexedPng } from './encode-png.ts';
import type { OgCard } from './og-card.ts';
import { keepDrawable, type OgFonts } from './og-fonts.ts';
import { OG_HEIGHT, OG_WIDTH, ogLayout } from './og-layout.ts';
import type { PngBytes } from './og-pool.ts';

/**
 * Lays a card out as SVG with satori. Text becomes glyph outlines (paths), so nothing in a
 * title is ever markup. What the fonts cannot draw is left out rather than boxed.
 */
export function renderOgSvg(card: OgCard, fonts: OgFonts): Promise<string> {
	const drawable: OgCard = {
		...card,
		kicker: keepDrawable(card.kicker, fonts),
		title: keepDrawable(card.title, fonts) || (card.id ?? 'c0mm0'),
		byline: keepDrawable(card.byline, fonts),
	};
	return satori(ogLayout(drawable, fonts.families), {
		width: OG_WIDTH,
		height: OG_HEIGHT,
		fonts: fonts.fonts,
		// Whatever is still missing stays missing: no fetching fonts or emoji images.
		loadAdditionalAsset: async () => [],
	});
}

/**
 * The card as PNG: satori's SVG rasterised by resvg, system fonts off, stored with a palette
 * (see encode-png.ts). Same card, same bytes.
 * `renderAsync`, not `new Resvg().render()`: the synchronous render keeps each 3 MB pixmap for
 * good (resvg-js 2.6.2 — 10,000 cards would hold 30 GB), while the asynchronous one hands it
 * back to the garbage collector.
 */
export async function renderOgPng(card: OgCard, fonts: OgFonts): Promise<PngBytes> {
	const svg = await renderOgSvg(card, fonts);
	const image = await renderAsync(svg, {
		fitTo: { mode: 'original' },
		font: { loadSystemFonts: false },
	});
	return encodeIndexedPng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng());
}
