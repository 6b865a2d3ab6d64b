import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { OgCard } from './og-card.ts';

/** Heap of each drawing thread (satori, its fonts and one card at a time). */
export const OG_THREAD_HEAP_MB = 192;

/** A PNG file's bytes, in a buffer of their own (what `Response` and `writeFile` take). */
export type PngBytes = Uint8Array<ArrayBuffer>;

/** Draws one card as PNG bytes. */
export type OgRenderer = (card: OgCard) => Promise<PngBytes>;

export interface OgPool {
	render: OgRenderer;
	close(): Promise<void>;
}

export interface OgPoolOptions {
	/** Defaults to one per core. */
	threads?: number;
	/**
	 * The worker module. Its default, beside this file, is right when this code runs from the
	 * source tree (tests, benchmarks); bundled into a build, it must be given.
	 */
	workerUrl?: URL;
}

/**
 * Render threads: drawing a card is ~25 ms of CPU, which in the main thread would hold up every
 * other page of the build. Threads start on the first card and stop when idle, so a build with
 * every image cached starts none.
 */
export function createOgPool(options: OgPoolOptions = {}): OgPool {
	const pool = new Piscina<OgCard, PngBytes>({
		filename: (options.workerUrl ?? new URL('./og-worker.ts', import.meta.url)).href,
		minThreads: 0,
		maxThreads: options.threads ?? availableParallelism(),
		idleTimeout: 1_000,
		// A card needs a few MB; without a limit of their own, each thread's heap grew with what
		// it had drawn, until V8 chose to collect, and the two of them took the cold build of
		// 100,000 records 370 MB past the full build's peak (issue 15's 4 GB budget).
		resourceLimits: { maxOldGenerationSizeMb: OG_THREAD_HEAP_MB },
	});
	// A thread that fails outside a task (its module cannot load, say) leaves every task waiting
	// for ever: fail them, and every later one, with its error instead.
	let failure: Error | undefined;
	const waiting = new Set<(error: Error) => void>();
	pool.on('error', (error: Error) => {
		failure = error;
		for (const reject of waiting) reject(error);
		waiting.clear();
	});
	return {
		render(card) {
			if (failure) return Promise.reject(failure);
			return new Promise((resolve, reject) => {
				waiting.add(reject);
				pool
					.run(card)
					.then(resolve, reject)
					.finally(() => waiting.delete(reject));
			});
		},
		close: () => pool.destroy(),
	};
}
