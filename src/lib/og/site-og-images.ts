import { resolve } from 'node:path';
import { loadOgFonts } from './og-fonts.ts';
import { createOgImages, type OgImages } from './og-images.ts';
import { createOgPool } from './og-pool.ts';

/**
 * Where the site build keeps drawn images between builds (CI keeps `.cache/og` between runs);
 * `C0MM0_OG_CACHE_DIR` moves it, so that benchmarks and scale tests leave the real one alone.
 */
export const ogCacheDir = (): string => resolve(process.env.C0MM0_OG_CACHE_DIR ?? '.cache/og');

/**
 * `C0MM0_SKIP_OG=1`: quick local builds draw no record images; every `/og/<id>.png` is the same
 * small placeholder (see og-placeholder.ts), so no link breaks. `/og/default.png` is still drawn
 * (once, then cached).
 */
export const skipRecordOgImages = (): boolean => process.env.C0MM0_SKIP_OG === '1';

let images: Promise<OgImages> | undefined;

/**
 * The build's OG images: the content-hash cache in front of a pool of render threads.
 * `workerUrl` is og-worker.ts in the source tree: the threads run it with Node's own TypeScript
 * support, outside the bundle.
 */
export function siteOgImages(workerUrl: URL): Promise<OgImages> {
	images ??= (async () => {
		const fonts = await loadOgFonts();
		return createOgImages({
			cacheDir: ogCacheDir(),
			fontsSha256: fonts.sha256,
			render: createOgPool({ workerUrl }).render,
		});
	})();
	return images;
}
