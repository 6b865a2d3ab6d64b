import type { HarvestedRecord, HarvestItem } from '../../../schemas/imported.ts';
import { harvested } from './harvest-item.ts';
import { distributionList, isObject, text, uniqueList, whole } from './harvest-values.ts';

/**
 * One udata dataset or dataservice (field names as udata's own api_fields.py and dataservices
 * models.py declare them) as a HarvestedRecord: facts only — never `description`. Deleted and
 * archived objects are skipped with a line; a private one never reaches a public listing.
 */

type Json = Record<string, unknown>;

/** udata's access types, as the register's access words. */
const ACCESS: Readonly<Record<string, string>> = {
	open: 'open',
	open_with_account: 'key',
	restricted: 'restricted',
};

function publisherOf(value: Json): HarvestedRecord['publisher'] {
	const organization = isObject(value.organization) ? value.organization : undefined;
	const name = text(organization?.name);
	if (!organization || name === undefined) return undefined;
	const key = text(organization.id);
	const homepage = whole(organization.page);
	return { name, ...(key ? { key } : {}), ...(homepage ? { homepage } : {}) };
}

function gone(value: Json, sourceId: string): HarvestItem | undefined {
	for (const field of ['deleted', 'deleted_at', 'archived', 'archived_at']) {
		if (value[field] !== undefined && value[field] !== null && value[field] !== false) {
			return { skipped: { sourceId, field, reason: 'is set: the portal withdrew the record' } };
		}
	}
	if (value.private === true) return { skipped: { sourceId, field: 'private', reason: 'is true' } };
	return undefined;
}

function distributionsOf(value: Json): HarvestedRecord['distributions'] {
	if (!Array.isArray(value.resources)) return undefined;
	return distributionList(value.resources, (resource: unknown) =>
		isObject(resource)
			? {
					url: whole(resource.url),
					format: text(resource.format),
					mediaType: text(resource.mime),
					title: text(resource.title),
				}
			: undefined,
	);
}

function common(value: Json): Partial<HarvestedRecord> {
	const publisher = publisherOf(value);
	const licence = text(value.license);
	const keywords = uniqueList(Array.isArray(value.tags) ? value.tags.map(text) : []);
	return {
		...(publisher ? { publisher } : {}),
		...(licence ? { licence } : {}),
		...(keywords ? { keywords } : {}),
	};
}

export type UdataKind = 'datasets' | 'dataservices';

/** `portal` is the site's origin, for the record's page when the API does not give it. */
export function udataToItem(value: unknown, kind: UdataKind, portal: string): HarvestItem {
	if (!isObject(value)) return { skipped: { field: 'data', reason: 'is not an object' } };
	const sourceId = text(value.id);
	if (sourceId === undefined) return { skipped: { field: 'id', reason: 'is missing' } };
	const withdrawn = gone(value, sourceId);
	if (withdrawn) return withdrawn;
	const title = text(value.title);
	if (title === undefined) return { skipped: { sourceId, field: 'title', reason: 'is missing' } };
	const slug = text(value.slug);
	const sourceUrl =
		whole(value.page) ??
		whole(value.self_web_url) ??
		(slug ? `${portal}/${kind}/${encodeURIComponent(slug)}/` : undefined);
	if (kind === 'dataservices') {
		const baseUrl = whole(value.base_api_url);
		const spec = whole(value.machine_documentation_url);
		const docs =
			whole(value.technical_documentation_url) ?? whole(value.business_documentation_url);
		const access = ACCESS[text(value.access_type) ?? ''];
		const modified = text(value.metadata_modified_at);
		return harvested({
			sourceId,
			...(sourceUrl ? { sourceUrl } : {}),
			kind: 'api',
			title,
			...common(value),
			...(baseUrl ? { baseUrl } : {}),
			...(spec ? { spec: { url: spec } } : {}),
			...(docs ? { docs } : {}),
			...(access ? { access } : {}),
			...(modified ? { modified } : {}),
		});
	}
	const distributions = distributionsOf(value);
	const modified = text(value.last_modified) ?? text(value.last_update);
	const frequency = text(value.frequency);
	const highValue =
		Array.isArray(value.badges) && value.badges.some((b) => isObject(b) && b.kind === 'hvd');
	return harvested({
		sourceId,
		...(sourceUrl ? { sourceUrl } : {}),
		kind: 'dataset',
		title,
		...common(value),
		...(distributions ? { distributions } : {}),
		...(modified ? { modified } : {}),
		...(frequency ? { updateFrequency: frequency } : {}),
		...(highValue ? { highValue } : {}),
	});
}
