import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Inter's Fontsource subsets. Latin, Greek and Cyrillic cover every language of the register
 * but Georgian, which is left out of images (see keepDrawable).
 */
export const OG_FONT_SUBSETS = [
	'latin',
	'latin-ext',
	'greek',
	'greek-ext',
	'cyrillic',
	'cyrillic-ext',
	'vietnamese',
] as const;
export const OG_FONT_WEIGHTS = [400, 700] as const;

export interface OgFont {
	/** One family per subset: satori falls back across families, not across files of one. */
	name: string;
	data: Buffer;
	weight: (typeof OG_FONT_WEIGHTS)[number];
	style: 'normal';
}

export interface OgFonts {
	fonts: OgFont[];
	/** Families in fallback order, for the CSS `fontFamily`. */
	families: string[];
	/** sha256 of every font file, in order: part of the image cache key. */
	sha256: string;
	/** Whether some font has a glyph for the code point. */
	covers(codePoint: number): boolean;
}

const require = createRequire(import.meta.url);

/**
 * Inter from `@fontsource/inter`, as WOFF (satori reads TTF, OTF and WOFF, not WOFF2). Read from
 * the package, never from the network or the system, so images are the same on every machine.
 */
export async function loadOgFonts(): Promise<OgFonts> {
	const ranges = JSON.parse(
		await readFile(require.resolve('@fontsource/inter/unicode.json'), 'utf8'),
	) as Record<string, string>;
	const fonts: OgFont[] = [];
	const covered: [number, number][] = [];
	const hash = createHash('sha256');
	for (const subset of OG_FONT_SUBSETS) {
		for (const weight of OG_FONT_WEIGHTS) {
			const file = require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`);
			const data = await readFile(file);
			hash.update(data);
			fonts.push({ name: familyOf(subset), data, weight, style: 'normal' });
		}
		covered.push(...parseUnicodeRange(ranges[subset] ?? ''));
	}
	return {
		fonts,
		families: OG_FONT_SUBSETS.map(familyOf),
		sha256: hash.digest('hex'),
		covers: (cp) => covered.some(([from, to]) => cp >= from && cp <= to),
	};
}

const familyOf = (subset: string) => `Inter ${subset}`;

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(text: string): [number, number][] {
	return text
		.split(',')
		.map((part) => /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part))
		.filter((m) => m !== null)
		.map((m) => [
			Number.parseInt(m[1] as string, 16),
			Number.parseInt(m[2] ?? (m[1] as string), 16),
		]);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The text without the graphemes the fonts cannot draw (emoji, scripts Inter lacks), which
 * satori would otherwise print as "NO GLYPH" boxes; white space left behind is collapsed.
 */
export function keepDrawable(text: string, fonts: Pick<OgFonts, 'covers'>): string {
	let kept = '';
	for (const { segment } of graphemes.segment(text)) {
		let drawable = true;
		for (const char of segment) if (!fonts.covers(char.codePointAt(0) as number)) drawable = false;
		if (drawable) kept += segment;
	}
	return kept.replace(/\s+/g, ' ').trim();
}
