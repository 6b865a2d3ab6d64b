import type { HarvestItem } from '../../../schemas/imported.ts';
import {
	type Adapter,
	type AdapterContext,
	type ImportResponse,
	SourceFailure,
} from '../adapter.ts';
import { fetchPage, type PageRequest, parseJsonPage } from './fetch-page.ts';
import { recordLimit } from './harvest-item.ts';
import { isObject, whole } from './harvest-values.ts';

/**
 * What the four national API-catalogue adapters (api-gouv-fr, uk-api-catalogue,
 * nl-api-register, bund-dev) share beyond what every adapter does (pages read with
 * {@link fetchPage}, records checked and counted in harvest-item.ts, values read with
 * harvest-values.ts): a JSON list page, web links only, and stopping at the run's record limit
 * while reading.
 */

/** The page's body as a JSON array of APIs; anything else fails the source. */
export function parseJsonList(response: ImportResponse, url: string): unknown[] {
	const list = parseJsonPage(response, url);
	if (!Array.isArray(list)) throw new SourceFailure(`${url} did not answer a JSON array of APIs`);
	return list;
}

/**
 * An absolute http(s) URL without credentials, else no value: a `javascript:` or `data:` link
 * never reaches the pipeline, even as an optional field (the normaliser checks hosts later).
 */
export function webUrl(value: unknown): string | undefined {
	const raw = whole(value);
	if (raw === undefined) return undefined;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	if (url.username !== '' || url.password !== '') return undefined;
	return url.href;
}

/** An object's own fields, or undefined for anything that is not a plain JSON object. */
export function fields(value: unknown): Record<string, unknown> | undefined {
	return isObject(value) ? value : undefined;
}

/** A skip for a record without a value the record cannot do without. */
export function missing(sourceId: string | undefined, field: string, reason: string): HarvestItem {
	return { skipped: { ...(sourceId ? { sourceId: sourceId.slice(0, 500) } : {}), field, reason } };
}

/**
 * The items in order until {@link recordLimit} records have been yielded; skips do not count.
 * The limit is checked as the next item arrives, so the source is read no further than that
 * item (for a paged source, its page).
 */
export async function* upToRecordLimit(
	context: AdapterContext,
	items: AsyncIterable<HarvestItem> | Iterable<HarvestItem>,
): AsyncGenerator<HarvestItem> {
	const limit = recordLimit(context);
	let records = 0;
	for await (const item of items) {
		if (records >= limit) return;
		if ('record' in item) records += 1;
		yield item;
	}
}

/** The first endpoint's URL: the one page (or first page) a catalogue adapter reads. */
export function firstEndpoint(context: AdapterContext): string {
	const endpoint = context.source.endpoints[0];
	if (!endpoint) throw new SourceFailure(`${context.source.id} lists no endpoint`);
	return endpoint.url;
}

/**
 * An adapter for a catalogue published as one JSON array of APIs at its first endpoint: each
 * element becomes an item through the reader `itemReader(context)` makes once per run, up to the
 * record limit.
 */
export function jsonListAdapter(
	request: PageRequest,
	itemReader: (context: AdapterContext) => (raw: unknown) => HarvestItem,
): Adapter {
	return async function* jsonList(context: AdapterContext) {
		const url = firstEndpoint(context);
		const list = parseJsonList(await fetchPage(context, url, request), url);
		yield* upToRecordLimit(context, list.values().map(itemReader(context)));
	};
}
