import type { HarvestItem } from '../../../schemas/imported.ts';
import type { Adapter } from '../adapter.ts';
import { fields, jsonListAdapter, missing, webUrl } from './api-catalogue-page.ts';
import { harvested } from './harvest-item.ts';
import { compact, text } from './harvest-values.ts';

/**
 * bund.dev, the volunteer bundesAPI project's list of German public-sector APIs it documents.
 * https://api.bund.dev/ serves bundesAPI/apis' index.json (its docs/openapi_en.yaml: GET / →
 * an array of { name, office, description, documentationURL, githubURL, rawOpenAPI, pypiURL }),
 * rebuilt daily from the project's `*-api` repositories, each with an OpenAPI description.
 *
 * Kept: name → title, office → publisher, documentationURL → docs, rawOpenAPI → spec (the file
 * the project writes is `openapi.yaml`, so the format is openapi). The description is the
 * project's prose and is never read into a record. The record's page in the source is its
 * bundesAPI repository on GitHub (githubURL), where the project documents it; an entry the list
 * takes from elsewhere (githubURL outside github.com/bundesAPI) has no page there.
 * Access is left out: the list does not state it. The file is fetched conditionally.
 */

const PROJECT_REPOSITORIES = 'https://github.com/bundesapi/';

function toItem(raw: unknown): HarvestItem {
	const api = fields(raw);
	if (api === undefined) return missing(undefined, 'record', 'is not a JSON object');
	const title = text(api.name);
	const github = webUrl(api.githubURL);
	// The repository is the list's stable key for an API; the name stands in where there is none.
	const sourceId = github ?? title;
	if (sourceId === undefined) return missing(undefined, 'name', 'is missing');
	if (title === undefined) return missing(sourceId, 'name', 'is missing');
	const office = text(api.office);
	const spec = webUrl(api.rawOpenAPI);
	return harvested(
		compact({
			sourceId,
			sourceUrl: github?.toLowerCase().startsWith(PROJECT_REPOSITORIES) ? github : undefined,
			kind: 'api',
			title,
			publisher: office === undefined ? undefined : { name: office },
			docs: webUrl(api.documentationURL),
			spec: spec === undefined ? undefined : { url: spec, format: 'openapi' },
		}),
	);
}

export const adapter: Adapter = jsonListAdapter(
	{ accept: 'application/json', conditional: true },
	() => toItem,
);
