import { describe, expect, it } from 'vitest';
import { loadOgFonts } from '../../src/lib/og/og-fonts.ts';
import { createOgPool } from '../../src/lib/og/og-pool.ts';
import { renderOgPng } from '../../src/lib/og/render-og.ts';
import { card } from './cards.ts';
import { pngSize } from './png.ts';

describe('the OG render pool', () => {
	it('draws in worker threads exactly what the main thread would', async () => {
		const pool = createOgPool({ threads: 2 });
		try {
			const cards = [card(), card({ state: 'down', title: 'Ελληνικά' })];
			const drawn = await Promise.all(cards.map((c) => pool.render(c)));
			const fonts = await loadOgFonts();
			for (const [i, png] of drawn.entries()) {
				expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
				const local = await renderOgPng(cards[i] as (typeof cards)[number], fonts);
				expect(Buffer.from(png).equals(Buffer.from(local))).toBe(true);
			}
		} finally {
			await pool.close();
		}
	});

	it('fails its tasks, rather than leaving them waiting, when a thread cannot start', async () => {
		const pool = createOgPool({
			threads: 1,
			workerUrl: new URL('file:///nonexistent/og-worker.ts'),
		});
		try {
			await expect(pool.render(card())).rejects.toThrow(/Cannot find module/);
			await expect(pool.render(card())).rejects.toThrow(/Cannot find module/);
		} finally {
			await pool.close();
		}
	});
});
