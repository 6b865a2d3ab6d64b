import type { RegisterRecord } from '../register/assemble-register.ts';
import { ACCESS_LABELS, kindLabel, OUTCOME_LABELS } from '../register/labels.ts';
import { BANDS } from '../score/constants.ts';
import { countryName } from '../vocab/countries.ts';
import { describeLicence } from '../vocab/licences.ts';
import { themeName } from '../vocab/themes.ts';
import { schemaSearchTerms } from './schema-terms.ts';
import { FILTER_KEYS, type FilterKey } from './search-params.ts';

/**
 * What a record page gives Pagefind besides its text: filter values (display labels, so the
 * search page can show them as they are), metadata for the result list, and the sort key.
 * The record page writes these as data-pagefind-* attributes; the search page builds its
 * facets from the same function, so a facet can never offer a value the index does not hold.
 */

/** Facet headings on the search page. */
export const FILTER_LABELS: Readonly<Record<FilterKey, string>> = {
	kind: 'Kind',
	state: 'Last check',
	band: 'Score band',
	access: 'Access',
	country: 'Country',
	theme: 'Theme',
	licence: 'Licence',
	publisher: 'Publisher',
	source: 'Listed by',
	contract: 'Contract check',
};

/** Values of the contract filter: how the last contract check judged the API's real answer. */
export const CONTRACT_FILTER_VALUES = {
	conforms: 'Conforms to its contract',
	differs: 'Differs from its contract',
} as const;

export const NO_LICENCE = 'No licence stated';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function bandLabel(band: string): string {
	return capitalise(band);
}

/**
 * Every filter value of a record; themes and sources may have several values (or none: a
 * hand-written record no catalogue lists), other filters exactly one.
 */
export function recordFilters(record: RegisterRecord): Record<FilterKey, string[]> {
	const { entry, publisher, snapshot, score } = record;
	return {
		kind: [kindLabel(entry.kind)],
		state: [OUTCOME_LABELS[snapshot?.outcome ?? 'unverified']],
		band: [bandLabel(score.band)],
		access: [ACCESS_LABELS[entry.access]],
		country: [countryName(entry.country)],
		theme: (entry.themes ?? []).map((code) => themeName(code)),
		licence: [entry.licence ? describeLicence(entry.licence).name : NO_LICENCE],
		publisher: [publisher.name],
		source: record.listedBy.map((listing) => listing.name),
		contract: contractFilter(snapshot?.contract?.conforms),
	};
}

/** A record is filed under the contract filter only once its answer was judged. */
function contractFilter(conforms: boolean | null | undefined): string[] {
	if (conforms === true) return [CONTRACT_FILTER_VALUES.conforms];
	if (conforms === false) return [CONTRACT_FILTER_VALUES.differs];
	return [];
}

/** Metadata returned with each result: what a result card shows besides the filter values. */
export function recordMeta(record: RegisterRecord): Record<'title' | 'summary' | 'score', string> {
	return {
		title: record.entry.title,
		summary: record.entry.summary,
		score: String(record.score.total),
	};
}

/**
 * Names under which the captured schema is indexed: query and path parameters (what one can
 * filter by) and result fields. Header, cookie and body parameters are left out: every API with
 * a key has an `Authorization` header, and a search for it should not list them all.
 */
export function recordSchemaTerms(record: RegisterRecord): string[] {
	const spec = record.snapshot?.spec;
	if (!spec) return schemaSearchTerms(dataColumnNames(record));
	const parameters = spec.parameters.filter((p) => p.in === 'query' || p.in === 'path');
	// The complete lists (`in:name`, dotted field paths) besides the detailed ones they extend.
	const allParameters = (spec.names?.parameters ?? [])
		.filter((p) => p.startsWith('query:') || p.startsWith('path:'))
		.map((p) => p.slice(p.indexOf(':') + 1));
	return schemaSearchTerms([
		...parameters.map((p) => p.name),
		...allParameters,
		...spec.fields.map((f) => f.name),
		...(spec.names?.fields ?? []),
	]);
}

/**
 * A dataset's data schema, searchable as an API's fields are: the column and field names the
 * verifier read from its files (a dataset has no spec, so these are its only schema terms).
 */
function dataColumnNames(record: RegisterRecord): string[] {
	return (record.snapshot?.files ?? []).flatMap((file) => file.columns.map((c) => c.name));
}

/** Display order of values for filters with a fixed vocabulary; others are sorted by name. */
const FIXED_ORDER: Partial<Record<FilterKey, readonly string[]>> = {
	kind: [kindLabel('api'), kindLabel('dataset')],
	state: Object.values(OUTCOME_LABELS),
	band: BANDS.map((b) => bandLabel(b.name)),
	access: Object.values(ACCESS_LABELS),
	contract: Object.values(CONTRACT_FILTER_VALUES),
};

export interface FacetOption {
	value: string;
	count: number;
}

export interface Facet {
	key: FilterKey;
	label: string;
	options: FacetOption[];
}

/** The search page's facets: every value the register holds, with its number of records. */
export function searchFacets(records: readonly RegisterRecord[]): Facet[] {
	const counts = new Map<FilterKey, Map<string, number>>(FILTER_KEYS.map((k) => [k, new Map()]));
	for (const record of records) {
		const filters = recordFilters(record);
		for (const key of FILTER_KEYS) {
			const byValue = counts.get(key) as Map<string, number>;
			for (const value of new Set(filters[key])) byValue.set(value, (byValue.get(value) ?? 0) + 1);
		}
	}
	return FILTER_KEYS.map((key) => {
		const byValue = counts.get(key) as Map<string, number>;
		const order = FIXED_ORDER[key];
		const values = order
			? order.filter((v) => byValue.has(v))
			: [...byValue.keys()].sort((a, b) => a.localeCompare(b, 'en'));
		return {
			key,
			label: FILTER_LABELS[key],
			options: values.map((value) => ({ value, count: byValue.get(value) ?? 0 })),
		};
	});
}
