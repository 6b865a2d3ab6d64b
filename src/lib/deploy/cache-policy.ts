import { extname } from 'node:path';
import { contentType } from 'mime-types';
import { RECORD_OUTPUTS, SEARCH_INDEX_FOLDER } from '../register/urls.ts';

/**
 * How long a CDN and browsers may keep each file of `dist/`, by what its name promises.
 *
 * - `immutable`: names that carry a hash of the content (Astro's `_astro/` bundles, Pagefind's
 *   chunks): a new content is a new name, so a year and `immutable` are safe.
 * - `og`: OG images are cached long, because they change seldom and social sites fetch them
 *   lazily — but for a week, not `immutable`: `/og/<id>.png` keeps its name when the card changes.
 * - `short`: everything whose name is stable while its content changes nightly — pages, JSON,
 *   feeds, the sitemap, Pagefind's entry files, and badges, whose URLs people embed and which must
 *   show tonight's outcome within minutes.
 */
export const CACHE_CONTROL = {
	immutable: 'public, max-age=31536000, immutable',
	og: 'public, max-age=604800',
	short: 'public, max-age=300',
} as const;
type CacheClass = keyof typeof CACHE_CONTROL;

/** Astro's default `build.assets` folder (astro.config.mjs keeps the default): content-hashed bundles. */
const ASTRO_ASSETS_FOLDER = '_astro';

/**
 * Pagefind's folders of content-hashed chunks, in the first search partition's index
 * (`pagefind/`) or another's (`pagefind/part-<n>/`); its entry files (`pagefind.js`,
 * `pagefind-entry.json`) are not hashed.
 */
const SEARCH_CHUNK = new RegExp(
	`^${SEARCH_INDEX_FOLDER}/(?:part-\\d+/)?(?:fragment|index|filter)/`,
);

/** The cache class of a file, by its path relative to `dist/` (`/`-separated). */
function cacheClassOf(path: string): CacheClass {
	if (path.startsWith(`${ASTRO_ASSETS_FOLDER}/`)) return 'immutable';
	if (SEARCH_CHUNK.test(path)) return 'immutable';
	if (path.startsWith(`${RECORD_OUTPUTS.og.folder}/`) && path.endsWith('.png')) return 'og';
	return 'short';
}

export function cacheControlFor(path: string): string {
	return CACHE_CONTROL[cacheClassOf(path)];
}

/**
 * Types of the register's own files that mime-types does not know: the bulk downloads
 * (`/downloads/register.ndjson`, `.parquet`), as the OpenAPI description declares them.
 */
const OWN_TYPES: Readonly<Record<string, string>> = {
	'.ndjson': 'application/x-ndjson; charset=utf-8',
	'.parquet': 'application/vnd.apache.parquet',
};

/** The Content-Type to serve a file with; text types say UTF-8, unknown ones are plain bytes. */
export function contentTypeFor(path: string): string {
	const extension = extname(path);
	return (
		OWN_TYPES[extension] ?? ((extension && contentType(extension)) || 'application/octet-stream')
	);
}

/**
 * The order files go up in, so that a visitor never gets a page whose assets are not there yet:
 * content-hashed assets first (new names, invisible until something links to them), then every
 * other file, then the pages that link to them.
 */
export function uploadPhaseOf(path: string): 0 | 1 | 2 {
	if (cacheClassOf(path) === 'immutable') return 0;
	return path.endsWith('.html') ? 2 : 1;
}
