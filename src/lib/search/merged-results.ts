import {
	PARTITION_FILTER,
	type PagefindApi,
	type PagefindResult,
	type PagefindResultData,
	type PagefindSearch,
} from './pagefind-client.ts';
import type { PagefindQuery } from './search-params.ts';

/**
 * The results of one search, read a page at a time. Ranked by relevance, the merged search of
 * Pagefind's partitions is already in order (each result's score is its relevance). Sorted by a
 * value, it is not: Pagefind scores a sorted result by its position in its own index, so
 * positions from different partitions do not compare. A sorted search over several partitions is
 * therefore run once per partition (each is in order) and the lists are merged by the sort value,
 * loading each result's data only when it reaches the head of its list: a page of 10 costs at
 * most 10 + partitions − 1 fragments.
 */
export interface ResultFeed {
	total: number;
	/** What the search says besides its results: filter counts. */
	search: PagefindSearch;
	/** The next `n` results' data, in order; fewer at the end. */
	next(n: number): Promise<PagefindResultData[]>;
}

export async function searchFeed(
	api: PagefindApi,
	query: PagefindQuery,
	partitions: number,
): Promise<ResultFeed> {
	const search = await api.search(query.term, query.options);
	if (!query.options.sort || partitions <= 1) {
		let at = 0;
		return {
			total: search.results.length,
			search,
			next: (n) => {
				const page = search.results.slice(at, at + n);
				at += page.length;
				return Promise.all(page.map((r) => r.data()));
			},
		};
	}
	const lists = await Promise.all(
		Array.from({ length: partitions }, (_, i) =>
			api
				.search(query.term, {
					...query.options,
					filters: { ...query.options.filters, [PARTITION_FILTER]: String(i + 1) },
				})
				.then((s) => s.results),
		),
	);
	return { total: search.results.length, search, next: mergeSorted(lists) };
}

const sortValue = (data: PagefindResultData) => Number(data.meta.score ?? Number.NaN);

/** Merges lists each sorted by score, highest first; ties go to the lower partition. */
function mergeSorted(lists: PagefindResult[][]): (n: number) => Promise<PagefindResultData[]> {
	const at = lists.map(() => 0);
	const heads = new Map<number, Promise<PagefindResultData>>();
	const head = (list: number) => {
		let loaded = heads.get(list);
		const result = lists[list]?.[at[list] ?? 0];
		if (!loaded && result) {
			loaded = result.data();
			heads.set(list, loaded);
		}
		return loaded;
	};
	return async (n) => {
		const out: PagefindResultData[] = [];
		while (out.length < n) {
			const candidates = await Promise.all(
				lists.map(async (_, list) => ({ list, data: await head(list) })),
			);
			let best: { list: number; data: PagefindResultData } | undefined;
			for (const c of candidates) {
				if (!c.data) continue;
				if (!best || sortValue(c.data) > sortValue(best.data))
					best = { list: c.list, data: c.data };
			}
			if (!best) break;
			out.push(best.data);
			heads.delete(best.list);
			at[best.list] = (at[best.list] ?? 0) + 1;
		}
		return out;
	};
}
