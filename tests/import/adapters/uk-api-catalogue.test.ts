import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SourceFailure, SourceUnchanged } from '../../../src/lib/import/adapter.ts';
import { adapter } from '../../../src/lib/import/adapters/uk-api-catalogue.ts';
import { parameterize } from '../../../src/lib/import/adapters/uk-api-catalogue-slug.ts';
import {
	fixture,
	type Reply,
	runAdapter,
	serveSource,
	yieldedText,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

const CSV = { 'content-type': 'text/csv; charset=utf-8' };
const CATALOGUE = '/data/catalogue.csv';
const ORGANISATIONS = '/data/organisation.csv';

async function serve(catalogue: Reply | ((req: IncomingMessage) => Reply)) {
	const organisations = await fixture('uk-api-catalogue', 'organisation.csv');
	return serveSource('api-gov-uk', [CATALOGUE, ORGANISATIONS], (path, req) => {
		if (path === CATALOGUE) return typeof catalogue === 'function' ? catalogue(req) : catalogue;
		if (path === ORGANISATIONS) return { headers: CSV, body: organisations };
		return undefined;
	});
}

describe('UK API catalogue adapter', () => {
	it('yields each row as an API with its page, publisher, base URL and docs, and no description', async () => {
		const body = await fixture('uk-api-catalogue', 'catalogue.csv');
		const { source } = await serve({ headers: CSV, body });
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		expect(run.records.map((r) => r.title)).toEqual([
			'GOV.UK Notify',
			'Bank Holidays',
			'GOV.UK Pay',
			'GOV.UK Content',
			'GOV.UK Search',
			'GOV.UK Organisations',
			'Data.gov.uk',
			'Statistics',
		]);
		expect(run.records[0]).toEqual({
			sourceId: 'government-digital-service/GOV.UK Notify',
			sourceUrl: 'https://www.api.gov.uk/gds/gov-uk-notify/',
			kind: 'api',
			title: 'GOV.UK Notify',
			publisher: { name: 'Government Digital Service', key: 'government-digital-service' },
			baseUrl: 'https://api.notifications.service.gov.uk/',
			docs: 'https://www.notifications.service.gov.uk/documentation',
			modified: '2020-08-24',
		});
		expect(run.records[7]).toMatchObject({
			sourceUrl: 'https://www.api.gov.uk/ons/statistics/',
			publisher: { name: 'Office for National Statistics', key: 'office-of-national-statistics' },
		});
		expectNoSourceProse(body.toString('utf8'), yieldedText(run));
	});

	it('names pages as the catalogue generator does (ActiveSupport parameterize)', () => {
		expect(parameterize('GOV.UK Notify')).toBe('gov-uk-notify');
		expect(parameterize('e-Referral Service Patient Care – FHIR API')).toBe(
			'e-referral-service-patient-care-fhir-api',
		);
		expect(parameterize('Café_Straße')).toBe('cafe_strasse');
		expect(parameterize('  --Scot-- ')).toBe('scot');
	});

	it('sends the last validators and treats 304 as unchanged', async () => {
		const { server, source } = await serve((req) =>
			req.headers['if-none-match'] === '"v1"'
				? { status: 304 }
				: { headers: { ...CSV, etag: '"v1"' }, body: 'x' },
		);
		const url = `${server.origin}/data/catalogue.csv`;
		await expect(
			runAdapter(adapter, source, {
				previousValidators: new Map([
					[url, { etag: '"v1"', lastModified: 'Tue, 01 Jul 2025 00:00:00 GMT' }],
				]),
			}),
		).rejects.toThrow(SourceUnchanged);
		expect(server.requests[0]?.headers['if-none-match']).toBe('"v1"');
		expect(server.requests[0]?.headers['if-modified-since']).toBe('Tue, 01 Jul 2025 00:00:00 GMT');
	});

	it('remembers the validators of a fresh answer', async () => {
		const body = await fixture('uk-api-catalogue', 'catalogue.csv');
		const { server, source } = await serve({
			headers: { ...CSV, etag: '"abc"', 'last-modified': 'Wed, 02 Jul 2025 00:00:00 GMT' },
			body,
		});
		const run = await runAdapter(adapter, source);
		expect(run.remembered.get(`${server.origin}/data/catalogue.csv`)).toEqual({
			etag: '"abc"',
			lastModified: 'Wed, 02 Jul 2025 00:00:00 GMT',
		});
	});

	it('fails the source on a CSV whose quote never closes', async () => {
		const { source } = await serve({
			headers: CSV,
			body: await fixture('uk-api-catalogue', 'malformed.csv'),
		});
		await expect(runAdapter(adapter, source)).rejects.toThrow(/not a readable CSV/);
	});

	it('fails the source when the header lacks a column it needs', async () => {
		const { source } = await serve({
			headers: CSV,
			body: await fixture('uk-api-catalogue', 'missing-column.csv'),
		});
		await expect(runAdapter(adapter, source)).rejects.toThrow(/has no column provider/);
	});

	it('fails the source on a server error', async () => {
		const { source } = await serve({ status: 500, body: 'boom' });
		await expect(runAdapter(adapter, source)).rejects.toThrow(SourceFailure);
	});

	it('skips the rows it cannot read, drops javascript: links, and keeps the rest', async () => {
		const { source } = await serve({
			headers: CSV,
			body: await fixture('uk-api-catalogue', 'hostile-rows.csv'),
		});
		const run = await runAdapter(adapter, source);
		expect(run.records.map((r) => r.title)).toEqual([
			'<img src=x onerror=alert(1)>Hostile <b>API</b>',
			'Bank Holidays',
		]);
		const hostile = run.records[0];
		expect(hostile?.baseUrl).toBeUndefined();
		expect(hostile?.docs).toBeUndefined();
		expect(hostile?.contact).toBeUndefined();
		// The page name is made of the name's letters only: no markup survives into the URL.
		expect(hostile?.sourceUrl).toBe(
			'https://www.api.gov.uk/gds/img-src-x-onerror-alert-1-hostile-b-api-b/',
		);
		expect(run.skipped).toEqual([
			{ sourceId: 'line 3', field: 'row', reason: 'has not the number of fields of the header' },
			{ sourceId: 'government-digital-service', field: 'name', reason: 'is missing' },
		]);
		expect(yieldedText(run)).not.toContain('HOSTILE DESCRIPTION TEXT');
		expect(yieldedText(run)).not.toContain('javascript:');
	});
});
