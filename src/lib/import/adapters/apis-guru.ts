import type { HarvestItem } from '../../../schemas/imported.ts';
import { type Adapter, type AdapterContext, SourceFailure } from '../adapter.ts';
import { fields, firstEndpoint, missing, upToRecordLimit, webUrl } from './api-catalogue-page.ts';
import { isProviderDomain, publicSectorCountry } from './apis-guru-providers.ts';
import { fetchPage, parseJsonPage } from './fetch-page.ts';
import { harvested } from './harvest-item.ts';
import { compact, text, uniqueList, whole } from './harvest-values.ts';

/**
 * APIs.guru, the community directory of OpenAPI definitions, kept to European public bodies.
 * https://api.apis.guru/v2/list.json (APIs.guru's own API definition, APIs/apis.guru/2.2.0 in
 * APIs-guru/openapi-directory) is one JSON object keyed `<provider>[:<service>]`; each value names
 * its `preferred` version and holds `versions[<v>]` with `info` (a copy of the definition's info:
 * title, contact, license, `x-providerName`, `x-apisguru-categories`, `x-origin`), `externalDocs`,
 * `swaggerUrl`, `updated` and `link` (the entry as JSON, not a page for people).
 *
 * Only the preferred version is read, and only providers whose domain is a European
 * government's (apis-guru-providers.ts); the record's country is that government's. Kept: title,
 * the provider as publisher (its domain as homepage), the spec where the publisher serves it
 * (`x-origin`), docs, contact, licence, categories, date. `info.description` is prose and is
 * never read. No sourceUrl: APIs.guru's pages for people have no address the list states.
 * The file is fetched conditionally.
 */

/** The `x-origin` list (an object in older lists): where APIs.guru took the definition from. */
function origins(value: unknown): Record<string, unknown>[] {
	const list = Array.isArray(value) ? value : [value];
	return list.map(fields).filter((origin) => origin !== undefined);
}

/**
 * The publisher's own spec address, the first `x-origin` with a web URL; only when the list
 * gives none, APIs.guru's copy (`swaggerUrl`), which is OpenAPI whatever the original was.
 */
function specOf(
	version: Record<string, unknown>,
	info: Record<string, unknown>,
): { url: string; format?: string } | undefined {
	for (const origin of origins(info['x-origin'])) {
		const url = webUrl(origin.url);
		if (url !== undefined) return compact({ url, format: text(origin.format) });
	}
	const copy = webUrl(version.swaggerUrl);
	return copy === undefined ? undefined : { url: copy, format: 'openapi' };
}

function keywordsOf(value: unknown): string[] | undefined {
	return Array.isArray(value) ? uniqueList(value.map(text)) : undefined;
}

/** A record for one list entry, nothing for a provider that is not a European public body. */
function toItem(key: string, raw: unknown): HarvestItem | undefined {
	const provider = key.split(':', 1)[0]?.toLowerCase() ?? '';
	const country = publicSectorCountry(provider);
	if (country === undefined) return undefined;
	// Only now: a commercial entry with an odd key is left out, not reported every night.
	if (!isProviderDomain(provider)) return missing(key, 'key', 'does not start with a host name');
	const api = fields(raw);
	if (api === undefined) return missing(key, 'record', 'is not a JSON object');
	const preferred = text(api.preferred);
	const version = preferred === undefined ? undefined : fields(fields(api.versions)?.[preferred]);
	if (version === undefined) return missing(key, 'preferred', 'names no listed version');
	const info = fields(version.info) ?? {};
	const title = text(info.title);
	if (title === undefined) return missing(key, 'info.title', 'is missing');
	const providerName = text(info['x-providerName'])?.toLowerCase();
	// The key and the info both name the provider; a country is given only when they agree.
	if (providerName !== undefined && providerName !== provider) {
		return missing(key, 'info.x-providerName', `differs from the list key's provider ${provider}`);
	}
	const contact = fields(info.contact);
	const licence = fields(info.license);
	const contactValues = compact({
		email: whole(contact?.email),
		url: webUrl(contact?.url),
	});
	return harvested(
		compact({
			sourceId: key,
			kind: 'api',
			title,
			country,
			publisher: { name: provider, homepage: `https://${provider}/` },
			docs: webUrl(fields(version.externalDocs)?.url),
			spec: specOf(version, info),
			licence: text(licence?.name) ?? webUrl(licence?.url),
			keywords: keywordsOf(info['x-apisguru-categories']),
			contact: Object.keys(contactValues).length === 0 ? undefined : contactValues,
			modified: text(version.updated),
		}),
	);
}

async function* entries(context: AdapterContext): AsyncGenerator<HarvestItem> {
	const url = firstEndpoint(context);
	const list = fields(
		parseJsonPage(
			await fetchPage(context, url, { accept: 'application/json', conditional: true }),
			url,
		),
	);
	if (list === undefined) throw new SourceFailure(`${url} did not answer a JSON object of APIs`);
	for (const [key, raw] of Object.entries(list)) {
		const item = toItem(key, raw);
		if (item !== undefined) yield item;
	}
}

export const adapter: Adapter = (context) => upToRecordLimit(context, entries(context));
