/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, 1.6) the search page uses, typed
 * by hand: the bundle is written by the build, so there is no package to import types from.
 * See https://pagefind.app/docs/api/ and /docs/js-api-filtering/.
 */

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResultData {
	url: string;
	/** HTML: entities escaped, matches wrapped in <mark>. */
	excerpt: string;
	/** Raw values, to be escaped by whoever shows them. */
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
	results: PagefindResult[];
	unfilteredResultCount: number;
	/** Results per value if it were chosen in addition to the current filters. */
	filters: FilterCounts;
	totalFilters: FilterCounts;
}

export interface PagefindOptions {
	baseUrl?: string;
	excerptLength?: number;
	excerptEllipsis?: string;
	noWorker?: boolean;
	ranking?: {
		termFrequency?: number;
		termSimilarity?: number;
		pageLength?: number;
		termSaturation?: number;
		metaWeights?: Record<string, number>;
	};
}

export interface PagefindApi {
	options(options: PagefindOptions): Promise<void>;
	init(): Promise<void>;
	search(term: string | null, options?: object): Promise<PagefindSearch>;
	filters(): Promise<FilterCounts>;
}

/** Loads the bundle the build wrote; a runtime URL, so the site's bundler leaves it alone. */
export async function loadPagefind(site: {
	/** Where the script is served (urls.ts `searchBundlePath`), handed over by the page. */
	bundleUrl: string;
	/** The site's base, put in front of every result's URL (Pagefind indexes from the output root). */
	baseUrl: string;
}): Promise<PagefindApi> {
	const api = (await import(/* @vite-ignore */ site.bundleUrl)) as PagefindApi;
	await api.options({
		baseUrl: site.baseUrl,
		excerptLength: 22,
		excerptEllipsis: '…',
		// The worker is 12 KB more to download for every visitor, to keep the main thread free
		// during searches that take a few milliseconds even over 10,000 records.
		noWorker: true,
		ranking: {
			// Summaries are written to be searched: a match there says more than one deep in a
			// description. The score is metadata for display; matching "70" should not rank.
			metaWeights: { title: 5, summary: 2, score: 0 },
		},
	});
	return api;
}
