import { describe, expect, it } from 'vitest';
import { downloadRow } from '../../src/lib/exports/downloads/download-row.ts';
import { fieldRows } from '../../src/lib/exports/downloads/field-rows.ts';
import { recordSummary } from '../../src/lib/site/record-json.ts';
import { DownloadFieldSchema } from '../../src/schemas/download-field.ts';
import { DOWNLOAD_COLUMNS, DownloadRowSchema } from '../../src/schemas/download-row.ts';
import { fixtureRegister, HOSTILE } from './downloads-fixture.ts';

const register = fixtureRegister();
const byId = (id: string) => {
	const record = register.byId.get(id);
	if (!record) throw new Error(`no fixture record ${id}`);
	return record;
};

describe('a row of the register downloads', () => {
	it('matches DownloadRowSchema for every record, its columns in the schema’s order', () => {
		for (const record of register.records) {
			const row = downloadRow(record);
			expect(DownloadRowSchema.strict().parse(row)).toEqual(row);
			expect(Object.keys(row)).toEqual(DOWNLOAD_COLUMNS);
		}
	});

	it('gives the same values as records.json for the columns both have', () => {
		for (const record of register.records) {
			const row = downloadRow(record);
			const summary = recordSummary(record);
			expect({
				id: row.id,
				title: row.title,
				summary: row.summary,
				kind: row.kind,
				country: row.country,
				publisher: row.publisher_id,
				access: row.access,
				licence: row.licence,
				themes: row.themes?.split(' ') ?? [],
				url: row.page_url,
				json: row.json_url,
				state: row.outcome,
				checkedAt: row.checked_at,
				score: {
					total: row.score,
					band: row.score_band,
					provisional: row.score_provisional,
					tier: row.proof_tier,
				},
			}).toEqual(summary);
		}
	});

	it('flattens a verified API: uptime, each axis, spec version, counts, catalogues and URLs', () => {
		const record = byId('fr-sample');
		expect(downloadRow(record)).toMatchObject({
			outcome: 'up',
			uptime_30d: 1,
			uptime_90d: 1,
			score_availability: record.score.axes.find((a) => a.axis === 'availability')?.score,
			spec_version: '3.0.3',
			parameters: 5,
			fields: 4,
			themes: 'GOVE ECON',
			sources: 'api-gouv-fr',
			base_url: 'https://api.example.gouv.fr/v1',
			docs_url: 'https://api.example.gouv.fr/docs',
			spec_url: 'https://api.example.gouv.fr/openapi.json',
			homepage: null,
		});
	});

	it('says null, not zero or an empty string, for what was never measured or is not stated', () => {
		expect(downloadRow(byId('eu-never-checked'))).toMatchObject({
			outcome: 'not-yet-verified',
			checked_at: null,
			uptime_30d: null,
			score_availability: null,
			licence: null,
			themes: null,
			sources: null,
			spec_version: null,
			parameters: null,
			fields: null,
		});
	});

	it('counts a dataset’s file columns as its fields and lists only the catalogues that still list it', () => {
		expect(downloadRow(byId('fr-sample-data'))).toMatchObject({
			parameters: null,
			fields: 3,
			uptime_30d: 0.5,
		});
		expect(downloadRow(byId('de-imported'))).toMatchObject({
			level: 'local',
			sources: 'govdata',
			spec_version: null,
			parameters: null,
			fields: null,
		});
	});
});

describe('the rows of fields.csv', () => {
	it('list every name of the complete lists, with the location and the first type the detailed lists give', () => {
		const rows = [...fieldRows(byId('fr-sample'))];
		for (const row of rows) DownloadFieldSchema.strict().parse(row);
		expect(rows.map(({ kind, location, name, type }) => [kind, location, name, type])).toEqual([
			['parameter', 'path', 'siren', 'string'],
			['parameter', 'query', 'limit', 'integer'],
			['parameter', 'header', 'X-Api-Key', null],
			['parameter', 'query', HOSTILE.formula, null],
			['parameter', 'query', 'a:b', null],
			['field', null, 'id', 'string'],
			['field', null, 'items[].name', 'string'],
			['field', null, 'items[].address.city', null],
			['field', null, HOSTILE.emoji, null],
		]);
		expect(new Set(rows.map((r) => r.record_id))).toEqual(new Set(['fr-sample']));
	});

	it('list a dataset’s columns with the file they were read from', () => {
		expect([...fieldRows(byId('fr-sample-data'))]).toEqual([
			{
				record_id: 'fr-sample-data',
				kind: 'column',
				location: 'https://static.data.gouv.fr/a.csv',
				name: 'code',
				type: 'integer',
			},
			{
				record_id: 'fr-sample-data',
				kind: 'column',
				location: 'https://static.data.gouv.fr/a.csv',
				name: HOSTILE.punctuation,
				type: 'string',
			},
			{
				record_id: 'fr-sample-data',
				kind: 'column',
				location: 'https://static.data.gouv.fr/b.csv',
				name: 'date',
				type: 'date',
			},
		]);
	});

	it('fall back to the detailed lists, deduplicated, for a capture made before the complete lists', () => {
		const rows = [...fieldRows(byId('fr-hostile-long'))];
		expect(rows.map((r) => `${r.kind}:${r.location}:${r.name}`)).toEqual([
			'parameter:path:siren',
			'parameter:query:limit',
			'field:null:id',
			'field:null:items[].name',
		]);
	});

	it('hold as many rows per record as the register row counts', () => {
		for (const record of register.records) {
			const rows = [...fieldRows(record)];
			const row = downloadRow(record);
			expect(rows.filter((r) => r.kind === 'parameter').length).toBe(row.parameters ?? 0);
			expect(rows.filter((r) => r.kind !== 'parameter').length).toBe(row.fields ?? 0);
		}
	});
});
