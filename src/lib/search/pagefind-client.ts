/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, 1.6) the search page uses, typed
 * by hand: the bundle is written by the build, so there is no package to import types from.
 * See https://pagefind.app/docs/api/ and /docs/js-api-filtering/.
 */

/** The Pagefind filter each partition's pages carry in the browser, to search one alone. */
export const PARTITION_FILTER = 'partition';

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
	/** A filter every page of this index carries in the browser (multisite search). */
	mergeFilter?: Record<string, string>;
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
	/** Searches another index with this one: https://pagefind.app/docs/multisite/ */
	mergeIndex(indexPath: string, options?: PagefindOptions): Promise<void>;
}

/** Loads the bundle the build wrote; a runtime URL, so the site's bundler leaves it alone. */
export async function loadPagefind(site: {
	/** Where the script is served (urls.ts `searchBundlePath`), handed over by the page. */
	bundleUrl: string;
	/** The site's base, put in front of every result's URL (Pagefind indexes from the output root). */
	baseUrl: string;
	/** The folders of the index's other partitions (urls.ts `searchPartitionPath`), 2 onwards. */
	partitionUrls?: readonly string[];
}): Promise<PagefindApi> {
	const api = (await import(/* @vite-ignore */ site.bundleUrl)) as PagefindApi;
	const partitioned = (site.partitionUrls?.length ?? 0) > 0;
	const shared: PagefindOptions = {
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
	};
	// Each partition's pages carry its number as a filter, so a sorted search can be run per
	// partition and merged in order (see merged-results.ts); the other partitions share the
	// first's WebAssembly, so each adds only its own small entry and metadata files.
	await api.options({
		...shared,
		...(partitioned ? { mergeFilter: { [PARTITION_FILTER]: '1' } } : {}),
	});
	for (const [i, url] of (site.partitionUrls ?? []).entries())
		await api.mergeIndex(url, { ...shared, mergeFilter: { [PARTITION_FILTER]: String(i + 2) } });
	return api;
}
