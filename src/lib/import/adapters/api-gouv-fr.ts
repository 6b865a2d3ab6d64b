import type { HarvestItem } from '../../../schemas/imported.ts';
import type { Adapter } from '../adapter.ts';
import { fields, jsonListAdapter, missing } from './api-catalogue-page.ts';
import { harvested } from './harvest-item.ts';
import { compact, text } from './harvest-values.ts';

/**
 * api.gouv.fr, the French government's API catalogue. Its public route `GET /api/v1/apis`
 * (betagouv/api.gouv.fr, pages/api/v1/[...slug].tsx) answers one JSON array of every API with
 * title, tagline, path, slug, openness, owner, owner_acronym, logo, datagouv_uuid and
 * datapass_link. We keep the facts (title, slug → page, owner → publisher, openness → access)
 * and drop the tagline: it is the catalogue's prose, and the record's page links to
 * https://api.gouv.fr/les-api/<slug> for it.
 *
 * No spec URL: the list does not carry the API's `doc_tech_link`, the per-API route answers the
 * same attributes, and `/api/v1/proxy/<slug>` relays the spec's body from api.gouv.fr's own
 * address, which is not the publisher's spec URL (so it would never merge with the same API
 * listed elsewhere). `datagouv_uuid` does not lead to it either: those are data.gouv.fr ids of
 * related records, all created 2014–2023 (their ObjectId timestamps), before data.gouv.fr had
 * dataservices, so they name datasets and `/api/1/dataservices/<id>/` would not find them. So the
 * adapter makes one request and leaves the spec out; the verifier finds none to check, and a
 * catalogue that lists the same API with its spec (data.gouv.fr's dataservices) supplies it.
 */

/**
 * The catalogue's three openness values (from `is_open` 1 / 0 / -1). `semi_open` is an API
 * reached after signing up for an account or key (e.g. PISTE, francetravail.io) → key. `closed` is
 * an API whose access is granted case by case, through DataPass (habilitation) → restricted:
 * that is the source's own statement, not a guess. Anything else is left out.
 */
const ACCESS: Readonly<Record<string, string>> = {
	open: 'open',
	semi_open: 'key',
	closed: 'restricted',
};

/** A record for one list element; `pages` is where the catalogue's pages for people live. */
function toItem(raw: unknown, pages: string): HarvestItem {
	const api = fields(raw);
	if (api === undefined) return missing(undefined, 'record', 'is not a JSON object');
	const slug = text(api.slug);
	// The slug names the page; a slug that is not one path segment names no page of the catalogue.
	if (slug === undefined || !/^[A-Za-z0-9._~-]+$/.test(slug)) {
		return missing(slug, 'slug', 'is missing or not a page name of the catalogue');
	}
	const title = text(api.title);
	if (title === undefined) return missing(slug, 'title', 'is missing');
	const owner = text(api.owner);
	const openness = text(api.openness);
	return harvested(
		compact({
			sourceId: slug,
			sourceUrl: new URL(`les-api/${slug}`, pages).href,
			kind: 'api',
			title,
			publisher: owner === undefined ? undefined : { name: owner },
			access: openness === undefined ? undefined : ACCESS[openness],
		}),
	);
}

export const adapter: Adapter = jsonListAdapter(
	{ accept: 'application/json', conditional: true },
	(context) => {
		// Pages for people live on the catalogue's homepage origin (https://api.gouv.fr/les-api/<slug>).
		const pages = new URL('/', context.source.homepage).href;
		return (raw) => toItem(raw, pages);
	},
);
