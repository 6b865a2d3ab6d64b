import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { withoutControlCharacters } from '../../cli/safe-log-text.ts';

const { namedNode, literal, quad } = DataFactory;

/** The vocabularies of the export, with the prefixes both serializations use. */
export const PREFIXES = {
	dcat: 'http://www.w3.org/ns/dcat#',
	dct: 'http://purl.org/dc/terms/',
	dqv: 'http://www.w3.org/ns/dqv#',
	foaf: 'http://xmlns.com/foaf/0.1/',
	prov: 'http://www.w3.org/ns/prov#',
	rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
	rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
	skos: 'http://www.w3.org/2004/02/skos/core#',
	xsd: 'http://www.w3.org/2001/XMLSchema#',
	// The EU authority tables: most records point at four or five of their concepts.
	accessRight: 'http://publications.europa.eu/resource/authority/access-right/',
	country: 'http://publications.europa.eu/resource/authority/country/',
	dataTheme: 'http://publications.europa.eu/resource/authority/data-theme/',
	fileType: 'http://publications.europa.eu/resource/authority/file-type/',
	frequency: 'http://publications.europa.eu/resource/authority/frequency/',
	language: 'http://publications.europa.eu/resource/authority/language/',
	licence: 'http://publications.europa.eu/resource/authority/licence/',
} as const;

export type Prefix = keyof typeof PREFIXES;

/** A term of one of the vocabularies: `term('dcat', 'Dataset')`. */
export function term(prefix: Prefix, local: string) {
	return namedNode(`${PREFIXES[prefix]}${local}`);
}

export const RDF_TYPE = term('rdf', 'type');

/** Longest URL that becomes an IRI, as the entry schema allows (common.ts MAX_URL_LENGTH). */
const MAX_IRI_LENGTH = 2048;

/** Characters an IRI may not hold in Turtle or N-Triples (RDF 1.1 IRIREF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NOT_IN_IRIREF = /[\u0000-\u0020<>"{}|^`\\]/;

/**
 * The IRI of an untrusted URL, or undefined: only an absolute http(s) URL without credentials
 * that parses becomes one, in its normalised form (spaces, quotes and angle brackets
 * percent-encoded by the URL parser, braces, pipes, carets and backticks by us), and nothing a
 * Turtle IRI cannot hold survives. Anything
 * else is left out of the export rather than repaired.
 */
export function safeIri(url: string | undefined | null): string | undefined {
	if (url === undefined || url === null || url.length > MAX_IRI_LENGTH) return undefined;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
	if (parsed.username !== '' || parsed.password !== '') return undefined;
	// The URL parser leaves a few characters raw that RFC 3986 (and so Turtle) does not allow.
	const href = parsed.href.replace(
		/[{}|^`\\]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return NOT_IN_IRIREF.test(href) || href.length > MAX_IRI_LENGTH ? undefined : href;
}

/** Longest literal written: every text field is capped by its schema far below this already. */
const MAX_LITERAL_CHARS = 2000;

/**
 * A text literal, in a language when one is given. Control characters but tab and newline are
 * dropped (XML 1.0 and some harvesters refuse them, bidirectional overrides reorder what a reader
 * sees); quotes and newlines are escaped by the serializers.
 */
export function text(value: string, language?: string) {
	return literal(withoutControlCharacters(value).slice(0, MAX_LITERAL_CHARS), language);
}

export function typed(value: string, datatype: string) {
	return literal(value, term('xsd', datatype));
}

export { literal, namedNode };

/**
 * Quads collected as they are made, kept together by subject (in the order subjects first
 * appear), so each serializer writes a subject once with all its properties. `add` skips an
 * absent object.
 */
export class QuadList {
	private readonly bySubject = new Map<string, Quad[]>();

	get quads(): Quad[] {
		return [...this.bySubject.values()].flat();
	}

	add(subject: Quad_Subject, predicate: ReturnType<typeof term>, object: Quad_Object | undefined) {
		if (object === undefined) return this;
		const key = `${subject.termType}:${subject.value}`;
		const quads = this.bySubject.get(key);
		if (quads) quads.push(quad(subject, predicate, object));
		else this.bySubject.set(key, [quad(subject, predicate, object)]);
		return this;
	}

	/** Every quad of another list, after this one's. */
	append(other: QuadList) {
		for (const q of other.quads)
			this.add(
				q.subject as Quad_Subject,
				q.predicate as ReturnType<typeof term>,
				q.object as Quad_Object,
			);
		return this;
	}

	type(subject: Quad_Subject, prefix: Prefix, local: string) {
		return this.add(subject, RDF_TYPE, term(prefix, local));
	}

	/** `subject predicate <url>` when the URL is a safe IRI; the IRI, or undefined. */
	link(subject: Quad_Subject, predicate: ReturnType<typeof term>, url: string | undefined) {
		const iri = safeIri(url);
		if (iri === undefined) return undefined;
		const node = namedNode(iri);
		this.add(subject, predicate, node);
		return node;
	}
}
