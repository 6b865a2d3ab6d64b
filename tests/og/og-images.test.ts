import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ogCacheKey, pruneOgCache } from '../../src/lib/og/og-cache.ts';
import type { OgCard } from '../../src/lib/og/og-card.ts';
import { loadOgFonts, type OgFonts } from '../../src/lib/og/og-fonts.ts';
import { createOgImages } from '../../src/lib/og/og-images.ts';
import type { OgRenderer } from '../../src/lib/og/og-pool.ts';
import { renderOgPng } from '../../src/lib/og/render-og.ts';
import { card } from './cards.ts';
import { pngSize } from './png.ts';

let fonts: OgFonts;
let dir: string;
beforeAll(async () => {
	fonts = await loadOgFonts();
});
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'c0mm0-og-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** The real renderer, counting the cards it is asked to draw. */
function countingRenderer(): OgRenderer & { cards: OgCard[] } {
	const cards: OgCard[] = [];
	const render = (c: OgCard) => {
		cards.push(c);
		return renderOgPng(c, fonts);
	};
	return Object.assign(render, { cards });
}

const store = (render: OgRenderer) =>
	createOgImages({ cacheDir: dir, fontsSha256: fonts.sha256, render });

describe('the OG image cache', () => {
	it('draws a card once, then serves it from the cache without calling the renderer', async () => {
		const render = countingRenderer();
		const images = store(render);
		const first = await images.image(card());
		expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
		const second = await images.image(card());
		expect(render.cards).toHaveLength(1);
		expect(images.stats).toEqual({ hits: 1, renders: 1 });
		expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
	});

	it('keeps images between builds: a new store over the same folder draws nothing', async () => {
		await store(countingRenderer()).image(card());
		const render = countingRenderer();
		const nextBuild = store(render);
		expect(pngSize(await nextBuild.image(card()))).toEqual({ width: 1200, height: 630 });
		expect(render.cards).toHaveLength(0);
	});

	it('serves a cached image in a couple of milliseconds', async () => {
		const images = store(countingRenderer());
		await images.image(card());
		const runs = 50;
		const started = performance.now();
		for (let i = 0; i < runs; i++) await images.image(card());
		const msPerImage = (performance.now() - started) / runs;
		expect(msPerImage).toBeLessThan(5);
	});

	it('draws again when anything shown changes: state, score, title', async () => {
		const render = countingRenderer();
		const images = store(render);
		await images.image(card());
		await images.image(card({ state: 'down' }));
		await images.image(card({ score: { total: 71, band: 'good', provisional: false } }));
		await images.image(card({ title: 'API CaptchEtat v2' }));
		expect(render.cards).toHaveLength(4);
	});

	it('keys images by renderer and fonts too', () => {
		expect(ogCacheKey(card(), 'a')).not.toBe(ogCacheKey(card(), 'b'));
		expect(ogCacheKey(card(), 'a')).toBe(ogCacheKey(card(), 'a'));
		expect(ogCacheKey(card(), 'a')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('draws a card asked for twice at once only once', async () => {
		const render = countingRenderer();
		const images = store(render);
		const [a, b] = await Promise.all([images.image(card()), images.image(card())]);
		expect(render.cards).toHaveLength(1);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
	});

	it('prefetches the missing cards in the background; image() then waits for its own', async () => {
		const render = countingRenderer();
		const images = store(render);
		await images.image(card());
		const cards = [card(), card({ id: 'fr-b', title: 'B' }), card({ id: 'fr-c', title: 'C' })];
		expect((await images.prefetch(cards)).misses).toBe(2);
		for (const c of cards) expect(pngSize(await images.image(c)).width).toBe(1200);
		expect(render.cards.map((c) => c.title)).toEqual(['API CaptchEtat', 'B', 'C']);
		expect(await readdir(dir)).toHaveLength(3);
	});

	it('reports a renderer failure to the page that asked', async () => {
		const images = store(() => Promise.reject(new Error('satori exploded')));
		await expect(images.image(card())).rejects.toThrow('satori exploded');
		expect(await readdir(dir)).toEqual([]);
	});
});

describe('pruneOgCache', () => {
	it('deletes images no build used for a month, and keeps those a build just marked', async () => {
		const images = store(countingRenderer());
		await images.image(card());
		const old = Date.now() / 1000 - 40 * 86_400;
		await writeFile(join(dir, 'stale.png'), 'x');
		await utimes(join(dir, 'stale.png'), old, old);
		const kept = `${ogCacheKey(card(), fonts.sha256)}.png`;
		await utimes(join(dir, kept), old, old);
		// prefetch marks the build's images used, then prunes.
		expect((await images.prefetch([card()])).pruned).toBe(1);
		expect(await readdir(dir)).toEqual([kept]);
	});

	it('does nothing when there is no cache yet', async () => {
		expect(await pruneOgCache(join(dir, 'missing'))).toBe(0);
	});
});
