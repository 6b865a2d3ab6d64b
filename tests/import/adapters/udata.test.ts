import { describe, expect, it } from 'vitest';
import { SourceFailure } from '../../../src/lib/import/adapter.ts';
import { adapter, udataListUrl } from '../../../src/lib/import/adapters/udata.ts';
import {
	adapterContext,
	collect,
	fixtureText,
	type Handler,
	routeServerForSuite,
	sendJson,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

/** Real data.gouv.fr records in udata's list shape (see tests/fixtures/import/udata/README.md). */
const fixture = (name: string) =>
	JSON.parse(fixtureText('udata', name)) as { data: Record<string, unknown>[] };
const DATASETS = fixture('datasets-page.json');
const DATASERVICES = fixture('dataservices-page.json');

let route: Handler = () => {};
const server = routeServerForSuite(
	(request, url, response) => route(request, url, response),
	(origin) => ({
		adapter: 'udata',
		yields: 'datasets',
		endpoints: [{ url: `${origin}/api/1/datasets/`, format: 'json' }],
	}),
);
const { http, source } = server;

function listPage(data: unknown[], next: string | null): unknown {
	return {
		data,
		facets: {},
		next_page: next,
		page: 1,
		page_size: 100,
		previous_page: null,
		total: 1000,
	};
}

const pageOf = (url: URL) => Number(url.searchParams.get('page') ?? '1');

describe('udata adapter', () => {
	it('maps a real datasets page to dataset records of facts, without the description text', async () => {
		route = (_request, url, response) =>
			url.pathname === '/api/1/datasets/'
				? sendJson(response, DATASETS)
				: sendJson(response, 'no', 404);
		const { records, skipped } = await collect(adapter(adapterContext(source(), http)));
		expect(skipped).toEqual([]);
		expect(records.map((r) => r.title)).toEqual([
			'Base Sirene des entreprises et de leurs établissements (SIREN, SIRET)',
			'Données relatives aux personnes vaccinées contre la Covid-19',
			'Base Adresse Nationale',
		]);
		expect(records[0]).toMatchObject({
			sourceId: '5b7ffc618b4c4169d30727e0',
			kind: 'dataset',
			sourceUrl: `${server.origin}/datasets/base-sirene-des-entreprises-et-de-leurs-etablissements-siren-siret/`,
			publisher: {
				name: 'Institut National de la Statistique et des Etudes Economiques (Insee)',
				key: '534fff81a3a7292c64a77e5c',
			},
			updateFrequency: 'monthly',
		});
		expect(records[0]?.distributions?.[0]).toMatchObject({ format: 'csv', mediaType: 'text/csv' });
		expect(records[0]?.keywords).toContain('entreprises');
		expectNoSourceProse(JSON.stringify(DATASETS), JSON.stringify(records));
	});

	it('reads real dataservices as APIs with base URL, OpenAPI document and access when the source yields APIs', async () => {
		route = (_request, url, response) =>
			url.pathname === '/api/1/dataservices/'
				? sendJson(response, DATASERVICES)
				: sendJson(response, 'no', 404);
		server.requests.length = 0;
		const { records } = await collect(adapter(adapterContext(source({ yields: 'apis' }), http)));
		expect(records.map((r) => r.kind)).toEqual(['api', 'api', 'api']);
		expect(records[1]).toMatchObject({
			sourceId: '6690725d0fd97cb0a91ff6b5',
			title: 'Explore API v2',
			baseUrl: 'https://opendata.caissedesdepots.fr/api/explore/v2.1/',
			spec: { url: 'https://opendata.caissedesdepots.fr/api/explore/v2.1/swagger.json' },
			access: 'open',
			publisher: { name: 'Caisse des Dépôts' },
		});
		expect(records[0]).toMatchObject({ title: 'API Sirene', access: 'key' });
		expectNoSourceProse(JSON.stringify(DATASERVICES), JSON.stringify(records));
		expect(server.requests.filter((r) => r.path.startsWith('/api/1/datasets/'))).toEqual([]);
	});

	it('follows next_page to the end', async () => {
		route = (_request, url, response) => {
			const page = pageOf(url);
			const next =
				page < 3 ? `${server.origin}/api/1/datasets/?page=${page + 1}&page_size=100` : null;
			sendJson(response, listPage([{ ...DATASETS.data[0], id: `d${page}` }], next));
		};
		server.requests.length = 0;
		const { records } = await collect(adapter(adapterContext(source(), http)));
		expect(records.map((r) => r.sourceId)).toEqual(['d1', 'd2', 'd3']);
		// The first page asks for the oldest datasets first; next_page links carry on from there.
		expect(new URL(server.requests[0]?.path ?? '', server.origin).searchParams.get('sort')).toBe(
			'created',
		);
	});

	it('fails a portal whose pages never end (maxPages)', async () => {
		route = (_request, url, response) => {
			const page = pageOf(url);
			sendJson(
				response,
				listPage(
					[{ ...DATASETS.data[0], id: `d${page}` }],
					`${server.origin}/api/1/datasets/?page=${page + 1}`,
				),
			);
		};
		await expect(collect(adapter(adapterContext(source(), http, { maxPages: 4 })))).rejects.toThrow(
			/more than 4 pages/,
		);
	});

	it('fails a next_page that loops back or leaves the portal', async () => {
		route = (_request, _url, response) =>
			sendJson(
				response,
				listPage([DATASETS.data[0]], `${server.origin}/api/1/datasets/?page=1&page_size=100`),
			);
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(/points back/);
		route = (_request, _url, response) =>
			sendJson(response, listPage([DATASETS.data[0]], 'http://169.254.169.254/latest/'));
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(
			/leaves the portal/,
		);
	});

	it('fails the source on a 500 mid-way and on malformed JSON', async () => {
		route = (_request, url, response) =>
			pageOf(url) === 1
				? sendJson(
						response,
						listPage([DATASETS.data[0]], `${server.origin}/api/1/datasets/?page=2`),
					)
				: sendJson(response, 'down', 500);
		const error = await collect(adapter(adapterContext(source(), http))).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SourceFailure);
		route = (_request, _url, response) => sendJson(response, '{"data": [{"id": ');
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(/not JSON/);
		route = (_request, _url, response) => sendJson(response, { data: 'nope' });
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(
			/not a udata list page/,
		);
	});

	it('skips deleted and archived records with a line, and hands over hostile text as stated', async () => {
		const base = DATASETS.data[0] as Record<string, unknown>;
		route = (_request, _url, response) =>
			sendJson(
				response,
				listPage(
					[
						{ ...base, id: 'gone', deleted: '2024-01-01T00:00:00' },
						{ ...base, id: 'old', archived: '2024-01-01T00:00:00' },
						{
							...base,
							id: 'evil',
							title: '<script>alert(1)</script>Budget',
							page: 'javascript:alert(1)',
						},
					],
					null,
				),
			);
		const { records, skipped } = await collect(adapter(adapterContext(source(), http)));
		expect(skipped.map((s) => [s.sourceId, s.field])).toEqual([
			['gone', 'deleted'],
			['old', 'archived'],
		]);
		expect(records[0]).toMatchObject({
			title: '<script>alert(1)</script>Budget',
			sourceUrl: 'javascript:alert(1)',
		});
	});

	it('skips a record whose id breaks the contract and leaves out URLs too long to be whole', async () => {
		const base = DATASERVICES.data[1] as Record<string, unknown>;
		route = (_request, _url, response) =>
			sendJson(
				response,
				listPage(
					[
						{ ...base, id: 'x'.repeat(600) },
						{ ...base, id: 'ok', base_api_url: `https://example.org/${'a'.repeat(3000)}` },
					],
					null,
				),
			);
		const { records, skipped } = await collect(
			adapter(adapterContext(source({ yields: 'apis' }), http)),
		);
		expect(skipped).toEqual([expect.objectContaining({ field: 'sourceId' })]);
		expect(records.map((r) => r.sourceId)).toEqual(['ok']);
		expect(records[0]?.baseUrl).toBeUndefined();
	});

	it('asks for one publisher and high-value datasets in the query and checks them on each record', async () => {
		route = (_request, _url, response) => sendJson(response, DATASETS);
		server.requests.length = 0;
		const { records } = await collect(
			adapter(
				adapterContext(
					source({ filters: { publishers: ['534fff81a3a7292c64a77e5c'], highValueOnly: true } }),
					http,
				),
			),
		);
		const asked = new URL(server.requests[0]?.path ?? '', server.origin).searchParams;
		expect(asked.get('organization')).toBe('534fff81a3a7292c64a77e5c');
		expect(asked.get('badge')).toBe('hvd');
		// The recorded records carry no hvd badge: a portal ignoring badge=hvd still imports nothing.
		expect(records).toEqual([]);
	});

	it('derives the list URL of either kind from the endpoint', () => {
		expect(udataListUrl('https://data.public.lu/api/1/datasets/', 'dataservices')).toBe(
			'https://data.public.lu/api/1/dataservices/',
		);
		expect(udataListUrl('https://www.data.gouv.fr/api/1', 'datasets')).toBe(
			'https://www.data.gouv.fr/api/1/datasets/',
		);
	});
});
