import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BadgeState } from '../src/lib/badges/badge-facts.ts';
import type { OgCard } from '../src/lib/og/og-card.ts';
import { defaultOgCard } from '../src/lib/og/og-card.ts';
import { loadOgFonts } from '../src/lib/og/og-fonts.ts';
import { createOgImages } from '../src/lib/og/og-images.ts';
import { createOgPool, type OgRenderer } from '../src/lib/og/og-pool.ts';
import { renderOgPng } from '../src/lib/og/render-og.ts';
import { BANDS } from '../src/lib/score/constants.ts';

export interface OgBenchResult {
	images: number;
	/** The first render of a process: satori's set-up and font parsing (paid once per thread). */
	firstRenderMs: number;
	/** Drawing a card not in the cache, in the main thread, cache write included. Budget: 40 ms. */
	coldMsPerImage: number;
	/** Serving an unchanged card from the cache, as the next build does. Budget: ~2 ms. */
	cachedMsPerImage: number;
	/** Cards the cached pass drew: 0 unless the cache is broken. */
	cachedRenders: number;
	/** Wall time per image when a build prefetches every card into the render threads. */
	pooledMsPerImage: number;
	threads: number;
	/** Mean PNG size. */
	meanPngBytes: number;
}

const STATES: BadgeState[] = ['up', 'degraded', 'down', 'inconclusive', 'unverified'];

function syntheticCard(i: number): OgCard {
	const band = BANDS[i % BANDS.length]?.name ?? 'good';
	return {
		id: `fr-bench-${i}`,
		kicker: i % 3 === 0 ? 'Dataset · Greece' : 'API · France',
		title: `${i % 4 === 0 ? 'Δημόσια δεδομένα' : 'Synthetic API'} number ${i} ${'for the benchmark '.repeat(i % 5)}`,
		byline: `Publisher of record ${i}: Direction interministérielle du numérique`,
		state: STATES[i % STATES.length] ?? 'up',
		score: { total: 40 + (i % 60), band, provisional: i % 5 === 4 },
		site: 'c0mm0.com',
	};
}

async function perImage(cards: readonly OgCard[], draw: (card: OgCard) => Promise<unknown>) {
	const started = performance.now();
	for (const card of cards) await draw(card);
	return (performance.now() - started) / cards.length;
}

/**
 * Draws `images` synthetic cards cold (empty cache, main thread), then asks for them again as the
 * next build would (cache hits only), then draws them afresh through the render threads as a
 * build prefetches them. Returns milliseconds per image for each.
 */
export async function benchOg(images = 50): Promise<OgBenchResult> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-bench-og-'));
	const pool = createOgPool();
	try {
		const fonts = await loadOgFonts();
		const cards = Array.from({ length: images }, (_, i) => syntheticCard(i));
		let drawn = 0;
		let bytes = 0;
		const render: OgRenderer = async (card) => {
			drawn++;
			const png = await renderOgPng(card, fonts);
			bytes += png.byteLength;
			return png;
		};
		const firstStarted = performance.now();
		await renderOgPng(defaultOgCard(), fonts);
		const firstRenderMs = performance.now() - firstStarted;

		const cacheDir = join(dir, 'cache');
		const cold = createOgImages({ cacheDir, fontsSha256: fonts.sha256, render });
		const coldMsPerImage = await perImage(cards, (c) => cold.image(c));
		const meanPngBytes = bytes / drawn;
		drawn = 0;
		const nextBuild = createOgImages({ cacheDir, fontsSha256: fonts.sha256, render });
		const cachedMsPerImage = await perImage(cards, (c) => nextBuild.image(c));
		const cachedRenders = drawn;

		const pooled = createOgImages({
			cacheDir: join(dir, 'pooled'),
			fontsSha256: fonts.sha256,
			render: pool.render,
		});
		// Threads start on demand: let them load before the clock starts, as in a long build.
		await Promise.all(
			Array.from({ length: availableParallelism() }, () => pool.render(defaultOgCard())),
		);
		const pooledStarted = performance.now();
		await pooled.prefetch(cards);
		await Promise.all(cards.map((c) => pooled.image(c)));
		const pooledMsPerImage = (performance.now() - pooledStarted) / images;

		return {
			images,
			firstRenderMs,
			coldMsPerImage,
			cachedMsPerImage,
			cachedRenders,
			pooledMsPerImage,
			threads: availableParallelism(),
			meanPngBytes,
		};
	} finally {
		await pool.close();
		await rm(dir, { recursive: true, force: true });
	}
}
