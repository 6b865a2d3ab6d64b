import { renderAsync } from '@resvg/resvg-js';
import { encodeIndexedPng } from './encode-png.ts';
import { OG_HEIGHT, OG_WIDTH } from './og-layout.ts';
import type { PngBytes } from './og-pool.ts';

let placeholder: Promise<PngBytes> | undefined;

/**
 * One image shared by every record when OG images are skipped (`C0MM0_SKIP_OG=1`, for quick
 * local builds): the c0mm0 mark on the brand colour, at the size pages announce. Links and
 * previews keep working; the image just says less. No text, so no fonts and no satori: a few
 * milliseconds, once per build.
 */
export function placeholderOgPng(): Promise<PngBytes> {
	placeholder ??= (async () => {
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}"><rect width="100%" height="100%" fill="#1747a6"/><g transform="translate(504 219) scale(6)"><rect width="32" height="32" rx="6" fill="#fff"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#1747a6" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`;
		const image = await renderAsync(svg, { font: { loadSystemFonts: false } });
		return (
			encodeIndexedPng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng())
		);
	})();
	return placeholder;
}
