import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type * as RDF from '@rdfjs/types';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { StreamParser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { HARVEST_LIST_MAX, HARVEST_TEXT_MAX } from '../../../schemas/imported.ts';
import { SourceFailure } from '../adapter.ts';
import { KEPT_PREDICATES } from './dcat-vocabulary.ts';

/**
 * Streams an RDF document (Turtle / N-Triples, RDF/XML or JSON-LD) into a small per-subject
 * index holding only the predicates the DCAT mapping reads — never descriptions — each with at
 * most HARVEST_LIST_MAX values cut to HARVEST_TEXT_MAX characters. Records need their
 * distributions' and publishers' nodes, which a document may state anywhere, so the index is kept
 * until the document ends; what bounds it is the triple cap: past it the parser is stopped and the
 * source fails. No parser touches the network: JSON-LD remote contexts are refused.
 */

export type RdfSyntax = 'turtle' | 'n-triples' | 'rdf-xml' | 'json-ld';

/** A term as the mapping needs it: an IRI, a blank node or a literal with its language. */
export interface Term {
	kind: 'iri' | 'blank' | 'literal';
	value: string;
	language: string;
}

/** Subject key → predicate IRI → values. Blank-node subjects are keyed `_:<id>`. */
export type SubjectIndex = Map<string, Map<string, Term[]>>;

/** Most triples one document may hold, whatever the limits say. */
export const MAX_TRIPLES_PER_DOCUMENT = 2_000_000;

function subjectKey(term: RDF.Term): string {
	return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function toTerm(term: RDF.Term): Term {
	if (term.termType === 'Literal') {
		return {
			kind: 'literal',
			value: term.value.slice(0, HARVEST_TEXT_MAX),
			language: term.language,
		};
	}
	// An IRI is cut one character past the limit: enough to tell later that it is too long to keep.
	return {
		kind: term.termType === 'BlankNode' ? 'blank' : 'iri',
		value: term.value.slice(0, HARVEST_TEXT_MAX + 1),
		language: '',
	};
}

/** Refuses every remote JSON-LD context: a parser never fetches. */
const refusingDocumentLoader = {
	load(url: string): Promise<never> {
		return Promise.reject(
			new Error(`remote JSON-LD context ${url} refused: no network from a parser`),
		);
	},
};

function parserFor(syntax: RdfSyntax, baseIRI: string): NodeJS.ReadWriteStream {
	switch (syntax) {
		case 'turtle':
			return new StreamParser({
				format: 'text/turtle',
				baseIRI,
			}) as unknown as NodeJS.ReadWriteStream;
		case 'n-triples':
			return new StreamParser({
				format: 'application/n-triples',
				baseIRI,
			}) as unknown as NodeJS.ReadWriteStream;
		case 'rdf-xml':
			return new RdfXmlParser({ baseIRI }) as unknown as NodeJS.ReadWriteStream;
		case 'json-ld':
			return new JsonLdParser({
				baseIRI,
				documentLoader: refusingDocumentLoader,
			}) as unknown as NodeJS.ReadWriteStream;
	}
}

/**
 * The RDF/XML parser never closes its XML parser at the end of input, so a document cut short
 * parses without an error: ask the XML parser whether the root element was closed.
 */
function rdfXmlComplete(parser: NodeJS.ReadWriteStream): boolean {
	return (
		(parser as unknown as { saxParser?: { closedRoot?: boolean } }).saxParser?.closedRoot === true
	);
}

function* chunksOf(body: Buffer, size = 64 * 1024): Generator<Buffer> {
	for (let offset = 0; offset < body.length; offset += size)
		yield body.subarray(offset, offset + size);
}

/**
 * Parses `body` into a subject index, failing the source on a syntax error or past `maxTriples`
 * (capped at MAX_TRIPLES_PER_DOCUMENT).
 */
export async function parseRdf(
	body: Buffer,
	syntax: RdfSyntax,
	baseIRI: string,
	maxTriples: number,
): Promise<{ index: SubjectIndex; triples: number }> {
	const cap = Math.min(maxTriples, MAX_TRIPLES_PER_DOCUMENT);
	const index: SubjectIndex = new Map();
	let triples = 0;
	const sink = new Writable({
		objectMode: true,
		write(quad: RDF.Quad, _encoding, done) {
			triples++;
			if (triples > cap) {
				done(new SourceFailure(`${baseIRI}: more than ${cap} triples in one document`));
				return;
			}
			const predicate = quad.predicate.value;
			if (KEPT_PREDICATES.has(predicate)) {
				const subject = subjectKey(quad.subject);
				let predicates = index.get(subject);
				if (!predicates) {
					predicates = new Map();
					index.set(subject, predicates);
				}
				const values = predicates.get(predicate) ?? [];
				if (values.length < HARVEST_LIST_MAX) values.push(toTerm(quad.object));
				predicates.set(predicate, values);
			}
			done();
		},
	});
	const parser = parserFor(syntax, baseIRI);
	try {
		await pipeline(Readable.from(chunksOf(body)), parser, sink);
		if (syntax === 'rdf-xml' && !rdfXmlComplete(parser)) {
			throw new Error('the document ends before its root element is closed');
		}
	} catch (error) {
		if (error instanceof SourceFailure) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		throw new SourceFailure(`${baseIRI}: not a valid ${syntax} document: ${reason.slice(0, 300)}`, {
			cause: error,
		});
	}
	return { index, triples };
}

/** The syntax of an answer: the endpoint's declared format first, else its Content-Type. */
export function syntaxOf(
	format: string | undefined,
	contentType: string | undefined,
): RdfSyntax | undefined {
	if (format === 'turtle') return 'turtle';
	if (format === 'rdf-xml') return 'rdf-xml';
	if (format === 'json-ld') return 'json-ld';
	const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	if (type === 'text/turtle' || type === 'application/x-turtle') return 'turtle';
	if (type === 'application/n-triples' || type === 'text/plain') return 'n-triples';
	if (type === 'application/rdf+xml' || type === 'application/xml' || type === 'text/xml')
		return 'rdf-xml';
	if (type === 'application/ld+json' || type === 'application/json') return 'json-ld';
	return undefined;
}
