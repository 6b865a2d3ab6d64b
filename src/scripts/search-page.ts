/**
 * The search page's script: the only JavaScript the register ships of its own, and only on
 * /search/. It enhances a plain GET form (q + one <select> per filter + sort) that already works
 * without it: the URL is the state, so results can be linked, bookmarked and reloaded.
 *
 * Why a small script on Pagefind's search API rather than Pagefind's own UI: the Component UI
 * costs ~47 KB gzipped of JS and CSS before the first query (the default UI is legacy), brings its
 * own markup and styles to make accessible and themeable for light and dark, and does not read
 * or write our form's parameters. This script is a few KB, renders results with the register's
 * own card markup, counts facets exactly (see updateCounts) and loads the filter data only when
 * someone reaches for the filters (see startCounting).
 */

import { OUTCOME_LABELS } from '../lib/register/labels.ts';
import { type ResultFeed, searchFeed } from '../lib/search/merged-results.ts';
import type {
	FilterCounts,
	PagefindApi,
	PagefindResultData,
} from '../lib/search/pagefind-client.ts';
import { loadPagefind } from '../lib/search/pagefind-client.ts';
import {
	FILTER_KEYS,
	type FilterKey,
	hasCriteria,
	pagefindQuery,
	readSearchState,
	type SearchState,
	searchQueryString,
} from '../lib/search/search-params.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const SLOW_SEARCH_MS = 400;

function element<T extends HTMLElement>(id: string): T {
	const found = document.getElementById(id);
	if (!found) throw new Error(`search page: #${id} is missing`);
	return found as T;
}

const form = element<HTMLFormElement>('search-form');
const input = element<HTMLInputElement>('search-q');
const status = element<HTMLElement>('search-status');
const list = element<HTMLOListElement>('search-results');
const more = element<HTMLButtonElement>('search-more');
const notice = element<HTMLElement>('search-nojs');
const filtersBox = element<HTMLFieldSetElement>('search-filters');
const filtersDisclosure = element<HTMLDetailsElement>('search-filters-box');
const filtersChosen = element<HTMLElement>('search-filters-chosen');
const countsNote = element<HTMLElement>('search-counts-note');

const IDLE_STATUS = status.textContent ?? '';

const selects = new Map<FilterKey, HTMLSelectElement>();
for (const key of FILTER_KEYS) {
	const select = form.elements.namedItem(key);
	if (select instanceof HTMLSelectElement) selects.set(key, select);
}

/** State labels → the classes StatePill uses, to colour the pill in a result card. */
const STATE_CLASS = new Map(
	Object.entries(OUTCOME_LABELS).map(([state, label]) => [label, `pill state-${state}`]),
);

let pagefind: Promise<PagefindApi> | undefined;
/** Bumped by every search, so a slow answer never replaces a newer one. */
let generation = 0;
let current: {
	state: SearchState;
	results: ResultFeed;
	shown: number;
	term: string | null;
} | null = null;
/**
 * Counts per filter value follow the search once every filter's values are loaded — about
 * 15 KB per 1,000 records for the eight filters, so only once someone reaches for the filters.
 * Until then the options show the register-wide counts the build wrote.
 */
let countingStarted = false;
let countsLive = false;

/** The folders of the search index's other partitions, written by the build (search.astro). */
const partitionUrls = JSON.parse(form.dataset.partitions ?? '[]') as string[];

function getPagefind(): Promise<PagefindApi> {
	pagefind ??= loadPagefind({
		bundleUrl: form.dataset.index ?? '',
		baseUrl: form.dataset.base ?? '/',
		partitionUrls,
	});
	return pagefind;
}

function startCounting(): void {
	if (countingStarted) return;
	countingStarted = true;
	void getPagefind()
		.then((api) => api.filters())
		.then(() => {
			countsLive = true;
			countsNote.textContent = 'Numbers say how many results each choice would leave.';
			return refreshCounts();
		})
		.catch((error: unknown) => console.error(error));
}

function stateFromForm(): SearchState {
	const params = new URLSearchParams();
	for (const [key, value] of new FormData(form))
		if (typeof value === 'string') params.set(key, value);
	return readSearchState(params);
}

function fillForm(state: SearchState): void {
	input.value = state.q;
	for (const [key, select] of selects) {
		const value = state.filters[key] ?? '';
		// A link may name a value this build does not offer; show it rather than silently drop it.
		if (value && ![...select.options].some((o) => o.value === value)) {
			select.append(new Option(value, value));
		}
		select.value = value;
	}
	const sort = form.elements.namedItem('sort');
	if (sort instanceof HTMLSelectElement) sort.value = state.sort;
}

function showChosen(state: SearchState): void {
	const chosen = Object.keys(state.filters).length;
	filtersChosen.textContent = chosen ? ` (${chosen} chosen)` : '';
}

function make<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className = '',
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/**
 * Pagefind's excerpts are HTML with entities escaped and matches in <mark>. As a second wall,
 * only text and <mark> are carried over: the excerpt is parsed inert, in a <template>.
 */
function excerptNodes(html: string): Node[] {
	const template = document.createElement('template');
	template.innerHTML = html;
	return [...template.content.childNodes].map((node) => {
		if (node.nodeName === 'MARK') return make('mark', '', node.textContent ?? '');
		return document.createTextNode(node.textContent ?? '');
	});
}

function renderResult(data: PagefindResultData, term: string | null): HTMLLIElement | null {
	// Only record pages are indexed; anything else is not a result this page knows how to show.
	if (!data.url.startsWith(form.dataset.records ?? '/records/')) return null;
	const item = make('li', 'record-card');
	const heading = make('h3');
	const link = make('a', '', data.meta.title ?? data.url);
	link.href = data.url;
	heading.append(link);
	item.append(heading);
	if (data.meta.summary) item.append(make('p', '', data.meta.summary));
	if (term !== null && data.excerpt.includes('<mark>')) {
		const excerpt = make('p', 'excerpt');
		excerpt.append(...excerptNodes(data.excerpt));
		item.append(excerpt);
	}
	const facts = make('p', 'card-meta');
	const one = (key: FilterKey) => data.filters[key]?.[0];
	const state = one('state');
	if (state) facts.append(make('span', STATE_CLASS.get(state) ?? 'pill', state));
	for (const key of ['kind', 'country', 'access'] as const) {
		const value = one(key);
		if (value) facts.append(make('span', 'tag', value));
	}
	const publisher = one('publisher');
	if (publisher) facts.append(make('span', 'muted', publisher));
	const band = one('band');
	if (data.meta.score)
		facts.append(
			make(
				'span',
				'score-chip',
				`score ${data.meta.score}${band ? ` · ${band.toLowerCase()}` : ''}`,
			),
		);
	item.append(facts);
	return item;
}

/** Option text is "France (12)"; the build writes the register-wide counts, searches update them. */
function setCounts(select: HTMLSelectElement, counts: Record<string, number> | undefined): void {
	for (const option of select.options) {
		if (option.value === '') continue;
		const count = counts ? (counts[option.value] ?? 0) : option.dataset.total;
		option.textContent = count === undefined ? option.value : `${option.value} (${count})`;
	}
}

/**
 * Pagefind counts each value as if it were chosen IN ADDITION to the current filters. That is
 * exact for a filter with nothing chosen; for one with a value chosen, the other values would all
 * read 0, so its counts come from the same search without that filter.
 */
async function updateCounts(
	api: PagefindApi,
	state: SearchState,
	counts: FilterCounts,
	token: number,
): Promise<void> {
	const { term, options } = pagefindQuery(state);
	for (const [key, select] of selects) {
		if (!state.filters[key]) {
			setCounts(select, counts[key]);
			continue;
		}
		const filters = { ...options.filters };
		delete filters[key];
		const without = await api.search(term, { filters });
		if (token !== generation) return;
		setCounts(select, without.filters[key]);
	}
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

function describe(state: SearchState, count: number): string {
	const chosen = Object.keys(state.filters).length;
	const what = state.q ? ` for “${state.q}”` : '';
	const filters = chosen ? ` with ${plural(chosen, 'filter', 'filters')}` : '';
	if (count === 0)
		return `No record found${what}${filters}. Try fewer or shorter words, or remove a filter.`;
	return `${plural(count, 'record', 'records')} found${what}${filters}.`;
}

async function showMore(token: number, focusFirst: boolean): Promise<void> {
	if (!current) return;
	const data = await current.results.next(PAGE_SIZE);
	if (token !== generation || !current) return;
	const term = current.term;
	const items = data.flatMap((d) => renderResult(d, term) ?? []);
	list.append(...items);
	current.shown += data.length;
	more.hidden = current.shown >= current.results.total;
	if (focusFirst) items[0]?.querySelector('a')?.focus();
}

/** Counts for the search on screen, without touching its results. */
async function refreshCounts(): Promise<void> {
	const token = generation;
	const state = current?.state;
	if (!state) return;
	const api = await getPagefind();
	const { term, options } = pagefindQuery(state);
	const search = await api.search(term, options);
	if (token === generation) await updateCounts(api, state, search.filters, token);
}

async function run(state: SearchState): Promise<void> {
	const token = ++generation;
	current = null;
	showChosen(state);
	if (!hasCriteria(state)) {
		list.replaceChildren();
		more.hidden = true;
		for (const select of selects.values()) setCounts(select, undefined);
		status.textContent = IDLE_STATUS;
		return;
	}
	// Said only when a search takes a while, so typing does not make screen readers chatter.
	const slow = setTimeout(() => {
		if (token === generation) status.textContent = 'Searching…';
	}, SLOW_SEARCH_MS);
	list.setAttribute('aria-busy', 'true');
	try {
		const api = await getPagefind();
		const query = pagefindQuery(state);
		const feed = await searchFeed(api, query, partitionUrls.length + 1);
		const { search } = feed;
		if (token !== generation) return;
		current = { state, results: feed, shown: 0, term: query.term };
		list.replaceChildren();
		await showMore(token, false);
		if (token !== generation) return;
		// Announced once the results are on the page (the status is a polite live region).
		status.textContent = describe(state, search.results.length);
		if (countsLive) await updateCounts(api, state, search.filters, token);
	} catch (error) {
		if (token !== generation) return;
		console.error(error);
		list.replaceChildren();
		more.hidden = true;
		status.textContent =
			'Search could not be loaded. Please try again, or browse the register with the links below.';
	} finally {
		clearTimeout(slow);
		if (token === generation) list.removeAttribute('aria-busy');
	}
}

function go(state: SearchState, history: 'push' | 'replace'): void {
	const url = `${location.pathname}${searchQueryString(state)}`;
	if (url !== `${location.pathname}${location.search}`) {
		if (history === 'push') window.history.pushState(null, '', url);
		else window.history.replaceState(null, '', url);
	}
	void run(state);
}

let typing: ReturnType<typeof setTimeout> | undefined;

form.addEventListener('submit', (event) => {
	event.preventDefault();
	clearTimeout(typing);
	go(stateFromForm(), 'push');
});
input.addEventListener('input', () => {
	clearTimeout(typing);
	typing = setTimeout(() => go(stateFromForm(), 'replace'), TYPING_DELAY_MS);
});
// Start fetching Pagefind's code as soon as someone shows intent to search.
input.addEventListener('focus', () => void getPagefind().catch(() => undefined), { once: true });
filtersBox.addEventListener('focusin', startCounting, { once: true });
filtersBox.addEventListener('pointerdown', startCounting, { once: true });
form.addEventListener('change', (event) => {
	if (event.target instanceof HTMLSelectElement) go(stateFromForm(), 'push');
});
more.addEventListener('click', () => void showMore(generation, true));
window.addEventListener('popstate', () => {
	const state = readSearchState(new URLSearchParams(location.search));
	fillForm(state);
	void run(state);
});

// Opening the folded filters is reaching for them too (a click also comes from the keyboard).
filtersDisclosure.querySelector('summary')?.addEventListener('click', () => {
	if (!filtersDisclosure.open) startCounting();
});

notice.hidden = true;
const initial = readSearchState(new URLSearchParams(location.search));
fillForm(initial);
// On a phone the filters would push the results below the fold: fold them unless in use.
if (window.matchMedia('(max-width: 40rem)').matches && Object.keys(initial.filters).length === 0)
	filtersDisclosure.open = false;
void run(initial);
