import { describe, expect, it } from 'vitest';
import { SourceFailure } from '../../../src/lib/import/adapter.ts';
import { adapter, ckanPortal } from '../../../src/lib/import/adapters/ckan.ts';
import {
	adapterContext,
	collect,
	fixtureText,
	type Handler,
	routeServerForSuite,
	sendJson,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

/** A real page of demo.ckan.org's package_search (see tests/fixtures/import/ckan/README.md). */
const REAL_PAGE = JSON.parse(fixtureText('ckan', 'package-search-demo-ckan.json')) as {
	result: { count: number; results: Record<string, unknown>[] };
};
const PACKAGES = REAL_PAGE.result.results;

function searchAnswer(results: unknown[], count: number): unknown {
	return {
		help: 'https://demo.ckan.org/api/3/action/help_show?name=package_search',
		success: true,
		result: { count, sort: 'name asc', results },
	};
}

/** A package of the real page under a new id, so endless-paging servers can mint fresh ones. */
function clone(index: number): Record<string, unknown> {
	return { ...PACKAGES[index % PACKAGES.length], id: `pkg-${index}`, name: `pkg-${index}` };
}

let route: Handler = () => {};
const server = routeServerForSuite(
	(request, url, response) => route(request, url, response),
	(origin) => ({
		adapter: 'ckan',
		country: 'IT',
		yields: 'datasets',
		endpoints: [{ url: `${origin}/data/api/3/action/package_search`, format: 'json' }],
	}),
);
const { http, source } = server;

const start = (url: URL) => Number(url.searchParams.get('start') ?? '0');

describe('ckan adapter', () => {
	it('maps a real package_search page to records of facts, without the description text', async () => {
		route = (_request, _url, response) => sendJson(response, REAL_PAGE);
		const { records, skipped } = await collect(adapter(adapterContext(source(), http)));
		expect(skipped).toEqual([]);
		expect(records).toHaveLength(3);
		const italian = records.find((r) => r.sourceId === PACKAGES[2]?.id);
		expect(italian).toMatchObject({
			kind: 'dataset',
			title: '2016 Regione Asia Est Oceania * Classi di età',
			sourceUrl: `${server.origin}/data/dataset/2016-regione-asia-est-oceania-classi-di-eta`,
			publisher: { key: 'sdb' },
			licence: 'cc-by',
			keywords: ['2016', 'RASE', 'età'],
		});
		expect(italian?.distributions?.[0]).toMatchObject({ format: 'CSV' });
		expect(records[1]?.homepage).toMatch(/^http:\/\/www\.legco\.gov\.hk\//);
		expectNoSourceProse(JSON.stringify(PACKAGES), JSON.stringify(records));
	});

	it('pages with rows and start until start reaches the count', async () => {
		route = (_request, url, response) => {
			const from = start(url);
			sendJson(
				response,
				searchAnswer(
					[clone(from), clone(from + 1)].filter((_, i) => from + i < 5),
					5,
				),
			);
		};
		server.requests.length = 0;
		const { records } = await collect(adapter(adapterContext(source(), http)));
		expect(records.map((r) => r.sourceId)).toEqual(['pkg-0', 'pkg-1', 'pkg-2', 'pkg-3', 'pkg-4']);
		expect(
			server.requests.map((r) => new URL(r.path, server.origin).searchParams.get('start')),
		).toEqual(['0', '2', '4']);
		expect(server.requests[0]?.path).toContain('rows=100');
		// Oldest first on every page, so the pages (and a capped harvest) stay stable.
		expect(
			server.requests.map((r) => new URL(r.path, server.origin).searchParams.get('sort')),
		).toEqual(['metadata_created asc', 'metadata_created asc', 'metadata_created asc']);
	});

	it('fails a portal whose pages never end (maxPages)', async () => {
		route = (_request, url, response) =>
			sendJson(response, searchAnswer([clone(start(url))], 1_000_000));
		await expect(collect(adapter(adapterContext(source(), http, { maxPages: 5 })))).rejects.toThrow(
			/more than 5 pages/,
		);
	});

	it('fails a portal whose count grows while paging', async () => {
		route = (_request, url, response) =>
			sendJson(response, searchAnswer([clone(start(url))], 10 + start(url) * 1000));
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(/count grew/);
	});

	it('fails a portal that serves the same page again instead of the next one', async () => {
		route = (_request, _url, response) =>
			sendJson(response, searchAnswer([clone(0), clone(1)], 100));
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(/repeats/);
	});

	it('fails the source on a 500 in the middle of paging', async () => {
		route = (_request, url, response) =>
			start(url) === 0
				? sendJson(response, searchAnswer([clone(0)], 3))
				: sendJson(response, 'oops', 500);
		const error = await collect(adapter(adapterContext(source(), http))).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SourceFailure);
		expect(String(error)).toMatch(/HTTP 500/);
	});

	it('fails the source on a 206 Partial Content page, as every adapter does on any status but 200', async () => {
		route = (_request, _url, response) =>
			sendJson(response, searchAnswer([clone(0), clone(1)], 2), 206);
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(/HTTP 206/);
	});

	it('fails the source on malformed JSON and on an unsuccessful action answer', async () => {
		route = (_request, _url, response) =>
			sendJson(response, '{"success": true, "result": {"count": 3, "results": [');
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(/not JSON/);
		route = (_request, _url, response) =>
			sendJson(response, { success: false, error: { message: 'no' } });
		await expect(collect(adapter(adapterContext(source(), http)))).rejects.toThrow(SourceFailure);
	});

	it('hands over javascript: URLs and HTML titles as the portal states them, for the normaliser to reject', async () => {
		const hostile = {
			...clone(0),
			title: '<img src=x onerror=alert(1)>Budget',
			url: 'javascript:alert(1)',
			resources: [{ url: 'javascript:alert(2)', format: 'CSV', name: '<b>x</b>' }],
		};
		route = (_request, _url, response) => sendJson(response, searchAnswer([hostile], 1));
		const { records } = await collect(adapter(adapterContext(source(), http)));
		expect(records[0]?.title).toBe('<img src=x onerror=alert(1)>Budget');
		expect(records[0]?.homepage).toBeUndefined();
		expect(records[0]?.distributions?.[0]?.url).toBe('javascript:alert(2)');
	});

	it('skips a package whose id breaks the contract and leaves out URLs too long to be whole', async () => {
		const longUrl = `https://example.org/${'a'.repeat(3000)}`;
		route = (_request, _url, response) =>
			sendJson(
				response,
				searchAnswer(
					[
						{ ...clone(0), id: 'x'.repeat(600) },
						{
							...clone(1),
							url: longUrl,
							resources: [{ url: longUrl, format: 'CSV' }],
							tags: Array.from({ length: 150 }, (_, i) => ({ name: `t${i}` })),
						},
					],
					2,
				),
			);
		const { records, skipped } = await collect(adapter(adapterContext(source(), http)));
		expect(skipped).toEqual([expect.objectContaining({ field: 'sourceId' })]);
		expect(records).toHaveLength(1);
		expect(records[0]?.homepage).toBeUndefined();
		expect(records[0]?.distributions).toBeUndefined();
		expect(records[0]?.keywords).toHaveLength(100);
	});

	it('reads DCAT-AP data services from ckanext-dcat extras as APIs with base URL and spec', async () => {
		const service = {
			...clone(7),
			extras: [
				{ key: 'dcat_type', value: 'http://www.w3.org/ns/dcat#DataService' },
				{ key: 'endpoint_url', value: '["https://api.example.eu/v1/"]' },
				{ key: 'endpoint_description', value: 'https://api.example.eu/v1/openapi.json' },
				{
					key: 'applicable_legislation',
					value: '["http://data.europa.eu/eli/reg_impl/2023/138/oj"]',
				},
				{
					key: 'theme',
					value: '["http://publications.europa.eu/resource/authority/data-theme/ECON"]',
				},
			],
		};
		route = (_request, _url, response) => sendJson(response, searchAnswer([clone(0), service], 2));
		const { records } = await collect(adapter(adapterContext(source({ yields: 'apis' }), http)));
		expect(records).toHaveLength(1);
		expect(records[0]).toMatchObject({
			sourceId: 'pkg-7',
			kind: 'api',
			baseUrl: 'https://api.example.eu/v1/',
			spec: { url: 'https://api.example.eu/v1/openapi.json' },
			highValue: true,
			themes: ['http://publications.europa.eu/resource/authority/data-theme/ECON'],
		});
	});

	it('asks for the publisher allow-list in fq and still drops other publishers when the portal ignores it', async () => {
		route = (_request, _url, response) => sendJson(response, REAL_PAGE);
		server.requests.length = 0;
		const { records } = await collect(
			adapter(adapterContext(source({ filters: { publishers: ['sdb'] } }), http)),
		);
		expect(new URL(server.requests[0]?.path ?? '', server.origin).searchParams.get('fq')).toBe(
			'organization:("sdb")',
		);
		expect(records.map((r) => r.publisher?.key)).toEqual(['sdb']);
	});

	it('links each package to the page the source names in recordPage, by name or by id', async () => {
		route = (_request, _url, response) => sendJson(response, REAL_PAGE);
		const pages = async (recordPage: string) => {
			const { records } = await collect(adapter(adapterContext(source({ recordPage }), http)));
			return records.map((r) => r.sourceUrl);
		};
		const ids = PACKAGES.map((p) => encodeURIComponent(String(p.id)));
		const names = PACKAGES.map((p) => encodeURIComponent(String(p.name)));
		expect(await pages('https://portal.example.it/view-dataset/dataset?id={id}')).toEqual(
			ids.map((id) => `https://portal.example.it/view-dataset/dataset?id=${id}`),
		);
		expect(await pages('https://portal.example.de/suche/daten/{name}')).toEqual(
			names.map((name) => `https://portal.example.de/suche/daten/${name}`),
		);
	});

	it('gives no record page when the key the template needs is missing, and escapes the key', async () => {
		const nameless = { ...clone(0), id: 'a/b?c', name: undefined };
		route = (_request, _url, response) => sendJson(response, searchAnswer([nameless], 1));
		const byName = await collect(
			adapter(adapterContext(source({ recordPage: 'https://p.example.de/d/{name}' }), http)),
		);
		expect(byName.records[0]?.sourceUrl).toBeUndefined();
		const byId = await collect(
			adapter(adapterContext(source({ recordPage: 'https://p.example.it/d?id={id}' }), http)),
		);
		expect(byId.records[0]?.sourceUrl).toBe('https://p.example.it/d?id=a%2Fb%3Fc');
	});

	it('stops at the source’s maxRecords without failing', async () => {
		route = (_request, url, response) =>
			sendJson(response, searchAnswer([clone(start(url)), clone(start(url) + 1)], 1000));
		const { records } = await collect(
			adapter(adapterContext(source({ filters: { maxRecords: 3 } }), http)),
		);
		expect(records).toHaveLength(3);
	});

	it('takes multilingual titles (opendata.swiss style) in the source country’s language', async () => {
		const swiss = {
			...clone(0),
			title: { fr: 'Qualité de l’air', de: 'Luftqualität', en: 'Air quality', it: '' },
			organization: { name: 'bafu', title: { fr: 'OFEV', de: 'BAFU', en: 'FOEN' } },
		};
		route = (_request, _url, response) => sendJson(response, searchAnswer([swiss], 1));
		const { records } = await collect(adapter(adapterContext(source({ country: 'CH' }), http)));
		expect(records[0]).toMatchObject({
			title: 'Luftqualität',
			publisher: { name: 'BAFU', key: 'bafu' },
		});
	});

	it('fails a source that asks for nothing it can read, instead of importing nothing', async () => {
		await expect(
			collect(adapter(adapterContext(source({ filters: { types: ['DataService'] } }), http))),
		).rejects.toThrow(/exclude each other/);
		await expect(
			collect(
				adapter(
					adapterContext(
						source({ endpoints: [{ url: `${server.origin}/x.csv`, format: 'csv' }] }),
						http,
					),
				),
			),
		).rejects.toThrow(/no endpoint/);
	});

	it('derives the portal page from the action URL', () => {
		expect(ckanPortal('https://avoindata.fi/data/api/3/action/package_search')).toBe(
			'https://avoindata.fi/data',
		);
		expect(ckanPortal('https://data.gov.ie/api/action/package_search')).toBe('https://data.gov.ie');
	});
});
