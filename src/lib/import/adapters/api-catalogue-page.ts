import {
	HARVEST_TEXT_MAX,
	HarvestedRecordSchema,
	type HarvestItem,
} from '../../../schemas/imported.ts';
import {
	type Adapter,
	type AdapterContext,
	type ImportResponse,
	SourceFailure,
} from '../adapter.ts';
import { fetchPage, type PageRequest, parseJsonPage } from './fetch-page.ts';

/**
 * What the four national API-catalogue adapters (api-gouv-fr, uk-api-catalogue,
 * nl-api-register, bund-dev) share: reading one page as a whole-source fact (any failure fails
 * the source, never half a page), handing a record over only once it fits the harvest schema (a
 * record that does not fit costs that record, with the field at fault), and stopping at the
 * run's record limit. Pages are read with {@link fetchPage}, as by every adapter.
 */

/** The page's body as a JSON array of APIs; anything else fails the source. */
export function parseJsonList(response: ImportResponse, url: string): unknown[] {
	const list = parseJsonPage(response, url);
	if (!Array.isArray(list)) throw new SourceFailure(`${url} did not answer a JSON array of APIs`);
	return list;
}

/** A non-empty string, trimmed; anything else (a number, null, an object) is no value. */
export function text(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/**
 * An absolute http(s) URL without credentials, else no value: a `javascript:` or `data:` link
 * never reaches the pipeline, even as an optional field (the normaliser checks hosts later).
 */
export function webUrl(value: unknown): string | undefined {
	const raw = text(value);
	if (raw === undefined || raw.length > HARVEST_TEXT_MAX) return undefined;
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
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** `T` with every key that may be undefined made optional instead. */
export type Compact<T> = {
	[K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

/** Drops the keys whose value is undefined, so optional fields stay absent rather than undefined. */
export function compact<T extends Record<string, unknown>>(value: T): Compact<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Compact<T>;
}

/** The record when it fits the harvest schema, else a skip naming the first field at fault. */
export function harvested(candidate: Record<string, unknown>): HarvestItem {
	const parsed = HarvestedRecordSchema.safeParse(candidate);
	if (parsed.success) return { record: parsed.data };
	const issue = parsed.error.issues[0];
	const sourceId =
		typeof candidate.sourceId === 'string' ? candidate.sourceId.slice(0, 500) : undefined;
	return {
		skipped: {
			...(sourceId ? { sourceId } : {}),
			field: issue?.path.join('.') || 'record',
			reason: issue?.message ?? 'does not fit the harvest schema',
		},
	};
}

/** A skip for a record without a value the record cannot do without. */
export function missing(sourceId: string | undefined, field: string, reason: string): HarvestItem {
	return { skipped: { ...(sourceId ? { sourceId: sourceId.slice(0, 500) } : {}), field, reason } };
}

/** Most records to yield: the run's limit, lowered by the source's own maxRecords filter. */
export function recordLimit(context: AdapterContext): number {
	return Math.min(context.limits.maxRecords, context.source.filters?.maxRecords ?? Infinity);
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
 * element becomes `toItem(element)`, up to the record limit.
 */
export function jsonListAdapter(
	request: PageRequest,
	toItem: (raw: unknown, context: AdapterContext) => HarvestItem,
): Adapter {
	return async function* jsonList(context: AdapterContext) {
		const url = firstEndpoint(context);
		const list = parseJsonList(await fetchPage(context, url, request), url);
		yield* upToRecordLimit(
			context,
			list.values().map((raw) => toItem(raw, context)),
		);
	};
}
