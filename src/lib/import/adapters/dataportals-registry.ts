import type { HarvestItem } from '../../../schemas/imported.ts';
import { COUNTRIES } from '../../vocab/countries.ts';
import { type Adapter, type AdapterContext, SourceFailure } from '../adapter.ts';
import { fields, firstEndpoint, missing, upToRecordLimit, webUrl } from './api-catalogue-page.ts';
import { API_ENDPOINT_KINDS, DOCS_ENDPOINT_TYPES } from './dataportals-endpoints.ts';
import { fetchPage } from './fetch-page.ts';
import { harvested } from './harvest-item.ts';
import { compact, text, uniqueList } from './harvest-values.ts';

/**
 * The Common Data Index registry of data portals (commondataio/dataportals-registry), kept to
 * the APIs that European governments run for their portals: a CKAN Action API, an OGC web
 * service, an ArcGIS REST directory, a DCAT-AP feed. Its export `data/datasets/full.jsonl` has one
 * portal per line: `uid` (stable, e.g. cdi00020452), `name`, `link`, `status`, `api`,
 * `api_status`, `access_mode`, `endpoints` [{ type, url, version }], `owner` { name, link,
 * type, location.country.id }, `langs`, `tags`, `topics` [{ id, type: eudatatheme… }] and
 * `rights` { license_id, license_url, license_name }.
 *
 * A portal becomes one API record when it is active, declares an API, is owned by a central,
 * regional or local government of a European country (or an EU body), and lists at least one
 * endpoint that is an API (dataportals-endpoints.ts picks which): its URL is the record's base
 * URL, or its spec for an OpenAPI description. The portal's page is the record's homepage, its
 * owner the publisher. `description` is the registry's prose and is never read. No sourceUrl: the
 * export states no page for people per portal. The file is fetched conditionally.
 */

/** The registry's owner types that are a government, with their tier. */
const GOVERNMENT_OWNERS: ReadonlyMap<string, 'national' | 'regional' | 'local'> = new Map([
	['Central government', 'national'],
	['Regional government', 'regional'],
	['Local government', 'local'],
]);

/** Portals whose API the registry marks as gone are not listed as APIs. */
const GONE_API_STATUSES = new Set(['inactive', 'broken', 'deprecated']);

function countryOf(owner: Record<string, unknown>): string | undefined {
	const id = text(fields(fields(owner.location)?.country)?.id)?.toUpperCase();
	return id !== undefined && Object.hasOwn(COUNTRIES, id) ? id : undefined;
}

/** A government owner's country; international bodies count only as the EU's. */
function governmentCountry(owner: Record<string, unknown> | undefined): string | undefined {
	if (owner === undefined) return undefined;
	const country = countryOf(owner);
	const type = text(owner.type);
	if (type !== undefined && GOVERNMENT_OWNERS.has(type)) return country;
	return type === 'International' && country === 'EU' ? country : undefined;
}

interface Endpoint {
	type: string;
	url: string;
}

/** The registry's own tags that say nothing about the API's subject. */
const REGISTRY_TAGS = new Set(['has_api']);

function endpointsOf(value: unknown): Endpoint[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((raw) => {
		const endpoint = fields(raw);
		const type = text(endpoint?.type)?.toLowerCase();
		const url = webUrl(endpoint?.url);
		return type === undefined || url === undefined ? [] : [{ type, url }];
	});
}

/** The portal's API: the first endpoint of the most specific kind it has. */
function apiEndpoint(endpoints: readonly Endpoint[]) {
	for (const kind of API_ENDPOINT_KINDS) {
		const endpoint = endpoints.find(
			(e) => kind.types.includes(e.type) && (kind.accepts?.(new URL(e.url)) ?? true),
		);
		if (endpoint !== undefined) return { kind, ...endpoint };
	}
	return undefined;
}

function isOpen(accessModes: unknown): boolean | undefined {
	if (!Array.isArray(accessModes) || accessModes.length === 0) return undefined;
	const modes = accessModes.map((mode) => text(mode)?.toLowerCase());
	return modes.every((mode) => mode === 'open' || mode === 'public');
}

function themesOf(topics: unknown): string[] | undefined {
	if (!Array.isArray(topics)) return undefined;
	return uniqueList(
		topics.map(fields).map((t) => (t?.type === 'eudatatheme' ? text(t.id) : undefined)),
	);
}

function listOf(values: unknown, read: (value: unknown) => string | undefined) {
	return Array.isArray(values) ? uniqueList(values.map(read)) : undefined;
}

/** One portal as an API record, nothing for one that is not a European government's API. */
function toItem(raw: unknown): HarvestItem | undefined {
	const portal = fields(raw);
	if (portal === undefined) return missing(undefined, 'record', 'is not a JSON object');
	if (portal.status !== 'active' || portal.api !== true) return undefined;
	if (GONE_API_STATUSES.has(String(portal.api_status))) return undefined;
	const owner = fields(portal.owner);
	const country = governmentCountry(owner);
	if (country === undefined || owner === undefined) return undefined;
	const endpoints = endpointsOf(portal.endpoints);
	const api = apiEndpoint(endpoints);
	if (api === undefined) return undefined;
	const sourceId = text(portal.uid);
	if (sourceId === undefined) return missing(undefined, 'uid', 'is missing');
	const name = text(portal.name);
	if (name === undefined) return missing(sourceId, 'name', 'is missing');
	const publisherName = text(owner.name);
	const rights = fields(portal.rights);
	const open = isOpen(portal.access_mode);
	return harvested(
		compact({
			sourceId,
			kind: 'api',
			// Cut as one: the name is already cut to a field's length, the label must still fit.
			title: text(`${name} — ${api.kind.label}`),
			country,
			level: country === 'EU' ? undefined : GOVERNMENT_OWNERS.get(text(owner.type) ?? ''),
			publisher:
				publisherName === undefined
					? undefined
					: compact({ name: publisherName, homepage: webUrl(owner.link) }),
			homepage: webUrl(portal.link),
			docs: endpoints.find((e) => DOCS_ENDPOINT_TYPES.has(e.type))?.url,
			baseUrl: api.kind.spec === undefined ? api.url : undefined,
			spec: api.kind.spec === undefined ? undefined : { url: api.url, format: api.kind.spec },
			access: open === undefined ? undefined : open ? 'open' : 'restricted',
			licence:
				text(rights?.license_id) ?? webUrl(rights?.license_url) ?? text(rights?.license_name),
			themes: themesOf(portal.topics),
			keywords: listOf(portal.tags, (tag) => {
				const value = text(tag);
				return value === undefined || REGISTRY_TAGS.has(value) ? undefined : value;
			}),
			languages: listOf(portal.langs, (lang) => text(fields(lang)?.id)?.toLowerCase()),
		}),
	);
}

/**
 * The export's lines as items. A line that is not JSON costs that portal only — unless it is the
 * first: an answer that does not start as JSON Lines (an HTML error page) fails the source.
 */
function* linesOf(body: string, url: string): Generator<HarvestItem> {
	let lineNumber = 0;
	let parsedOne = false;
	for (const line of body.split('\n')) {
		lineNumber += 1;
		if (line.trim() === '') continue;
		let raw: unknown;
		try {
			raw = JSON.parse(line);
		} catch {
			if (!parsedOne)
				throw new SourceFailure(`${url}: line ${lineNumber} is not JSON — not a JSON Lines file`);
			yield missing(undefined, `line ${lineNumber}`, 'is not JSON');
			continue;
		}
		parsedOne = true;
		const item = toItem(raw);
		if (item !== undefined) yield item;
	}
}

async function* entries(context: AdapterContext): AsyncGenerator<HarvestItem> {
	const url = firstEndpoint(context);
	const response = await fetchPage(context, url, {
		accept: 'application/x-ndjson, application/json;q=0.9, text/plain;q=0.8',
		conditional: true,
	});
	yield* linesOf(response.body.toString('utf8'), url);
}

export const adapter: Adapter = (context) => upToRecordLimit(context, entries(context));
