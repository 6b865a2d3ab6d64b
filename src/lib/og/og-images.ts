import {
	ogCacheKey,
	pruneOgCache,
	readCachedOg,
	touchCachedOg,
	writeCachedOg,
} from './og-cache.ts';
import type { OgCard } from './og-card.ts';
import type { OgRenderer, PngBytes } from './og-pool.ts';

export interface OgImageStats {
	/** Images served from the cache. */
	hits: number;
	/** Images drawn (cache misses). */
	renders: number;
}

export interface OgImages {
	/** A card's PNG: from the cache when the same card was drawn before, else drawn and cached. */
	image(card: OgCard): Promise<PngBytes>;
	/**
	 * For a build that knows all its cards: starts drawing, in the background, every card not
	 * cached yet, so that they are drawn in parallel while it renders other pages (`image()` then
	 * waits for its own), and deletes cached images no build has used for a month.
	 */
	prefetch(cards: readonly OgCard[]): Promise<{ misses: number; pruned: number }>;
	stats: OgImageStats;
}

export interface OgImagesOptions {
	/** Where PNGs are kept between builds, named by content hash (`.cache/og`). */
	cacheDir: string;
	/** sha256 of the font bytes the renderer uses (OgFonts.sha256). */
	fontsSha256: string;
	render: OgRenderer;
}

/** The content-hash cache in front of a renderer. */
export function createOgImages(options: OgImagesOptions): OgImages {
	const { cacheDir, fontsSha256, render } = options;
	const stats: OgImageStats = { hits: 0, renders: 0 };
	// Draws under way, by key: two requests for one card draw it once.
	const drawing = new Map<string, Promise<PngBytes>>();

	const draw = (key: string, card: OgCard): Promise<PngBytes> => {
		let pending = drawing.get(key);
		if (!pending) {
			stats.renders++;
			pending = render(card).then(async (png) => {
				await writeCachedOg(cacheDir, key, png);
				return png;
			});
			drawing.set(key, pending);
			pending.then(
				() => drawing.delete(key),
				() => drawing.delete(key),
			);
		}
		return pending;
	};

	return {
		stats,
		async image(card) {
			const key = ogCacheKey(card, fontsSha256);
			const pending = drawing.get(key);
			if (pending) return pending;
			const cached = await readCachedOg(cacheDir, key);
			if (cached) {
				stats.hits++;
				return cached;
			}
			return draw(key, card);
		},
		async prefetch(cards) {
			const misses: [string, OgCard][] = [];
			for (const card of cards) {
				const key = ogCacheKey(card, fontsSha256);
				if (!drawing.has(key) && !(await touchCachedOg(cacheDir, key))) misses.push([key, card]);
			}
			// Errors surface when the page asks for its image; here they would go unheard.
			for (const [key, card] of misses) draw(key, card).catch(() => {});
			return { misses: misses.length, pruned: await pruneOgCache(cacheDir) };
		},
	};
}
