import { Readable } from 'node:stream';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { DataFactory, Parser, Store } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleRegister, type Register } from '../../src/lib/register/assemble-register.ts';
import { absoluteUrl, listingPath, recordPath } from '../../src/lib/register/urls.ts';
import type { ApiEntry, DatasetEntry, Entry } from '../../src/schemas/entry.ts';
import type { HistoryDay } from '../../src/schemas/history.ts';
import type { RegisterPublisher } from '../../src/schemas/publisher.ts';
import type { Snapshot, SpecCapture } from '../../src/schemas/snapshot.ts';
import { PUBLISHER, snapshot } from '../helpers/score-fixtures.ts';
import {
	BASE,
	type DcatValidator,
	dcatValidator,
	jsonLdOf,
	parseTurtle,
	turtleOf,
	validate,
} from './dcat-shacl.ts';

const { namedNode } = DataFactory;
const NOW = new Date('2026-11-26T05:00:00.000Z');
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const DQV = 'http://www.w3.org/ns/dqv#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** A title and URLs an imported catalogue could hand us: quotes, newlines, markup, bad schemes. */
const HOSTILE_TITLE = 'Evil "API" \\ \n<script>alert(1)</script> @prefix x: <y>.';

const IMPORTED_PUBLISHER: RegisterPublisher = {
	id: 'de-imported-body',
	name: 'Imported "Body" <b>',
	country: 'DE',
	officialDomains: [],
	githubOrgs: [],
	imported: { source: 'govdata-de' },
};

const api = (fields: Partial<ApiEntry>): Entry => ({
	kind: 'api',
	id: 'fr-verified-api',
	title: 'Verified API',
	summary: 'An API the verifier checked last night, with a captured spec.',
	country: 'FR',
	publisher: 'dinum',
	access: 'key',
	lang: 'en',
	added: '2026-11-01',
	...fields,
});

const dataset = (fields: Partial<DatasetEntry>): Entry => ({
	kind: 'dataset',
	id: 'fr-verified-data',
	title: 'Verified dataset',
	summary: 'A dataset the verifier checked last night, with two files.',
	country: 'FR',
	publisher: 'dinum',
	access: 'open',
	lang: 'fr',
	distributions: [],
	added: '2026-11-01',
	...fields,
});

const ENTRIES: Entry[] = [
	api({
		baseUrl: 'https://sandbox.numerique.gouv.fr/v1',
		productionUrl: 'https://api.numerique.gouv.fr/v1',
		docs: 'https://api.gouv.fr/documentation/sample',
		spec: { url: 'https://api.gouv.fr/swaggers/sample.json', format: 'openapi' },
		licence: 'etalab-2.0',
		themes: ['GOVE', 'ECON'],
		languages: ['fr', 'en'],
		keywords: ['sample', 'test'],
	}),
	api({
		id: 'de-hostile-api',
		title: HOSTILE_TITLE,
		summary: 'Line one\nline "two" with a tab\there and a NUL\u0000 and <b>bold</b>.',
		country: 'DE',
		publisher: 'de-imported-body',
		access: 'unknown',
		baseUrl: 'https://evil.example/a>b<c"d e{f}|g^h`i\\j',
		docs: 'javascript:alert(1)',
		spec: { url: 'data:text/html,<script>alert(1)</script>', format: 'openapi' },
		homepage: 'https://user:secret@evil.example/',
	}),
	api({ id: 'de-no-endpoint-api', title: 'API without endpoint', publisher: 'de-imported-body' }),
	dataset({
		distributions: [
			{ url: 'https://data.numerique.gouv.fr/file.csv', format: 'CSV', mediaType: 'text/csv' },
			{ url: 'javascript:alert(1)', format: 'JSON', title: 'Bad "file"' },
			{ url: 'https://data.numerique.gouv.fr/file.parquet', format: 'Parquet' },
		],
		licence: 'CC-BY-4.0',
		updateFrequency: 'MONTHLY',
		themes: ['ENVI'],
	}),
	dataset({
		id: 'xk-never-verified-data',
		title: 'Never verified dataset',
		country: 'XK',
		publisher: 'de-imported-body',
		access: 'restricted',
		licence: 'LicenseRef-own-terms',
	}),
];

const SPEC: SpecCapture = {
	url: 'https://api.gouv.fr/swaggers/sample.json',
	format: 'openapi',
	version: '3.0.3',
	title: 'Sample',
	valid: true,
	errors: [],
	sha256: null,
	bytes: 100,
	operations: 1,
	parameters: [],
	fields: [],
	truncated: false,
	capturedAt: '2026-11-23T02:00:00.000Z',
	fetchError: null,
};
const SNAPSHOTS = new Map<string, Snapshot>([
	['fr-verified-api', snapshot({ id: 'fr-verified-api', spec: SPEC })],
	[
		'fr-verified-data',
		snapshot({
			id: 'fr-verified-data',
			outcome: 'down',
			// The verifier read the CSV's bytes, not the Parquet file's.
			files: [
				{ url: 'https://data.numerique.gouv.fr/file.csv', bytesRead: 512 },
				{ url: 'https://data.numerique.gouv.fr/file.parquet', bytesRead: 0 },
			] as unknown as Snapshot['files'],
		}),
	],
	['de-hostile-api', snapshot({ id: 'de-hostile-api', outcome: 'inconclusive' })],
]);
const DAYS: HistoryDay[] = ['2026-11-24', '2026-11-25', '2026-11-26'].map((date, i) => ({
	date,
	outcomes: { 'fr-verified-api': 'U', 'fr-verified-data': i === 2 ? 'X' : 'U' },
	changes: [],
	runs: [],
}));

function fixtureRegister(entries: Entry[] = ENTRIES): Register {
	return assembleRegister(
		entries.map((data) => ({ id: data.id, data, body: '' })),
		new Map<string, RegisterPublisher>([
			['dinum', PUBLISHER],
			['de-imported-body', IMPORTED_PUBLISHER],
		]),
		{ snapshots: SNAPSHOTS, days: DAYS },
		NOW,
		(markdown) => markdown,
	);
}

const resourceOf = (id: string) => namedNode(`${absoluteUrl(recordPath(id))}#resource`);

async function jsonLdQuads(text: string): Promise<Store> {
	const store = new Store();
	await new Promise<void>((resolve, reject) => {
		Readable.from([text])
			// The streaming profile: a harvester can read the file as it downloads.
			.pipe(new JsonLdParser({ streamingProfile: true }))
			.on('data', (quad) => store.addQuad(quad))
			.on('error', reject)
			.on('end', resolve);
	});
	return store;
}

let validator: DcatValidator;
let turtle: string;
let graph: Store;

beforeAll(async () => {
	validator = await dcatValidator();
	turtle = await turtleOf(fixtureRegister());
	graph = parseTurtle(turtle);
});

describe('the DCAT-AP export', () => {
	it('conforms to the official DCAT-AP 3.0.1 shapes on a register of APIs and datasets, verified or not', async () => {
		const summary = await validate(validator, graph);
		expect(summary.violations).toEqual([]);
		expect(summary.focusNodes).toBeGreaterThan(10);
	});

	it('has a validator that reports a violation on a broken graph', async () => {
		const broken = parseTurtle(turtle);
		// A data service without its mandatory endpoint URL and title.
		for (const property of [`${DCAT}endpointURL`, `${DCT}title`])
			broken.removeQuads(
				broken.getQuads(resourceOf('fr-verified-api'), namedNode(property), null, null),
			);
		const summary = await validate(validator, broken);
		expect(summary.conforms).toBe(false);
		expect(summary.violations.join('\n')).toContain(`${DCAT}endpointURL`);
		expect(summary.violations.join('\n')).toContain(`${DCT}title`);
	});

	it('writes an API as a data service with its endpoint, its spec and the OpenAPI version it conforms to', () => {
		const service = resourceOf('fr-verified-api');
		const objects = (p: string) =>
			graph.getObjects(service, namedNode(p), null).map((o) => o.value);
		expect(objects(RDF_TYPE)).toEqual([`${DCAT}DataService`]);
		expect(objects(`${DCAT}endpointURL`)).toEqual(['https://api.numerique.gouv.fr/v1']);
		expect(objects(`${DCAT}endpointDescription`)).toEqual([
			'https://api.gouv.fr/swaggers/sample.json',
		]);
		expect(objects(`${DCT}conformsTo`)).toEqual(['https://spec.openapis.org/oas/v3.0.3']);
		expect(objects(`${DCAT}landingPage`)).toEqual([absoluteUrl(recordPath('fr-verified-api'))]);
		expect(objects(`${DCT}accessRights`)).toEqual([
			'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
		]);
		expect(objects(`${DCT}language`).sort()).toEqual([
			'http://publications.europa.eu/resource/authority/language/ENG',
			'http://publications.europa.eu/resource/authority/language/FRA',
		]);
		// etalab-2.0 is not in the EU licence table we know: its own URL stands for it.
		expect(objects(`${DCT}license`)).toEqual([
			'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
		]);
	});

	it('writes a dataset with one distribution per safe URL, in EU file types and IANA media types, a download only where the verifier read the file', () => {
		const distributions = graph.getObjects(
			resourceOf('fr-verified-data'),
			namedNode(`${DCAT}distribution`),
			null,
		);
		expect(distributions).toHaveLength(2);
		const formats = distributions.flatMap((d) =>
			graph.getObjects(d, namedNode(`${DCT}format`), null).map((o) => o.value),
		);
		expect(formats).toEqual(['http://publications.europa.eu/resource/authority/file-type/CSV']);
		const media = distributions.flatMap((d) =>
			graph.getObjects(d, namedNode(`${DCAT}mediaType`), null).map((o) => o.value),
		);
		expect(media).toEqual(['https://www.iana.org/assignments/media-types/text/csv']);
		const downloads = distributions.flatMap((d) =>
			graph.getObjects(d, namedNode(`${DCAT}downloadURL`), null).map((o) => o.value),
		);
		expect(downloads).toEqual(['https://data.numerique.gouv.fr/file.csv']);
		const licences = graph.getObjects(distributions[0] ?? null, namedNode(`${DCT}license`), null);
		expect(licences.map((l) => l.value)).toEqual([
			'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
		]);
	});

	it('measures availability only on records the verifier concluded on, never on the others', () => {
		const metricsOf = (id: string) =>
			graph
				.getObjects(resourceOf(id), namedNode(`${DQV}hasQualityMeasurement`), null)
				.flatMap((m) => graph.getObjects(m, namedNode(`${DQV}isMeasurementOf`), null))
				.map((metric) => metric.value.split('#metric-')[1]);
		expect(metricsOf('fr-verified-api')).toContain('available');
		expect(metricsOf('fr-verified-api')).toContain('uptime30');
		expect(metricsOf('fr-verified-data')).toContain('available');
		// Inconclusive last night, and never checked: a score, but no availability.
		expect(metricsOf('de-hostile-api')).not.toContain('available');
		expect(metricsOf('xk-never-verified-data')).not.toContain('available');
		expect(metricsOf('xk-never-verified-data')).not.toContain('uptime30');
		expect(metricsOf('xk-never-verified-data')).toContain('score');
		const down = graph
			.getObjects(resourceOf('fr-verified-data'), namedNode(`${DQV}hasQualityMeasurement`), null)
			.find((m) => m.value.endsWith('#measurement-available'));
		expect(graph.getObjects(down ?? null, namedNode(`${DQV}value`), null)[0]?.value).toBe('false');
	});

	it('describes each publisher once, however many records it publishes', () => {
		const agent = `${absoluteUrl(listingPath('publisher', 'de-imported-body'))}#agent`;
		expect(turtle.split(`<publishers/de-imported-body/#agent> a foaf:Agent`)).toHaveLength(2);
		expect(
			graph.getObjects(namedNode(agent), namedNode('http://xmlns.com/foaf/0.1/name'), null)[0]
				?.value,
		).toBe('Imported "Body" <b>');
	});

	it('leaves out an API with no endpoint rather than break the profile', () => {
		expect(graph.getQuads(resourceOf('de-no-endpoint-api'), null, null, null)).toEqual([]);
	});

	it('escapes hostile titles and leaves out URLs that are not safe http(s) IRIs, in Turtle n3 parses back', () => {
		const hostile = resourceOf('de-hostile-api');
		expect(graph.getObjects(hostile, namedNode(`${DCT}title`), null)[0]?.value).toBe(HOSTILE_TITLE);
		const iris = graph.getQuads(null, null, null, null).flatMap((q) => [q.subject, q.object]);
		const values = iris.filter((t) => t.termType === 'NamedNode').map((t) => t.value);
		for (const value of values) {
			expect(value).toMatch(/^https?:\/\//);
			expect(value).not.toMatch(/[<>"{}|^`\\\s]/);
		}
		expect(values.some((v) => v.includes('javascript:') || v.startsWith('data:'))).toBe(false);
		expect(values.some((v) => v.includes('secret@'))).toBe(false);
		// The hostile base URL survives percent-encoded by the URL parser, never raw.
		expect(graph.getObjects(hostile, namedNode(`${DCAT}endpointURL`), null)[0]?.value).toBe(
			'https://evil.example/a%3Eb%3Cc%22d%20e%7Bf%7D%7Cg%5Eh%60i/j',
		);
		const description = graph.getObjects(hostile, namedNode(`${DCT}description`), null)[0]?.value;
		expect(description).toBe('Line one\nline "two" with a tab\there and a NUL and <b>bold</b>.');
	});

	it('writes the same quads in Turtle and in JSON-LD, the JSON-LD readable as a stream', async () => {
		const fromJsonLd = await jsonLdQuads(await jsonLdOf(fixtureRegister()));
		expect(fromJsonLd.size).toBe(graph.size);
		const missing = graph.getQuads(null, null, null, null).filter((q) => !fromJsonLd.has(q));
		expect(missing).toEqual([]);
	});

	it('parses back as Turtle without a base, every IRI of ours absolute', () => {
		const parsed = new Store(new Parser().parse(turtle));
		expect(parsed.size).toBe(graph.size);
		expect(BASE).toMatch(/^https?:\/\//);
	});
});
