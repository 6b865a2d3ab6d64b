import type { HarvestedRecord, HarvestItem } from '../../../schemas/imported.ts';
import { countryOfSpatial } from './dcat-country.ts';
import type { SubjectIndex, Term } from './dcat-parse.ts';
import { ACCESS_RIGHTS, HVD_LEGISLATION, TERMS } from './dcat-vocabulary.ts';
import { harvested } from './harvest-item.ts';
import { compact, distributionList, uniqueList, whole } from './harvest-values.ts';
import { pickByLanguage } from './languages.ts';

/**
 * Turns the subjects of a parsed DCAT-AP document that are typed dcat:Dataset or dcat:DataService
 * into HarvestedRecords: facts only (titles, URLs, publisher, licence, access, formats, themes,
 * keywords, languages, dates, the high-value flag) — descriptions are never even kept by the
 * parser. Titles are taken in the source country's language, then English, then any.
 */

export interface DcatRecord {
	/** The typed subject it was built from, and the kind its type gives. */
	subject: string;
	kind: HarvestedRecord['kind'];
	item: HarvestItem;
	/** The record's publisher as the source names it (URI and name), for the publisher filter. */
	publisherKeys: string[];
}

class Subjects {
	private readonly index: SubjectIndex;
	private readonly languages: readonly string[];
	/** The source spans countries (data.europa.eu): a record's own country is worth stating. */
	readonly spansCountries: boolean;

	constructor(index: SubjectIndex, languages: readonly string[], spansCountries: boolean) {
		this.index = index;
		this.languages = languages;
		this.spansCountries = spansCountries;
	}

	values(subject: string, predicate: string): Term[] {
		return this.index.get(subject)?.get(predicate) ?? [];
	}

	/** A literal in the preferred language. */
	text(subject: string, predicate: string): string | undefined {
		const literals = this.values(subject, predicate).filter(
			(t) => t.kind === 'literal' && t.value.trim() !== '',
		);
		return pickByLanguage(
			literals.map((t) => ({ language: t.language, value: t.value.trim() })),
			this.languages,
		);
	}

	/** An IRI, or a literal some portals write a URL as; kept whole or not at all. */
	url(subject: string, predicate: string): string | undefined {
		const term = this.values(subject, predicate).find(
			(t) => t.kind !== 'blank' && t.value.trim() !== '',
		);
		return whole(term?.value);
	}

	/** The subject key of a linked node (IRI or blank node). */
	nodes(subject: string, predicate: string): string[] {
		return this.values(subject, predicate).flatMap((t) =>
			t.kind === 'literal' ? [] : [t.kind === 'blank' ? `_:${t.value}` : t.value],
		);
	}

	/** IRIs and literals, e.g. themes or keywords. */
	all(subject: string, predicate: string): string[] {
		return this.values(subject, predicate).flatMap((t) => (t.kind === 'blank' ? [] : [t.value]));
	}

	types(subject: string): string[] {
		return this.all(subject, TERMS.type);
	}
}

function publisherOf(
	s: Subjects,
	subject: string,
): { publisher?: HarvestedRecord['publisher']; keys: string[] } {
	const term = s.values(subject, TERMS.publisher)[0];
	if (!term) return { keys: [] };
	if (term.kind === 'literal') {
		return { publisher: { name: term.value }, keys: [term.value] };
	}
	const node = term.kind === 'blank' ? `_:${term.value}` : term.value;
	const name = s.text(node, TERMS.name);
	const keys = [...(term.kind === 'iri' ? [term.value] : []), ...(name ? [name] : [])];
	if (name === undefined) return { keys };
	const homepage = s.url(node, TERMS.homepage);
	return {
		publisher: {
			name,
			...(term.kind === 'iri' ? { key: term.value } : {}),
			...(homepage ? { homepage } : {}),
		},
		keys,
	};
}

/** A licence node that points to an EU licence authority URI says more than a local URI. */
function licenceOf(s: Subjects, subject: string, distributions: string[]): string | undefined {
	for (const holder of [subject, ...distributions]) {
		const term = s.values(holder, TERMS.license)[0];
		if (!term) continue;
		if (term.kind === 'literal') return term.value;
		const node = term.kind === 'blank' ? `_:${term.value}` : term.value;
		return s.url(node, TERMS.exactMatch) ?? (term.kind === 'iri' ? term.value : undefined);
	}
	return undefined;
}

function distributionsOf(s: Subjects, nodes: string[]): HarvestedRecord['distributions'] {
	return distributionList(nodes, (node) => ({
		url: s.url(node, TERMS.downloadURL) ?? s.url(node, TERMS.accessURL),
		format: s.url(node, TERMS.format),
		mediaType: s.url(node, TERMS.mediaType),
		title: s.text(node, TERMS.title),
	}));
}

function contactOf(s: Subjects, subject: string): HarvestedRecord['contact'] {
	const node = s.nodes(subject, TERMS.contactPoint)[0];
	if (node === undefined) return undefined;
	const email = s.url(node, TERMS.hasEmail)?.replace(/^mailto:/i, '');
	const url = s.url(node, TERMS.hasURL);
	return email || url ? { ...(email ? { email } : {}), ...(url ? { url } : {}) } : undefined;
}

function access(s: Subjects, subject: string): string | undefined {
	const value = s.url(subject, TERMS.accessRights);
	return value === undefined ? undefined : (ACCESS_RIGHTS[value] ?? value);
}

function recordOf(
	s: Subjects,
	subject: string,
	kind: HarvestedRecord['kind'],
): Omit<DcatRecord, 'subject' | 'kind'> {
	if (subject.startsWith('_:')) {
		return {
			item: {
				skipped: { field: 'subject', reason: 'is a blank node: the record has no stable id' },
			},
			publisherKeys: [],
		};
	}
	const title = s.text(subject, TERMS.title);
	if (title === undefined) {
		return {
			item: { skipped: { sourceId: subject, field: 'title', reason: 'is missing' } },
			publisherKeys: [],
		};
	}
	const distributionNodes = s.nodes(subject, TERMS.distribution);
	const { publisher, keys } = publisherOf(s, subject);
	const optional = {
		...(/^https?:\/\//i.test(subject) ? { sourceUrl: subject } : {}),
		...(publisher ? { publisher } : {}),
		homepage: s.url(subject, TERMS.landingPage),
		docs: s.url(subject, TERMS.page),
		baseUrl: kind === 'api' ? s.url(subject, TERMS.endpointURL) : undefined,
		access: access(s, subject),
		licence: licenceOf(s, subject, distributionNodes),
		themes: uniqueList(s.all(subject, TERMS.theme)),
		keywords: uniqueList(s.all(subject, TERMS.keyword)),
		languages: uniqueList(s.all(subject, TERMS.language)),
		distributions: distributionsOf(s, distributionNodes),
		contact: contactOf(s, subject),
		modified: s.url(subject, TERMS.modified),
		updateFrequency: s.url(subject, TERMS.accrualPeriodicity),
		// A national source's records are that nation's, whatever area a dataset covers.
		country: s.spansCountries ? countryOfSpatial(s.all(subject, TERMS.spatial)) : undefined,
	};
	const spec = kind === 'api' ? s.url(subject, TERMS.endpointDescription) : undefined;
	const highValue = s.all(subject, TERMS.applicableLegislation).includes(HVD_LEGISLATION);
	const record: HarvestedRecord = {
		sourceId: subject,
		kind,
		title,
		...compact(optional),
		...(spec ? { spec: { url: spec } } : {}),
		...(highValue ? { highValue } : {}),
	};
	return { item: harvested(record), publisherKeys: keys };
}

/** Every dcat:Dataset and dcat:DataService of the index, in document order. */
export function* dcatRecords(
	index: SubjectIndex,
	languages: readonly string[],
	spansCountries = false,
): Generator<DcatRecord> {
	const s = new Subjects(index, languages, spansCountries);
	for (const subject of index.keys()) {
		const types = s.types(subject);
		if (types.includes(TERMS.DataService))
			yield { subject, kind: 'api', ...recordOf(s, subject, 'api') };
		else if (types.includes(TERMS.Dataset))
			yield { subject, kind: 'dataset', ...recordOf(s, subject, 'dataset') };
	}
}

/** hydra:next (or the older hydra:nextPage) of any node of a paged collection. */
export function nextPageOf(index: SubjectIndex): string | undefined {
	for (const predicates of index.values()) {
		const next = predicates.get(TERMS.next)?.[0] ?? predicates.get(TERMS.nextPage)?.[0];
		if (next && next.kind !== 'blank') return next.value;
	}
	return undefined;
}
