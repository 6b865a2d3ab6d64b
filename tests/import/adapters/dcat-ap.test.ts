import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	type ImportHttp,
	SourceFailure,
	SourceUnchanged,
} from '../../../src/lib/import/adapter.ts';
import { adapter } from '../../../src/lib/import/adapters/dcat-ap.ts';
import { constructQuery } from '../../../src/lib/import/adapters/dcat-sparql.ts';
import type { SourceFile } from '../../../src/schemas/source.ts';
import {
	adapterContext,
	collect,
	fixtureText,
	type Handler,
	routeServerForSuite,
	testSource,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

/** Real DCAT-AP documents (see tests/fixtures/import/dcat-ap/README.md for their origin). */
const fixture = (name: string) => fixtureText('dcat-ap', name);

let route: Handler = () => {};
const server = routeServerForSuite((request, url, response) => route(request, url, response));
const { http } = server;

function send(response: ServerResponse, type: string, body: string | Buffer, status = 200): void {
	response.writeHead(status, { 'content-type': type });
	response.end(body);
}

function source(
	format: SourceFile['endpoints'][number]['format'],
	overrides: Partial<SourceFile> = {},
): SourceFile {
	return testSource({
		adapter: 'dcat-ap',
		country: 'DE',
		yields: 'both',
		endpoints: [{ url: `${server.origin}/catalog`, ...(format ? { format } : {}) }],
		...overrides,
	});
}

const SERVICE = 'https://data.exampleMS.gov/id/dataset/EAMS-APIplatform';
const BEES = 'https://data.exampleMS.gov/id/dataset/1T2p3o4B';

describe('dcat-ap adapter: documents', () => {
	it('maps a real DCAT-AP Turtle catalogue: data service with endpoint and spec, dataset with distributions and the HVD flag', async () => {
		route = (_request, _url, response) =>
			send(response, 'text/turtle', fixture('example-ms_catalogue.ttl'));
		const { records, skipped } = await collect(adapter(adapterContext(source('turtle'), http)));
		expect(skipped).toEqual([]);
		const service = records.find((r) => r.sourceId === SERVICE);
		expect(service).toEqual({
			sourceId: SERVICE,
			sourceUrl: SERVICE,
			kind: 'api',
			title: 'EA API platform',
			docs: 'https://orgea.exampleMS.gov/api/sla.html',
			baseUrl: 'https://orgea.exampleMS.gov/api/v2/',
			licence: 'https://orgea.exampleMS.gov/api/documentation/TermsOfUse',
			contact: { url: 'https://eams.jira.net/servicedesk' },
			spec: { url: 'https://orgea.exampleMS.gov/api/openAPI/index.html' },
			highValue: true,
		});
		const bees = records.find((r) => r.sourceId === BEES);
		expect(bees).toMatchObject({
			kind: 'dataset',
			title: 'The population of bees',
			publisher: { name: 'MS Environmental Agency' },
			licence: 'http://publications.europa.eu/resource/authority/licence/CC0',
			updateFrequency: 'http://publications.europa.eu/resource/authority/frequency/BIENNIAL',
			highValue: true,
			distributions: [
				{
					url: 'https://orgea.exampleMS.gov/files/1T2p3o4B.shp',
					format: 'http://publications.europa.eu/resource/authority/file-type/SHP',
				},
			],
		});
		expectNoSourceProse(fixture('example-ms_catalogue.ttl'), JSON.stringify(records));
	});

	it('maps a real DCAT-AP JSON-LD document with an inline context', async () => {
		route = (_request, _url, response) =>
			send(response, 'application/ld+json', fixture('example-ms_dataset_data_service.jsonld'));
		const { records } = await collect(adapter(adapterContext(source('json-ld'), http)));
		expect(records.map((r) => [r.kind, r.title]).sort()).toEqual([
			['api', 'EA API platform'],
			['dataset', 'The population of bees'],
			['dataset', 'The population of wasps'],
		]);
		expect(records.find((r) => r.kind === 'api')).toMatchObject({
			baseUrl: 'https://orgea.exampleMS.gov/api/v2/',
			highValue: true,
		});
		expectNoSourceProse(fixture('example-ms_dataset_data_service.jsonld'), JSON.stringify(records));
	});

	it('maps a real RDF/XML export of a national portal (open-datara.fr), format from the Content-Type', async () => {
		route = (_request, _url, response) =>
			send(
				response,
				'application/rdf+xml',
				fixture('datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml'),
			);
		const { records } = await collect(
			adapter(adapterContext(source(undefined, { country: 'FR' }), http)),
		);
		expect(records).toHaveLength(1);
		expect(records[0]).toMatchObject({
			kind: 'dataset',
			title: 'Campings issus de la BDTopo de Auvergne Rhône-Alpes',
			distributions: [
				{
					url: 'https://telechargement.open-datara.fr/download/5a26b0f6-0ccf-46ad-ac58-734054b91977',
				},
			],
		});
		expect(records[0]?.languages).toEqual([
			'http://publications.europa.eu/resource/authority/language/FRE',
		]);
		expectNoSourceProse(
			fixture('datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml'),
			JSON.stringify(records),
		);
	});

	it('takes titles in the source country’s language, then English, then any', async () => {
		const ttl = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://x.example/s> a dcat:DataService ; dct:title "Wetter-API"@de, "Weather API"@en, "API météo"@fr .
<https://x.example/t> a dcat:DataService ; dct:title "Sääpalvelu"@fi, "Väder"@sv .`;
		route = (_request, _url, response) => send(response, 'text/turtle', ttl);
		const titles = async (country: string) =>
			(
				await collect(
					adapter(adapterContext(source('turtle', { country } as Partial<SourceFile>), http)),
				)
			).records.map((r) => r.title);
		expect(await titles('DE')).toEqual(['Wetter-API', 'Sääpalvelu']);
		expect(await titles('FR')).toEqual(['API météo', 'Sääpalvelu']);
		expect(await titles('SE')).toEqual(['Weather API', 'Väder']);
		expect(await titles('IT')).toEqual(['Weather API', 'Sääpalvelu']);
	});

	it('keeps only the DCAT classes the source asks for', async () => {
		route = (_request, _url, response) =>
			send(response, 'text/turtle', fixture('example-ms_catalogue.ttl'));
		const { records } = await collect(
			adapter(adapterContext(source('turtle', { filters: { types: ['DataService'] } }), http)),
		);
		expect(records.map((r) => r.sourceId)).toEqual([SERVICE]);
	});

	it('writes skip lines only for records of the classes the source asks for', async () => {
		const ttl = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://x.example/d> a dcat:Dataset .
<https://x.example/s> a dcat:DataService .`;
		route = (_request, _url, response) => send(response, 'text/turtle', ttl);
		const { skipped } = await collect(
			adapter(adapterContext(source('turtle', { filters: { types: ['DataService'] } }), http)),
		);
		expect(skipped).toEqual([
			{ sourceId: 'https://x.example/s', field: 'title', reason: 'is missing' },
		]);
	});

	it('follows hydra:next through a paged collection', async () => {
		route = (_request, url, response) => {
			const page = url.searchParams.get('page') === '2' ? 2 : 1;
			const body = fixture(`partial-collection-${page}.jsonld`).replaceAll(
				'http://data.test.org/catalog.jsonld',
				`${server.origin}/catalog`,
			);
			send(response, 'application/ld+json', body);
		};
		server.requests.length = 0;
		const { records } = await collect(adapter(adapterContext(source('json-ld'), http)));
		expect(server.requests.map((r) => r.path)).toEqual(['/catalog', '/catalog?page=2']);
		expect(records.map((r) => r.sourceId).sort()).toEqual([
			'http://data.test.org/datasets/1',
			'http://data.test.org/datasets/2',
			'http://data.test.org/datasets/3',
			'http://data.test.org/datasets/4',
		]);
		expectNoSourceProse(
			fixture('partial-collection-1.jsonld') + fixture('partial-collection-2.jsonld'),
			JSON.stringify(records),
		);
	});

	it('fails a hydra:next that points back to a page already read', async () => {
		route = (_request, _url, response) =>
			send(
				response,
				'application/ld+json',
				fixture('partial-collection-1.jsonld').replaceAll(
					'http://data.test.org/catalog.jsonld?page=2',
					`${server.origin}/catalog`,
				),
			);
		await expect(collect(adapter(adapterContext(source('json-ld'), http)))).rejects.toThrow(
			/points back/,
		);
	});

	it('refuses a real JSON-LD document’s remote @context instead of fetching it, failing the source', async () => {
		route = (_request, _url, response) => send(response, 'application/json', fixture('evian.json'));
		const error = await collect(adapter(adapterContext(source('json-ld'), http))).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(SourceFailure);
		expect(String(error)).toMatch(/project-open-data\.cio\.gov.*refused/);
	});

	it('fails the source on malformed Turtle, RDF/XML and JSON-LD', async () => {
		for (const [format, type, body] of [
			[
				'turtle',
				'text/turtle',
				'@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://x/a> a dcat:Dataset ; <https://x/p> "open',
			],
			[
				'rdf-xml',
				'application/rdf+xml',
				'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="https://x/a">',
			],
			['json-ld', 'application/ld+json', '{"@id": "https://x/a", "@type": '],
		] as const) {
			route = (_request, _url, response) => send(response, type, body);
			const error = await collect(adapter(adapterContext(source(format), http))).catch(
				(e: unknown) => e,
			);
			expect(error, format).toBeInstanceOf(SourceFailure);
		}
	});

	it('does not expand XML entities into a billion laughs', async () => {
		const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
<dcat:Dataset rdf:about="https://x.example/lol"><dct:title>&lol9;</dct:title></dcat:Dataset></rdf:RDF>`;
		route = (_request, _url, response) => send(response, 'application/rdf+xml', lol);
		const started = Date.now();
		const outcome = await collect(adapter(adapterContext(source('rdf-xml'), http))).catch(
			(e: unknown) => e,
		);
		expect(Date.now() - started).toBeLessThan(5_000);
		if (!(outcome instanceof SourceFailure)) {
			const { records } = outcome as Awaited<ReturnType<typeof collect>>;
			expect(records.every((r) => r.title.length <= 2000)).toBe(true);
		}
	});

	it('never reads a file through an external XML entity', async () => {
		const xxe = `<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
<dcat:Dataset rdf:about="https://x.example/xxe"><dct:title>&secret;</dct:title></dcat:Dataset></rdf:RDF>`;
		route = (_request, _url, response) => send(response, 'application/rdf+xml', xxe);
		// The XML parser knows no external entities: the document fails, nothing is read.
		await expect(collect(adapter(adapterContext(source('rdf-xml'), http)))).rejects.toThrow(
			/undefined entity/,
		);
	});

	it('hands over javascript: URLs and HTML titles as the document states them, for the normaliser to reject', async () => {
		const ttl = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://x.example/evil> a dcat:DataService ; dct:title "<script>alert(1)</script>Evil"@en ;
  dcat:endpointURL <javascript:alert(1)> ; dcat:landingPage "javascript:alert(2)" .`;
		route = (_request, _url, response) => send(response, 'text/turtle', ttl);
		const { records } = await collect(adapter(adapterContext(source('turtle'), http)));
		expect(records[0]).toMatchObject({
			title: '<script>alert(1)</script>Evil',
			baseUrl: 'javascript:alert(1)',
			homepage: 'javascript:alert(2)',
		});
	});

	it('unpacks a catalogue published as a gzip file (data.gov.be style) and fails a gzip bomb', async () => {
		const packed = gzipSync(fixture('datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml'));
		route = (_request, _url, response) => send(response, 'application/gzip', packed);
		const { records } = await collect(adapter(adapterContext(source('rdf-xml'), http)));
		expect(records.map((r) => r.title)).toEqual([
			'Campings issus de la BDTopo de Auvergne Rhône-Alpes',
		]);
		const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
		route = (_request, _url, response) => send(response, 'application/gzip', bomb);
		await expect(collect(adapter(adapterContext(source('rdf-xml'), http)))).rejects.toThrow(
			/unpacks to more than/,
		);
	});

	it('skips a record whose IRI breaks the contract and leaves out URLs too long to be whole', async () => {
		const keywords = Array.from({ length: 150 }, (_, i) => `"k${i}"`).join(', ');
		const ttl = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://x.example/${'s'.repeat(600)}> a dcat:DataService ; dct:title "Long id" .
<https://x.example/ok> a dcat:DataService ; dct:title "Fine" ; dcat:endpointURL <https://x.example/${'e'.repeat(3000)}> ; dcat:keyword ${keywords} .`;
		route = (_request, _url, response) => send(response, 'text/turtle', ttl);
		const { records, skipped } = await collect(adapter(adapterContext(source('turtle'), http)));
		expect(skipped).toEqual([expect.objectContaining({ field: 'sourceId' })]);
		expect(records.map((r) => r.title)).toEqual(['Fine']);
		expect(records[0]?.baseUrl).toBeUndefined();
		expect(records[0]?.keywords).toHaveLength(100);
	});

	it('fails a document larger than maxPageBytes', async () => {
		route = (_request, _url, response) =>
			send(response, 'text/turtle', fixture('example-ms_catalogue.ttl'));
		await expect(
			collect(adapter(adapterContext(source('turtle'), http, { maxPageBytes: 1024 }))),
		).rejects.toThrow(/maxPageBytes/);
	});

	it('stops a document of 1,000,000 triples at the triple cap, in bounded time and memory', async () => {
		const lines = [
			'@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix d: <https://x.example/d/> .',
		];
		for (let i = 0; i < 500_000; i++) lines.push(`d:${i} a dcat:Dataset ; dct:title "D ${i}" .`);
		const body = Buffer.from(lines.join('\n'));
		lines.length = 0;
		route = (_request, _url, response) => send(response, 'text/turtle', body);
		const rssBefore = process.memoryUsage().rss;
		const started = Date.now();
		const error = await collect(
			adapter(
				adapterContext(source('turtle'), http, {
					maxPageBytes: 64 * 1024 * 1024,
					maxRecords: 1_000,
				}),
			),
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SourceFailure);
		expect(String(error)).toMatch(/more than 200000 triples/);
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
	}, 60_000);
});

/** A SPARQL endpoint answering the adapter's CONSTRUCT query with `pageAt(offset)` as Turtle. */
function sparqlRoute(pageAt: (offset: number) => string | undefined): Handler {
	return (_request, url, response) => {
		const query = url.searchParams.get('query') ?? '';
		const offset = Number(/OFFSET (\d+)/.exec(query)?.[1] ?? 'NaN');
		const body = pageAt(offset);
		if (body === undefined) send(response, 'text/plain', 'boom', 500);
		else send(response, 'text/turtle; charset=utf-8', body);
	};
}

function services(from: number, count: number): string {
	const out = [
		'@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .',
	];
	for (let i = from; i < from + count; i++) {
		out.push(`<https://x.example/s/${i}> a dcat:DataService ; dct:title "Service ${i}"@en ; dcat:endpointURL <https://api${i}.example/> ;
  dct:spatial <http://publications.europa.eu/resource/authority/country/AUT> .`);
	}
	return out.join('\n');
}

describe('dcat-ap adapter: SPARQL', () => {
	const sparqlSource = () =>
		testSource({
			adapter: 'dcat-ap',
			country: 'EU',
			yields: 'apis',
			endpoints: [{ url: `${server.origin}/sparql`, format: 'sparql' }],
			filters: { types: ['DataService'] },
		});

	it('pages a CONSTRUCT query with LIMIT/OFFSET until an empty page, asking for data services only', async () => {
		route = sparqlRoute((offset) => services(offset, offset < 400 ? 200 : offset === 400 ? 50 : 0));
		server.requests.length = 0;
		const { records } = await collect(adapter(adapterContext(sparqlSource(), http)));
		expect(records).toHaveLength(450);
		expect(records[0]).toMatchObject({
			kind: 'api',
			title: 'Service 0',
			baseUrl: 'https://api0.example/',
			country: 'AT',
		});
		const queries = server.requests.map(
			(r) => new URL(r.path, server.origin).searchParams.get('query') ?? '',
		);
		expect(queries.map((q) => /OFFSET (\d+)/.exec(q)?.[1])).toEqual(['0', '200', '400', '600']);
		expect(queries[0]).toContain('<http://www.w3.org/ns/dcat#DataService>');
		expect(queries[0]).not.toContain('<http://www.w3.org/ns/dcat#Dataset>');
		expect(queries[0]).toContain('LIMIT 200');
	});

	it('states a record’s own country only for a source that spans countries', async () => {
		route = sparqlRoute((offset) => services(offset, offset === 0 ? 1 : 0));
		const national = { ...sparqlSource(), country: 'DE' as const };
		const { records } = await collect(adapter(adapterContext(national, http)));
		expect(records[0]?.country).toBeUndefined();
	});

	it('fails an endpoint that ignores OFFSET and serves the same page forever', async () => {
		route = sparqlRoute(() => services(0, 200));
		await expect(collect(adapter(adapterContext(sparqlSource(), http)))).rejects.toThrow(
			/repeats earlier records/,
		);
	});

	it('fails the source on a 500 in the middle of paging', async () => {
		route = sparqlRoute((offset) => (offset === 0 ? services(0, 200) : undefined));
		const error = await collect(adapter(adapterContext(sparqlSource(), http))).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(SourceFailure);
		expect(String(error)).toMatch(/HTTP 500/);
	});

	it('stops at maxPages as a failure when the results go on', async () => {
		route = sparqlRoute((offset) => services(offset, 200));
		await expect(
			collect(adapter(adapterContext(sparqlSource(), http, { maxPages: 3, maxRecords: 100_000 }))),
		).rejects.toThrow(/more than 3 pages/);
	});

	it('fails a source whose only endpoint is not DCAT (a JSON search API) instead of importing nothing', async () => {
		const jsonOnly = {
			...sparqlSource(),
			endpoints: [{ url: `${server.origin}/api/hub/search/search`, format: 'json' as const }],
		};
		await expect(collect(adapter(adapterContext(jsonOnly, http)))).rejects.toThrow(/no endpoint/);
	});

	it('POSTs the query form when the client can', async () => {
		const forms: Record<string, string>[] = [];
		const posting: ImportHttp = {
			get: () => Promise.reject(new Error('GET not expected')),
			postForm: (url, form) => {
				forms.push(form);
				const offset = Number(/OFFSET (\d+)/.exec(form.query ?? '')?.[1]);
				return Promise.resolve({
					status: 200,
					headers: { 'content-type': 'text/turtle' },
					body: Buffer.from(services(offset, offset === 0 ? 3 : 0)),
					truncated: false,
					finalUrl: url,
				});
			},
		};
		const { records } = await collect(adapter(adapterContext(sparqlSource(), posting)));
		expect(records).toHaveLength(3);
		expect(forms).toHaveLength(2);
		expect(forms[0]?.query).toMatch(/^CONSTRUCT/);
	});
});

describe('dcat-ap adapter: conditional requests and queries', () => {
	it('asks a single-document source with the last validators and stops on 304 Not Modified', async () => {
		const seen: (Record<string, string> | undefined)[] = [];
		const conditional: ImportHttp = {
			get: (url, options) => {
				seen.push(options.headers);
				const unchanged = options.headers?.['If-None-Match'] === '"v1"';
				return Promise.resolve({
					status: unchanged ? 304 : 200,
					headers: { 'content-type': 'text/turtle', etag: '"v1"' },
					body: Buffer.from(unchanged ? '' : fixture('example-ms_catalogue.ttl')),
					truncated: false,
					finalUrl: url,
				});
			},
		};
		const first = adapterContext(source('turtle'), conditional);
		await collect(adapter(first));
		expect(first.remembered.get(`${server.origin}/catalog`)).toEqual({ etag: '"v1"' });
		const second = {
			...adapterContext(source('turtle'), conditional),
			previousValidators: first.remembered,
		};
		await expect(collect(adapter(second))).rejects.toBeInstanceOf(SourceUnchanged);
		expect(seen[1]).toEqual({ 'If-None-Match': '"v1"' });
	});

	it('builds a CONSTRUCT query for the asked classes, with the high-value filter when asked', () => {
		const query = constructQuery(new Set(['api', 'dataset']), true, 400);
		expect(query).toMatch(/^CONSTRUCT \{/);
		expect(query).toContain(
			'VALUES ?type { <http://www.w3.org/ns/dcat#DataService> <http://www.w3.org/ns/dcat#Dataset> }',
		);
		expect(query).toContain(
			'<http://data.europa.eu/r5r/applicableLegislation> <http://data.europa.eu/eli/reg_impl/2023/138/oj>',
		);
		expect(query).toContain('ORDER BY ?s LIMIT 200 OFFSET 400');
		expect(query).not.toContain('description');
	});
});
