import type { HarvestItem } from '../../../schemas/imported.ts';
import { settings } from '../../settings/read-settings.ts';
import { type Adapter, type AdapterContext, SourceFailure } from '../adapter.ts';
import {
	fields,
	firstEndpoint,
	missing,
	parseJsonList,
	upToRecordLimit,
	webUrl,
} from './api-catalogue-page.ts';
import { fetchPage } from './fetch-page.ts';
import { harvested } from './harvest-item.ts';
import { compact, text, whole } from './harvest-values.ts';
import { nextLink } from './nl-api-register-links.ts';

/**
 * The API register of developer.overheid.nl, read through its own JSON API
 * (developer-overheid-nl/don-api-register): `GET /apis?page=1&perPage=100` answers an array of
 * API summaries (id, oasUrl, title, description, contact, organisation {uri, label}, adrScore,
 * lifecycle {status, version, …}, _links) and the next page in the `Link` header (rel="next").
 * The description is the register's prose and is never read into a record; the record links to
 * its page, https://apis.developer.overheid.nl/apis/<id> (the register's FrontendAPIURL).
 *
 * The register answers only requests that carry a free read-only API key (request one at
 * https://apis.developer.overheid.nl/apis/key-aanvragen), sent as `X-Api-Key`. The key is the
 * setting C0MM0_NL_API_KEY; without it the source fails, saying so, and its last import stands.
 *
 * Paging follows `next` links on the endpoint's own origin only, at most limits.maxPages pages:
 * a register that keeps answering `next` past that fails the source rather than run forever.
 * Access is left out: the summaries do not say how an API is reached, and none is guessed.
 * An API whose lifecycle status is `retired` (taken offline) is skipped.
 */

const PER_PAGE = '100';
const PAGES = 'https://apis.developer.overheid.nl/apis/';
const NL_API_KEY_SETTING = 'C0MM0_NL_API_KEY';

function toItem(raw: unknown): HarvestItem {
	const api = fields(raw);
	if (api === undefined) return missing(undefined, 'record', 'is not a JSON object');
	const id = text(api.id);
	if (id === undefined || !/^[A-Za-z0-9._~-]+$/.test(id)) {
		return missing(id, 'id', 'is missing or not a page name of the register');
	}
	const title = text(api.title);
	if (title === undefined) return missing(id, 'title', 'is missing');
	if (text(fields(api.lifecycle)?.status) === 'retired') {
		return missing(id, 'lifecycle.status', 'is retired: the API was taken offline');
	}
	const organisation = fields(api.organisation);
	const label = text(organisation?.label);
	const contact = fields(api.contact);
	const email = whole(contact?.email);
	const contactUrl = webUrl(contact?.url);
	const spec = webUrl(api.oasUrl);
	return harvested(
		compact({
			sourceId: id,
			sourceUrl: new URL(id, PAGES).href,
			kind: 'api',
			title,
			publisher:
				label === undefined ? undefined : compact({ name: label, key: whole(organisation?.uri) }),
			// OAS: the register lists OpenAPI descriptions only.
			spec: spec === undefined ? undefined : { url: spec, format: 'openapi' },
			contact:
				email === undefined && contactUrl === undefined
					? undefined
					: compact({ email, url: contactUrl }),
		}),
	);
}

/** The adapter, reading its key through `apiKey` (the setting, or a test's own). */
export function createNlApiRegisterAdapter(apiKey: () => string | undefined): Adapter {
	return async function* nlApiRegister(context: AdapterContext) {
		const key = apiKey();
		if (key === undefined) {
			throw new SourceFailure(
				`${context.source.id} needs a free API key: set ${NL_API_KEY_SETTING} (request one at https://apis.developer.overheid.nl/apis/key-aanvragen)`,
			);
		}
		const first = new URL(firstEndpoint(context));
		first.searchParams.set('page', '1');
		first.searchParams.set('perPage', PER_PAGE);
		yield* upToRecordLimit(context, pages(context, first, key));
	};
}

/** Every page's items, following `next` links on the first page's origin only. */
async function* pages(context: AdapterContext, first: URL, key: string) {
	let url: string | undefined = first.href;
	for (let page = 1; url !== undefined; page += 1) {
		if (page > context.limits.maxPages) {
			throw new SourceFailure(
				`${first.origin}: still a next page after ${context.limits.maxPages} pages — stopped`,
			);
		}
		const response = await fetchPage(context, url, {
			accept: 'application/json',
			headers: { 'x-api-key': key },
		});
		for (const raw of parseJsonList(response, url)) yield toItem(raw);
		const next = nextLink(response.headers.link, url);
		// The key goes to the register's origin only: a next link elsewhere fails the source.
		if (next !== undefined && new URL(next).origin !== first.origin) {
			throw new SourceFailure(`${url}: next page ${next} is not on ${first.origin} — not followed`);
		}
		url = next;
	}
}

export const adapter: Adapter = createNlApiRegisterAdapter(() => settings().nlApiKey);
