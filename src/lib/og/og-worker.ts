/**
 * A render thread of the OG image pool (see og-pool.ts): loads the fonts once, then draws
 * cards. It never touches the cache; the main thread does.
 */
import type { OgCard } from './og-card.ts';
import { loadOgFonts, type OgFonts } from './og-fonts.ts';
import type { PngBytes } from './og-pool.ts';
import { renderOgPng } from './render-og.ts';

let fonts: Promise<OgFonts> | undefined;

export default async function renderInWorker(card: OgCard): Promise<PngBytes> {
	fonts ??= loadOgFonts();
	return renderOgPng(card, await fonts);
}
