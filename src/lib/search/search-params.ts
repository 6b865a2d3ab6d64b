/**
 * The search page's state as it lives in the URL (`/search/?q=siret&country=France&sort=score`),
 * and the Pagefind search options it maps to. Pure, with no imports, because it runs in the
 * browser as well as at build time: the search form submits exactly these parameters, with or
 * without JavaScript.
 */

/** Pagefind filter keys, in the order the search page shows them. Values are display labels. */
export const FILTER_KEYS = [
	'kind',
	'state',
	'band',
	'access',
	'country',
	'theme',
	'licence',
	'publisher',
	'source',
	'contract',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** `relevance` is Pagefind's ranking; `score` puts the highest quality score first. */
export const SORTS = ['relevance', 'score'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
	q: string;
	/** One chosen value per filter at most: filters combine with AND, so counts stay exact. */
	filters: Partial<Record<FilterKey, string>>;
	sort: Sort;
}

/** Longest query kept: a search box is not a place for a pasted document. */
const MAX_QUERY = 200;

export function readSearchState(params: URLSearchParams): SearchState {
	const filters: SearchState['filters'] = {};
	for (const key of FILTER_KEYS) {
		const value = params.get(key)?.trim();
		if (value) filters[key] = value;
	}
	const sort = params.get('sort');
	return {
		q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
		filters,
		sort: sort === 'score' ? 'score' : 'relevance',
	};
}

/** The query string of a state, without empty parameters, so shared links stay short. */
export function searchQueryString(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const key of FILTER_KEYS) {
		const value = state.filters[key];
		if (value) params.set(key, value);
	}
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	const text = params.toString();
	return text ? `?${text}` : '';
}

export function hasCriteria(state: SearchState): boolean {
	return state.q !== '' || Object.keys(state.filters).length > 0;
}

/** What `pagefind.search(term, options)` takes: the term (null = filter only) and options. */
export interface PagefindQuery {
	term: string | null;
	options: {
		filters: Partial<Record<FilterKey, string>>;
		sort?: { score: 'desc' };
	};
}

export function pagefindQuery(state: SearchState): PagefindQuery {
	const term = state.q === '' ? null : state.q;
	// Without a term Pagefind has no relevance to rank by, so a filter-only search lists the best
	// records first rather than in index order.
	const byScore = state.sort === 'score' || term === null;
	return {
		term,
		options: { filters: { ...state.filters }, ...(byScore ? { sort: { score: 'desc' } } : {}) },
	};
}
