import type { HarvestItem } from '../../../schemas/imported.ts';
import { type Adapter, type AdapterContext, SourceFailure } from '../adapter.ts';
import { organizationName, packageToItem } from './ckan-package.ts';
import { fetchPage, parseJsonPage } from './fetch-page.ts';
import { recordLimit } from './harvest-item.ts';
import { isObject } from './harvest-values.ts';
import { preferredLanguages } from './languages.ts';
import { endpointsToRead, passesFilters, wantedKinds } from './source-filters.ts';

/**
 * Generic CKAN: pages through `package_search` (`rows` / `start`) until `start` reaches the
 * portal's count, the record budget is spent, or `limits.maxPages` is passed — the last one a
 * failure, as are a count that keeps growing while paging and a page that repeats earlier ones.
 * The publisher allow-list goes into `fq` (CKAN indexes `organization`); types and the high-value
 * flag have no portable Solr field, so they are applied to each record.
 * Values go out as the source states them — HTML in a title, a `javascript:` URL — and the
 * normaliser rejects them with the entry rules (only CKAN's free-text `url` field is taken as a
 * homepage when it is http(s)); an adapter only skips what it cannot key.
 */

/** Packages asked for per page (CKAN's default cap is 1,000; 100 keeps a page small). */
const CKAN_ROWS = 100;

/** The portal's address for people: the action URL without `/api/…/action/package_search`. */
export function ckanPortal(endpoint: string): string {
	const url = new URL(endpoint);
	const path = url.pathname.replace(/\/api(?:\/\d+)?\/action\/package_search\/?$/, '');
	return `${url.origin}${path === url.pathname ? '' : path}`.replace(/\/$/, '');
}

function solrQuoted(value: string): string {
	return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function pageUrl(endpoint: string, start: number, rows: number, context: AdapterContext): string {
	const url = new URL(endpoint);
	url.searchParams.set('rows', String(rows));
	url.searchParams.set('start', String(start));
	// Oldest first, not CKAN's default (relevance, then last modified): pages stay put while the
	// portal changes during a harvest, and a source capped by maxRecords keeps the same records
	// from night to night instead of churning.
	url.searchParams.set('sort', 'metadata_created asc');
	const publishers = context.source.filters?.publishers;
	if (publishers) {
		url.searchParams.set('fq', `organization:(${publishers.map(solrQuoted).join(' OR ')})`);
	}
	return url.href;
}

interface SearchPage {
	count: number;
	results: unknown[];
}

function readSearchPage(body: unknown, url: string): SearchPage {
	if (!isObject(body) || body.success !== true || !isObject(body.result)) {
		throw new SourceFailure(`${url}: not a successful CKAN action answer`);
	}
	const { count, results } = body.result;
	if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
		throw new SourceFailure(`${url}: result.count is not a count`);
	}
	if (!Array.isArray(results)) throw new SourceFailure(`${url}: result.results is not a list`);
	return { count, results };
}

async function* harvestEndpoint(
	context: AdapterContext,
	endpoint: string,
	state: { yielded: number; seen: Set<string> },
): AsyncGenerator<HarvestItem> {
	const budget = recordLimit(context);
	const kinds = wantedKinds(context.source);
	const packageContext = {
		portal: ckanPortal(endpoint),
		...(context.source.recordPage ? { recordPage: context.source.recordPage } : {}),
		languages: preferredLanguages(context.source.country),
	};
	let firstCount: number | undefined;
	let start = 0;
	for (let pages = 0; state.yielded < budget; pages++) {
		if (pages >= context.limits.maxPages) {
			throw new SourceFailure(
				`${endpoint}: more than ${context.limits.maxPages} pages (maxPages) and still not at the end`,
			);
		}
		const url = pageUrl(endpoint, start, CKAN_ROWS, context);
		const page = readSearchPage(
			parseJsonPage(await fetchPage(context, url, { accept: 'application/json' }), url),
			url,
		);
		firstCount ??= page.count;
		if (page.count > firstCount + Math.max(CKAN_ROWS, firstCount / 10)) {
			throw new SourceFailure(
				`${endpoint}: the count grew from ${firstCount} to ${page.count} while paging`,
			);
		}
		if (page.results.length === 0) return;
		let fresh = 0;
		for (const pkg of page.results) {
			const id = isObject(pkg) ? (typeof pkg.id === 'string' ? pkg.id : undefined) : undefined;
			if (id !== undefined) {
				if (state.seen.has(id)) continue;
				state.seen.add(id);
			}
			fresh++;
			const item = packageToItem(pkg, packageContext);
			if ('record' in item) {
				if (!passesFilters(context.source, kinds, item.record, [organizationName(pkg)])) continue;
				state.yielded++;
			}
			yield item;
			if (state.yielded >= budget) return;
		}
		if (fresh === 0) {
			throw new SourceFailure(`${url}: the page repeats records of earlier pages`);
		}
		start += page.results.length;
		if (start >= Math.min(page.count, firstCount)) return;
	}
}

export const adapter: Adapter = async function* ckan(context) {
	const state = { yielded: 0, seen: new Set<string>() };
	const endpoints = endpointsToRead(
		context.source,
		(format) => format === undefined || format === 'json',
	);
	for (const endpoint of endpoints) yield* harvestEndpoint(context, endpoint.url, state);
};
