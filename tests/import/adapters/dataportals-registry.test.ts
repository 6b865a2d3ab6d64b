import { describe, expect, it } from 'vitest';
import { SourceFailure } from '../../../src/lib/import/adapter.ts';
import { adapter } from '../../../src/lib/import/adapters/dataportals-registry.ts';
import {
	type DocumentReply,
	fixture,
	runAdapter,
	serveDocument,
	yieldedText,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

const EXPORT = '/commondataio/dataportals-registry/main/data/datasets/full.jsonl';
const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

const serve = (reply: DocumentReply) => serveDocument('dataportals-registry', EXPORT, reply);

/** One registry line of a government portal, with the given fields replaced. */
function portal(fields: Record<string, unknown>): string {
	return JSON.stringify({
		uid: 'cdi99999999',
		name: 'Portal',
		link: 'https://portal.example.gov.uk',
		status: 'active',
		api: true,
		api_status: 'active',
		access_mode: ['open'],
		owner: {
			name: 'Example Council',
			type: 'Local government',
			link: 'https://example.gov.uk',
			location: { country: { id: 'GB', name: 'United Kingdom' } },
		},
		endpoints: [{ type: 'ckan', url: 'https://portal.example.gov.uk/api/3' }],
		...fields,
	});
}

describe('dataportals-registry adapter', () => {
	it('lists each European government portal by its most specific API, with its tier of government and no description', async () => {
		const body = await fixture('dataportals-registry', 'full.jsonl');
		const { source } = await serve({ headers: TEXT, body });
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		// A company's portal, a United States agency's, an inactive one and one with only a
		// sitemap are left out.
		expect(run.records).toEqual([
			{
				sourceId: 'cdi00001341',
				kind: 'api',
				title: 'Data.gov.ro Romanian open data portal — CKAN Action API',
				country: 'RO',
				level: 'national',
				publisher: { name: 'Government of Romania', homepage: 'https://data.gov.ro/' },
				homepage: 'https://data.gov.ro/',
				// Not the catalog.rdf the registry also types `ckan`.
				baseUrl: 'https://data.gov.ro/api/3',
				access: 'open',
				themes: ['GOVE'],
				keywords: ['government'],
				languages: ['ro'],
			},
			{
				sourceId: 'cdi00022244',
				kind: 'api',
				title: 'Open Data Rotterdam — Opendatasoft API',
				country: 'NL',
				level: 'local',
				publisher: { name: 'Gemeente Rotterdam', homepage: 'https://www.rotterdam.nl/' },
				homepage: 'https://data.rotterdam.nl/',
				baseUrl: 'https://data.rotterdam.nl/api',
				access: 'open',
				themes: ['REGI', 'GOVE', 'EDUC', 'ECON', 'HEAL', 'ENVI', 'TRAN', 'SOCI'],
				keywords: [
					'government',
					'open data',
					'Netherlands',
					'Rotterdam',
					'municipality',
					'opendatasoft',
				],
				languages: ['nl'],
			},
			{
				sourceId: 'cdi00020452',
				kind: 'api',
				title: 'GeoNetwork Birkenwerder — OGC Catalogue Service (CSW)',
				country: 'DE',
				level: 'local',
				publisher: { name: 'Gemeinde Birkenwerder', homepage: 'https://www.birkenwerder.de/' },
				homepage: 'https://geoportal.birkenwerder.de/geonetwork',
				baseUrl:
					'https://geoportal.birkenwerder.de/geonetwork/srv/eng/csw?SERVICE=CSW&VERSION=2.0.2&REQUEST=GetCapabilities',
				access: 'open',
				themes: ['REGI'],
				keywords: ['geonetwork', 'geospatial', 'metadata'],
				languages: ['de'],
			},
			{
				sourceId: 'cdi00002123',
				kind: 'api',
				title: 'Open-dataportaal Zuid-Holland (geonetwork) — OpenAPI',
				country: 'NL',
				level: 'regional',
				publisher: { name: 'Provincie Zuid-Holland', homepage: 'https://www.zuid-holland.nl/' },
				homepage: 'https://opendata.zuid-holland.nl/geonetwork',
				// An OpenAPI description is the record's spec, ahead of the portal's CSW.
				spec: {
					url: 'https://opendata.zuid-holland.nl/geonetwork/srv/v2/api-docs',
					format: 'openapi',
				},
				access: 'open',
				themes: ['REGI', 'ENVI'],
				keywords: ['geospatial', 'spatial', 'geo', 'open data'],
				languages: ['nl', 'en'],
			},
		]);
		expectNoSourceProse(body.toString('utf8'), yieldedText(run));
	});

	it('keeps an international owner only as an EU body, and restricted access as restricted', async () => {
		const owner = (type: string, id: string) => ({
			name: `Owner ${id}`,
			type,
			location: { country: { id } },
		});
		const body = [
			portal({
				uid: 'cdi1',
				owner: owner('International', 'EU'),
				access_mode: ['open', 'restricted'],
			}),
			portal({ uid: 'cdi2', owner: owner('International', 'CH') }),
			portal({ uid: 'cdi3', owner: owner('Central government', 'US') }),
			portal({ uid: 'cdi4', owner: owner('Academy', 'FR') }),
			portal({ uid: 'cdi5', api_status: 'inactive' }),
			portal({ uid: 'cdi6', api: false }),
		].join('\n');
		const { source } = await serve({ headers: TEXT, body });
		const run = await runAdapter(adapter, source);
		// An EU body has no tier of government within a country.
		expect(run.records.map((r) => [r.sourceId, r.country, r.level, r.access])).toEqual([
			['cdi1', 'EU', undefined, 'restricted'],
		]);
	});

	it('drops javascript: links, hands markup on for the normaliser, and costs a bad line that line only', async () => {
		const body = [
			portal({
				uid: 'cdi1',
				name: '<img src=x onerror=alert(1)>Hostile <b>portal</b>',
				link: 'javascript:alert(1)',
				endpoints: [
					{ type: 'openapi', url: 'javascript:alert(1)//openapi.json' },
					{ type: 'wfs200', url: 'https://user:secret@portal.example.gov.uk/wfs' },
					{ type: 'wms130', url: 'https://portal.example.gov.uk/wms' },
				],
			}),
			'{"uid": "cdi2", "name": ',
			portal({
				uid: 'cdi3',
				endpoints: [{ type: 'sitemap', url: 'https://x.gov.uk/sitemap.xml' }],
			}),
			portal({ uid: undefined, name: 'No uid' }),
			portal({ uid: 'cdi5', name: '   ' }),
			'[1, 2]',
		].join('\n');
		const { source } = await serve({ headers: TEXT, body });
		const run = await runAdapter(adapter, source);
		expect(run.records).toEqual([
			{
				sourceId: 'cdi1',
				kind: 'api',
				title: '<img src=x onerror=alert(1)>Hostile <b>portal</b> — OGC Web Map Service',
				country: 'GB',
				level: 'local',
				publisher: { name: 'Example Council', homepage: 'https://example.gov.uk/' },
				baseUrl: 'https://portal.example.gov.uk/wms',
				access: 'open',
			},
		]);
		expect(run.skipped).toEqual([
			{ field: 'line 2', reason: 'is not JSON' },
			{ field: 'uid', reason: 'is missing' },
			{ sourceId: 'cdi5', field: 'name', reason: 'is missing' },
			{ field: 'record', reason: 'is not a JSON object' },
		]);
		const text = yieldedText(run);
		expect(text).not.toMatch(/javascript:|secret/);
	});

	it('cuts an over-long name to what a field holds rather than lose the record', async () => {
		const body = portal({ name: `Long ${'n'.repeat(2500)}` });
		const { source } = await serve({ headers: TEXT, body });
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		expect(run.records[0]?.title).toHaveLength(2000);
	});

	it('fails the source when the answer is not JSON Lines (an HTML page)', async () => {
		const { source } = await serve({ headers: TEXT, body: '<!doctype html>\n<p>Moved</p>\n' });
		await expect(runAdapter(adapter, source)).rejects.toThrow(SourceFailure);
		await expect(runAdapter(adapter, source)).rejects.toThrow(/line 1 is not JSON/);
	});

	it('stops at the record limit', async () => {
		const { source } = await serve({
			headers: TEXT,
			body: await fixture('dataportals-registry', 'full.jsonl'),
		});
		const run = await runAdapter(adapter, source, { limits: { maxRecords: 2 } });
		expect(run.records.map((r) => r.sourceId)).toEqual(['cdi00001341', 'cdi00022244']);
	});
});
