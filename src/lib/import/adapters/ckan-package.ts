import type { HarvestedRecord, HarvestItem } from '../../../schemas/imported.ts';
import { THEME_CODES } from '../../vocab/themes.ts';
import { HVD_LEGISLATION } from './dcat-vocabulary.ts';
import { harvested } from './harvest-item.ts';
import {
	distributionList,
	isObject,
	localized,
	text,
	uniqueList,
	whole,
} from './harvest-values.ts';

/**
 * One CKAN package (a `package_search` result) as a HarvestedRecord: facts only — never `notes`
 * or any other description text. Covers plain CKAN and the DCAT-AP fields of ckanext-dcat, which
 * portals keep either as top-level fields (scheming) or as `extras` key/value pairs.
 */

/** The EU data-theme codes, so a CKAN group named after one counts as a theme. */
const EU_THEME_CODES = new Set<string>(THEME_CODES);

type Json = Record<string, unknown>;

/** ckanext-dcat keeps list values as JSON text (`"[\"http://…\", …]"`) in extras. */
function listValue(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v] : []));
	if (typeof value !== 'string') return [];
	const trimmed = value.trim();
	if (trimmed.startsWith('[')) {
		try {
			return listValue(JSON.parse(trimmed));
		} catch {
			return [trimmed];
		}
	}
	return trimmed === '' ? [] : [trimmed];
}

/** A DCAT-AP field, from the package itself (scheming) or from its extras (legacy). */
function field(pkg: Json, extras: Map<string, unknown>, key: string): unknown {
	return pkg[key] ?? extras.get(key);
}

function extrasOf(pkg: Json): Map<string, unknown> {
	const extras = new Map<string, unknown>();
	if (Array.isArray(pkg.extras)) {
		for (const extra of pkg.extras) {
			if (isObject(extra) && typeof extra.key === 'string') extras.set(extra.key, extra.value);
		}
	}
	return extras;
}

function isDataService(pkg: Json, extras: Map<string, unknown>): boolean {
	const dcatType = text(field(pkg, extras, 'dcat_type')) ?? '';
	const type = text(pkg.type) ?? '';
	return (
		/DataService$/i.test(dcatType) ||
		['dataservice', 'data-service', 'data_service'].includes(type.toLowerCase()) ||
		listValue(field(pkg, extras, 'endpoint_url')).length > 0
	);
}

function distributionsOf(
	pkg: Json,
	languages: readonly string[],
): HarvestedRecord['distributions'] {
	if (!Array.isArray(pkg.resources)) return undefined;
	return distributionList(pkg.resources, (resource: unknown) =>
		isObject(resource)
			? {
					url: whole(resource.url) ?? whole(resource.download_url) ?? whole(resource.access_url),
					format: text(resource.format),
					mediaType: text(resource.mimetype),
					title: localized(resource.name, languages),
				}
			: undefined,
	);
}

function themesAndKeywords(
	pkg: Json,
	extras: Map<string, unknown>,
	languages: readonly string[],
): { themes?: string[]; keywords?: string[] } {
	const themes: string[] = listValue(field(pkg, extras, 'theme'));
	const keywords: string[] = [];
	for (const group of Array.isArray(pkg.groups) ? pkg.groups : []) {
		if (!isObject(group)) continue;
		const name = text(group.name);
		if (name && EU_THEME_CODES.has(name.toUpperCase())) themes.push(name.toUpperCase());
		else
			keywords.push(...[localized(group.title, languages) ?? name].flatMap((k) => (k ? [k] : [])));
	}
	for (const tag of Array.isArray(pkg.tags) ? pkg.tags : []) {
		const name = isObject(tag) ? localized(tag.display_name ?? tag.name, languages) : text(tag);
		if (name) keywords.push(name);
	}
	const themeList = uniqueList(themes);
	const keywordList = uniqueList(keywords);
	return {
		...(themeList ? { themes: themeList } : {}),
		...(keywordList ? { keywords: keywordList } : {}),
	};
}

function httpUrl(value: string | undefined): string | undefined {
	return value !== undefined && /^https?:\/\//i.test(value) ? value : undefined;
}

export interface CkanPackageContext {
	/** The portal's address for people, e.g. https://avoindata.fi/data (no trailing slash). */
	portal: string;
	/** The source's `recordPage` template, for portals whose pages are not <portal>/dataset/<name>. */
	recordPage?: string;
	languages: readonly string[];
}

/**
 * The package's page for people: the source's `recordPage` with the package's name or id put in,
 * else CKAN's own `<portal>/dataset/<name>`; none when the key the page needs is missing.
 */
function recordPageOf(
	context: CkanPackageContext,
	name: string | undefined,
	id: string | undefined,
): { sourceUrl?: string } {
	const template = context.recordPage ?? `${context.portal}/dataset/{name}`;
	const keys = { '{name}': name, '{id}': id };
	let url = template;
	for (const [placeholder, value] of Object.entries(keys)) {
		if (!url.includes(placeholder)) continue;
		if (value === undefined) return {};
		url = url.replaceAll(placeholder, encodeURIComponent(value));
	}
	return { sourceUrl: url };
}

/** The package as a record, or a skip naming the field at fault. */
export function packageToItem(pkg: unknown, context: CkanPackageContext): HarvestItem {
	if (!isObject(pkg)) return { skipped: { field: 'result', reason: 'is not an object' } };
	const sourceId = text(pkg.id) ?? text(pkg.name);
	if (sourceId === undefined) return { skipped: { field: 'id', reason: 'is missing' } };
	const title =
		localized(pkg.title_translated, context.languages) ??
		localized(pkg.title, context.languages) ??
		text(pkg.name);
	if (title === undefined) return { skipped: { sourceId, field: 'title', reason: 'is missing' } };
	const extras = extrasOf(pkg);
	const name = text(pkg.name);
	const organization = isObject(pkg.organization) ? pkg.organization : undefined;
	const publisherName = organization
		? (localized(organization.title, context.languages) ?? text(organization.name))
		: undefined;
	// The portal's own id first: CKAN portals mostly use SPDX-like ids (CC-BY-4.0), which map.
	const licence =
		text(pkg.license_id) ?? httpUrl(whole(pkg.license_url)) ?? text(field(pkg, extras, 'license'));
	const apiKind = isDataService(pkg, extras);
	const endpoint = whole(listValue(field(pkg, extras, 'endpoint_url'))[0]);
	const specUrl = whole(listValue(field(pkg, extras, 'endpoint_description'))[0]);
	const legislation = listValue(field(pkg, extras, 'applicable_legislation'));
	const highValue =
		legislation.includes(HVD_LEGISLATION) ||
		listValue(field(pkg, extras, 'hvd_category')).length > 0;
	const modified = text(field(pkg, extras, 'modified')) ?? text(pkg.metadata_modified);
	const frequency = text(field(pkg, extras, 'frequency')) ?? text(pkg.accrual_periodicity);
	const access = text(field(pkg, extras, 'access_rights'));
	const languages = uniqueList(listValue(field(pkg, extras, 'language')));
	const distributions = distributionsOf(pkg, context.languages);
	const homepage = httpUrl(whole(pkg.url));
	const record: HarvestedRecord = {
		sourceId,
		...recordPageOf(context, name, text(pkg.id)),
		kind: apiKind ? 'api' : 'dataset',
		title,
		...(publisherName
			? {
					publisher: {
						name: publisherName,
						...(text(organization?.name) ? { key: text(organization?.name) as string } : {}),
					},
				}
			: {}),
		...(homepage ? { homepage } : {}),
		...(apiKind && endpoint ? { baseUrl: endpoint } : {}),
		...(apiKind && specUrl ? { spec: { url: specUrl } } : {}),
		...(access ? { access } : {}),
		...(licence ? { licence } : {}),
		...themesAndKeywords(pkg, extras, context.languages),
		...(languages ? { languages } : {}),
		...(distributions ? { distributions } : {}),
		...(modified ? { modified } : {}),
		...(frequency ? { updateFrequency: frequency } : {}),
		...(highValue ? { highValue } : {}),
	};
	return harvested(record);
}

/** The publisher key the source filters match against (CKAN organisation name). */
export function organizationName(pkg: unknown): string | undefined {
	return isObject(pkg) && isObject(pkg.organization) ? text(pkg.organization.name) : undefined;
}
