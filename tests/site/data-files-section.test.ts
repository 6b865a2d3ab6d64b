import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import SchemaSection from '../../src/components/record/SchemaSection.astro';
import { recordSchemaTerms } from '../../src/lib/search/record-search-data.ts';
import type { DataFile } from '../../src/schemas/data-file.ts';
import type { DatasetEntry } from '../../src/schemas/entry.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';

const entry: DatasetEntry = {
	kind: 'dataset',
	id: 'fr-communes',
	title: 'Communes',
	summary: 'The communes of France with their population and area.',
	country: 'FR',
	publisher: 'dinum',
	access: 'open',
	lang: 'en',
	added: '2026-11-01',
	updateFrequency: 'DAILY',
	distributions: [
		{ url: 'https://data.example.gouv.fr/communes.csv', format: 'CSV' },
		{ url: 'https://data.example.gouv.fr/communes.json', format: 'JSON' },
	],
};

const csv: DataFile = {
	url: 'https://data.example.gouv.fr/communes.csv',
	format: 'CSV',
	mediaType: 'text/csv',
	contentType: 'text/csv',
	match: 'match',
	bytes: 2_147_483_648,
	bytesRead: 262_144,
	ranges: true,
	lastModified: '2026-11-16T00:00:00.000Z',
	etag: '"v1"',
	ageDays: 10,
	stale: true,
	parser: 'csv-parse',
	encoding: 'windows-1252',
	delimiter: ';',
	columns: [
		{ name: 'code_insee', type: 'string' },
		{ name: 'population', type: 'integer' },
	],
	columnsTruncated: false,
	rows: 4211,
	rowsComplete: false,
	members: [],
	note: null,
};

const html: DataFile = {
	...csv,
	url: 'https://data.example.gouv.fr/communes.json',
	format: 'JSON',
	mediaType: 'text/html',
	contentType: 'application/json',
	match: 'mismatch',
	stale: null,
	parser: null,
	encoding: null,
	delimiter: null,
	columns: [],
	rows: null,
};

const snapshot: Snapshot = {
	id: entry.id,
	checkedAt: '2026-11-26T02:00:00.000Z',
	outcome: 'degraded',
	reason: 'A download answered 206, but the file is an HTML page, not the declared JSON.',
	lastUpAt: '2026-11-26T02:00:00.000Z',
	checks: [],
	spec: null,
	proofs: [],
	files: [csv, html],
};

describe('the data schema of a dataset', async () => {
	const container = await AstroContainer.create();
	const page = await container.renderToString(SchemaSection, {
		props: { record: { entry, snapshot } as never },
	});

	it('shows the columns read from each file, with their types', () => {
		expect(page).toContain('File 1: CSV (2 columns)');
		expect(page).toMatch(/<code[^>]*>code_insee<\/code>[\s\S]*?<code[^>]*>string<\/code>/);
		expect(page).toMatch(/<code[^>]*>population<\/code>[\s\S]*?<code[^>]*>integer<\/code>/);
		expect(page).toContain('windows-1252, semicolon-separated');
		expect(page).toContain('4211 rows in the first 256.0 KB');
	});

	it('says when a file is not its declared format, and when it is stale', () => {
		expect(page).toMatch(
			/Not the declared format:<\/strong> the file is <code[^>]*>text\/html<\/code>, not JSON/,
		);
		expect(page).toContain(
			'last modified 10 days ago, though the dataset says it is updated daily',
		);
	});

	it('makes the column names searchable as an API’s field names are', () => {
		expect(recordSchemaTerms({ entry, snapshot } as never)).toEqual(['code_insee', 'population']);
	});
});
