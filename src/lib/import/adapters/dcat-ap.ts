import type { HarvestItem } from '../../../schemas/imported.ts';
import type { SourceEndpoint } from '../../../schemas/source.ts';
import { type Adapter, type AdapterContext, SourceFailure } from '../adapter.ts';
import { gunzipIfPacked } from './dcat-gunzip.ts';
import { parseRdf, type RdfSyntax, type SubjectIndex, syntaxOf } from './dcat-parse.ts';
import { dcatRecords, nextPageOf } from './dcat-record.ts';
import { constructQuery, SPARQL_PAGE_SIZE } from './dcat-sparql.ts';
import { fetchPage } from './fetch-page.ts';
import { recordLimit } from './harvest-item.ts';
import { preferredLanguages } from './languages.ts';
import { endpointsToRead, passesFilters, type RecordKind, wantedKinds } from './source-filters.ts';

/**
 * Generic DCAT-AP: reads a catalogue document (Turtle, RDF/XML or JSON-LD — the endpoint's
 * `format`, else the answer's Content-Type), following hydra:next through paged collections, or
 * pages through a SPARQL endpoint with a bounded CONSTRUCT query (LIMIT/OFFSET, Turtle asked).
 * Each document is parsed under a triple cap (MAX_TRIPLES_PER_DOCUMENT, lowered to
 * TRIPLES_PER_RECORD × the record budget) and a byte cap (limits.maxPageBytes); past either, or
 * past limits.maxPages, the source fails. Endpoints of other formats (e.g. a portal's JSON search
 * API listed beside its SPARQL endpoint) are not DCAT documents and are left to other adapters.
 * Values go out as the source states them — HTML in a title, a `javascript:` URL — and the
 * normaliser rejects them with the entry rules; an adapter only skips what it cannot key.
 */

/** Triples one record may bring, counting every node around it, before a document is too big. */
const TRIPLES_PER_RECORD = 200;
const MIN_TRIPLE_CAP = 100_000;

const RDF_ACCEPT =
	'text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, application/n-triples;q=0.7';

interface RunState {
	yielded: number;
	seen: Set<string>;
}

interface Reader {
	context: AdapterContext;
	kinds: ReadonlySet<RecordKind>;
	languages: readonly string[];
	/** The source covers several countries (country EU), so records say their own. */
	spansCountries: boolean;
	budget: number;
	tripleCap: number;
	state: RunState;
}

function isRdfFormat(format: SourceEndpoint['format']): boolean {
	return (
		format === undefined || format === 'turtle' || format === 'rdf-xml' || format === 'json-ld'
	);
}

/** Yields the records of one parsed document; returns how many typed subjects were new. */
function* recordsOfDocument(reader: Reader, index: SubjectIndex): Generator<HarvestItem, number> {
	let fresh = 0;
	for (const { subject, kind, item, publisherKeys } of dcatRecords(
		index,
		reader.languages,
		reader.spansCountries,
	)) {
		if (reader.state.seen.has(subject)) continue;
		reader.state.seen.add(subject);
		fresh++;
		// A record of a class the source does not ask for is no business of its skip lines.
		if (!reader.kinds.has(kind)) continue;
		if ('record' in item) {
			if (!passesFilters(reader.context.source, reader.kinds, item.record, publisherKeys)) continue;
			reader.state.yielded++;
		}
		yield item;
		if (reader.state.yielded >= reader.budget) return fresh;
	}
	return fresh;
}

async function parseAnswer(
	reader: Reader,
	url: string,
	body: Buffer,
	syntax: RdfSyntax | undefined,
): Promise<SubjectIndex> {
	if (syntax === undefined)
		throw new SourceFailure(`${url}: the answer is not an RDF syntax we read`);
	const unpacked = gunzipIfPacked(body, reader.context.limits.maxPageBytes, url);
	return (await parseRdf(unpacked, syntax, url, reader.tripleCap)).index;
}

async function* readDocuments(
	reader: Reader,
	endpoint: SourceEndpoint,
	conditional: boolean,
): AsyncGenerator<HarvestItem> {
	const { context } = reader;
	const visited = new Set<string>();
	let url: string | undefined = endpoint.url;
	for (let pages = 0; url !== undefined && reader.state.yielded < reader.budget; pages++) {
		if (pages >= context.limits.maxPages) {
			throw new SourceFailure(
				`${endpoint.url}: more than ${context.limits.maxPages} pages (maxPages)`,
			);
		}
		visited.add(url);
		const response = await fetchPage(context, url, {
			accept: RDF_ACCEPT,
			conditional: conditional && pages === 0,
		});
		const index = await parseAnswer(
			reader,
			url,
			response.body,
			syntaxOf(endpoint.format, response.headers['content-type']),
		);
		yield* recordsOfDocument(reader, index);
		const next = nextPageOf(index);
		if (next === undefined) return;
		const nextUrl: URL = new URL(next, url);
		if (nextUrl.origin !== new URL(url).origin) {
			throw new SourceFailure(`${url}: hydra:next leaves the catalogue (${nextUrl.origin})`);
		}
		if (visited.has(nextUrl.href))
			throw new SourceFailure(`${url}: hydra:next points back to ${nextUrl.href}`);
		url = nextUrl.href;
	}
}

async function* readSparql(reader: Reader, endpoint: SourceEndpoint): AsyncGenerator<HarvestItem> {
	const { context } = reader;
	const highValueOnly = context.source.filters?.highValueOnly === true;
	for (
		let pages = 0, offset = 0;
		reader.state.yielded < reader.budget;
		pages++, offset += SPARQL_PAGE_SIZE
	) {
		if (pages >= context.limits.maxPages) {
			throw new SourceFailure(
				`${endpoint.url}: more than ${context.limits.maxPages} pages (maxPages)`,
			);
		}
		const form = { query: constructQuery(reader.kinds, highValueOnly, offset) };
		const response = await fetchPage(context, endpoint.url, { accept: 'text/turtle', form });
		const index = await parseAnswer(
			reader,
			endpoint.url,
			response.body,
			syntaxOf(undefined, response.headers['content-type']),
		);
		const records = recordsOfDocument(reader, index);
		let step = await records.next();
		while (!step.done) {
			yield step.value;
			step = await records.next();
		}
		const fresh = step.value;
		if (reader.state.yielded >= reader.budget) return;
		// An empty page ends the results; a page of records already read means the endpoint
		// ignores OFFSET and would page forever.
		if (fresh === 0) {
			if (dcatRecords(index, reader.languages, reader.spansCountries).next().done) return;
			throw new SourceFailure(
				`${endpoint.url}: the page at OFFSET ${offset} repeats earlier records`,
			);
		}
	}
}

export const adapter: Adapter = async function* dcatAp(context) {
	const budget = recordLimit(context);
	const reader: Reader = {
		context,
		kinds: wantedKinds(context.source),
		languages: preferredLanguages(context.source.country),
		spansCountries: context.source.country === 'EU',
		budget,
		tripleCap: Math.max(MIN_TRIPLE_CAP, budget * TRIPLES_PER_RECORD),
		state: { yielded: 0, seen: new Set() },
	};
	const endpoints = endpointsToRead(
		context.source,
		(format) => format === 'sparql' || isRdfFormat(format),
	);
	// A 304 may stand for the whole source only when one document is all it has.
	const conditional = context.source.endpoints.length === 1 && endpoints[0]?.format !== 'sparql';
	for (const endpoint of endpoints) {
		if (reader.state.yielded >= budget) return;
		if (endpoint.format === 'sparql') yield* readSparql(reader, endpoint);
		else yield* readDocuments(reader, endpoint, conditional);
	}
};
