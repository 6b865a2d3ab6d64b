import type { HarvestItem } from '../../../schemas/imported.ts';
import { type Adapter, type AdapterContext, SourceFailure } from '../adapter.ts';
import { fetchPage, parseJsonPage } from './fetch-page.ts';
import { recordLimit } from './harvest-item.ts';
import { isObject } from './harvest-values.ts';
import { endpointsToRead, passesFilters, type RecordKind, wantedKinds } from './source-filters.ts';
import { type UdataKind, udataToItem } from './udata-record.ts';

/**
 * Generic udata (data.gouv.fr, data.public.lu): `/api/1/datasets/` and, when the source yields
 * APIs, `/api/1/dataservices/`, following `next_page` — only on the same origin, never to a page
 * already read, at most `limits.maxPages` pages (more is a failure). A single publisher filter
 * and the high-value filter go into the query (`organization`, `badge=hvd`); every filter is
 * checked again on each record.
 * Values go out as the source states them — HTML in a title, a `javascript:` URL — and the
 * normaliser rejects them with the entry rules; an adapter only skips what it cannot key.
 */

const UDATA_PAGE_SIZE = 100;

/** The list URL of `kind` next to an endpoint that names the other one (or the API root). */
export function udataListUrl(endpoint: string, kind: UdataKind): string {
	const url = new URL(endpoint);
	const path = url.pathname.replace(/\/(datasets|dataservices)\/?$/, '');
	url.pathname = `${path.replace(/\/$/, '')}/${kind}/`;
	return url.href;
}

function firstPageUrl(list: string, kind: UdataKind, context: AdapterContext): string {
	const url = new URL(list);
	url.searchParams.set('page', '1');
	url.searchParams.set('page_size', String(UDATA_PAGE_SIZE));
	const publishers = context.source.filters?.publishers;
	if (publishers?.length === 1 && publishers[0])
		url.searchParams.set('organization', publishers[0]);
	if (kind === 'datasets' && context.source.filters?.highValueOnly)
		url.searchParams.set('badge', 'hvd');
	// Oldest first: pages stay put while the portal changes during a harvest, and a source capped
	// by maxRecords keeps the same records from night to night instead of churning.
	if (kind === 'datasets') url.searchParams.set('sort', 'created');
	return url.href;
}

function readPage(body: unknown, url: string): { data: unknown[]; next?: string } {
	if (!isObject(body) || !Array.isArray(body.data)) {
		throw new SourceFailure(`${url}: not a udata list page (no data list)`);
	}
	const next = body.next_page;
	if (next !== null && next !== undefined && typeof next !== 'string') {
		throw new SourceFailure(`${url}: next_page is not a URL`);
	}
	return { data: body.data, ...(next ? { next } : {}) };
}

function nextPageUrl(next: string, current: string, seen: Set<string>): string {
	let url: URL;
	try {
		url = new URL(next, current);
	} catch {
		throw new SourceFailure(`${current}: next_page is not a URL`);
	}
	if (url.origin !== new URL(current).origin) {
		throw new SourceFailure(`${current}: next_page leaves the portal (${url.origin})`);
	}
	if (seen.has(url.href))
		throw new SourceFailure(`${current}: next_page points back to ${url.href}`);
	return url.href;
}

async function* harvestList(
	context: AdapterContext,
	list: string,
	kind: UdataKind,
	kinds: ReadonlySet<RecordKind>,
	state: { yielded: number },
): AsyncGenerator<HarvestItem> {
	const budget = recordLimit(context);
	const portal = new URL(list).origin;
	const seen = new Set<string>();
	let url: string | undefined = firstPageUrl(list, kind, context);
	for (let pages = 0; url !== undefined && state.yielded < budget; pages++) {
		if (pages >= context.limits.maxPages) {
			throw new SourceFailure(
				`${list}: more than ${context.limits.maxPages} pages (maxPages) and still not at the end`,
			);
		}
		seen.add(url);
		const page = readPage(
			parseJsonPage(await fetchPage(context, url, { accept: 'application/json' }), url),
			url,
		);
		for (const value of page.data) {
			const item = udataToItem(value, kind, portal);
			if ('record' in item) {
				const key = item.record.publisher?.key;
				if (!passesFilters(context.source, kinds, item.record, [key])) continue;
				state.yielded++;
			}
			yield item;
			if (state.yielded >= budget) return;
		}
		url = page.next === undefined ? undefined : nextPageUrl(page.next, url, seen);
	}
}

export const adapter: Adapter = async function* udata(context) {
	const kinds = wantedKinds(context.source);
	const state = { yielded: 0 };
	const lists = new Set<string>();
	const endpoints = endpointsToRead(
		context.source,
		(format) => format === undefined || format === 'json',
	);
	for (const endpoint of endpoints) {
		if (kinds.has('api')) lists.add(udataListUrl(endpoint.url, 'dataservices'));
		if (kinds.has('dataset')) lists.add(udataListUrl(endpoint.url, 'datasets'));
	}
	for (const list of lists) {
		const kind: UdataKind = list.endsWith('/dataservices/') ? 'dataservices' : 'datasets';
		yield* harvestList(context, list, kind, kinds, state);
	}
};
