import { describe, expect, it } from 'vitest';
import { SourceFailure } from '../../../src/lib/import/adapter.ts';
import { createNlApiRegisterAdapter } from '../../../src/lib/import/adapters/nl-api-register.ts';
import { nextLink } from '../../../src/lib/import/adapters/nl-api-register-links.ts';
import { readSettings } from '../../../src/lib/settings/read-settings.ts';
import {
	fixture,
	JSON_TYPE,
	type Reply,
	runAdapter,
	serveForTest,
	serveSource,
	yieldedText,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

const KEY = 'test-key-123';
const withKey = createNlApiRegisterAdapter(() => KEY);
const LIST = '/api-register/v1/apis';

/** Serves page n of `pages` with the register's Link header; `reply` may override any page. */
async function serve(
	pages: (string | Buffer)[],
	reply?: (page: number, base: string) => Reply | undefined,
) {
	return serveSource('developer-overheid-nl', [LIST], (path, req, base) => {
		const url = new URL(path, base);
		if (url.pathname !== LIST) return undefined;
		if (req.headers['x-api-key'] !== KEY) return { status: 401, body: '{"title":"Unauthorized"}' };
		const page = Number(url.searchParams.get('page') ?? '1');
		const custom = reply?.(page, base);
		if (custom) return custom;
		const link = (n: number, rel: string) => `<${base}${LIST}?page=${n}&perPage=100>; rel="${rel}"`;
		const links = [link(1, 'first'), link(page, 'self')];
		if (page < pages.length) links.push(link(page + 1, 'next'));
		links.push(link(pages.length, 'last'));
		return { headers: { ...JSON_TYPE, link: links.join(', ') }, body: pages[page - 1] ?? '[]' };
	});
}

describe('Dutch API register adapter', () => {
	it('pages through the register with its key and yields each API with its spec, publisher and page', async () => {
		const { server, source } = await serve([
			await fixture('nl-api-register', 'apis-page-1.json'),
			await fixture('nl-api-register', 'apis-page-2.json'),
		]);
		const run = await runAdapter(withKey, source);
		expect(run.records).toEqual([
			{
				sourceId: 'dicF0B3HR',
				sourceUrl: 'https://apis.developer.overheid.nl/apis/dicF0B3HR',
				kind: 'api',
				title: 'API register API v1',
				publisher: { name: 'developer.overheid.nl', key: 'https://developer.overheid.nl' },
				spec: {
					url: 'https://api.developer.overheid.nl/api-register/v1/openapi.json',
					format: 'openapi',
				},
				contact: { email: 'developer.overheid@geonovum.nl', url: 'https://developer.overheid.nl/' },
			},
			{
				sourceId: 'synthetic-page-2',
				sourceUrl: 'https://apis.developer.overheid.nl/apis/synthetic-page-2',
				kind: 'api',
				title: 'Synthetic API on page 2',
				publisher: { name: 'Synthetic organisation', key: 'https://example.org' },
				spec: { url: 'https://api.example.org/synthetic/openapi.json', format: 'openapi' },
				contact: { email: 'synthetic@example.org' },
			},
		]);
		expect(run.skipped).toEqual([
			{
				sourceId: 'synthetic-retired',
				field: 'lifecycle.status',
				reason: 'is retired: the API was taken offline',
			},
		]);
		expect(server.requests.map((r) => r.path)).toEqual([
			`${LIST}?page=1&perPage=100`,
			`${LIST}?page=2&perPage=100`,
		]);
		expect(server.requests.every((r) => r.headers['x-api-key'] === KEY)).toBe(true);
		expectNoSourceProse(
			(await fixture('nl-api-register', 'apis-page-1.json')).toString('utf8'),
			yieldedText(run),
		);
		expect(yieldedText(run)).not.toContain('SYNTHETIC DESCRIPTION TEXT');
	});

	it('fails the source without a key, saying which setting to set, and asks nothing', async () => {
		const { server, source } = await serve([await fixture('nl-api-register', 'apis-page-1.json')]);
		const noKey = createNlApiRegisterAdapter(() => undefined);
		await expect(runAdapter(noKey, source)).rejects.toThrow(
			/needs a free API key: set C0MM0_NL_API_KEY/,
		);
		expect(server.requests).toEqual([]);
	});

	it('reads the key from the C0MM0_NL_API_KEY setting, an empty one counting as unset', () => {
		expect(readSettings({ C0MM0_NL_API_KEY: 'abc' }).nlApiKey).toBe('abc');
		expect(readSettings({ C0MM0_NL_API_KEY: '' }).nlApiKey).toBeUndefined();
		expect(readSettings({}).nlApiKey).toBeUndefined();
	});

	it('fails the source when the register refuses the key', async () => {
		const { source } = await serve([await fixture('nl-api-register', 'apis-page-1.json')]);
		const wrongKey = createNlApiRegisterAdapter(() => 'wrong');
		await expect(runAdapter(wrongKey, source)).rejects.toThrow(/answered HTTP 401/);
	});

	it('fails the source, and stops asking, when the next link never ends', async () => {
		const page = await fixture('nl-api-register', 'apis-page-1.json');
		const { server, source } = await serve([page], (n, base) => ({
			headers: { ...JSON_TYPE, link: `<${base}${LIST}?page=${n + 1}&perPage=100>; rel="next"` },
			body: page,
		}));
		await expect(runAdapter(withKey, source, { limits: { maxPages: 3 } })).rejects.toThrow(
			/still a next page after 3 pages/,
		);
		expect(server.requests).toHaveLength(3);
	});

	it('fails the source on a 500 mid-way', async () => {
		const page = await fixture('nl-api-register', 'apis-page-1.json');
		const { source } = await serve([page, page, page], (n) =>
			n === 2 ? { status: 500, body: 'boom' } : undefined,
		);
		await expect(runAdapter(withKey, source)).rejects.toThrow(/answered HTTP 500/);
	});

	it('fails the source on malformed JSON', async () => {
		const { source } = await serve([await fixture('nl-api-register', 'malformed.json')]);
		await expect(runAdapter(withKey, source)).rejects.toThrow(SourceFailure);
	});

	it('never sends the key to another origin named by a next link', async () => {
		const page = await fixture('nl-api-register', 'apis-page-1.json');
		const elsewhere = await serveForTest(() => ({ headers: JSON_TYPE, body: '[]' }));
		const { source } = await serve([page], () => ({
			headers: { ...JSON_TYPE, link: `<${elsewhere.origin}${LIST}?page=2>; rel="next"` },
			body: page,
		}));
		await expect(runAdapter(withKey, source)).rejects.toThrow(/is not on http:\/\/127\.0\.0\.1/);
		expect(elsewhere.requests).toEqual([]);
	});

	it('skips the records it cannot name and drops javascript: links', async () => {
		const { source } = await serve([await fixture('nl-api-register', 'hostile-records.json')]);
		const run = await runAdapter(withKey, source);
		expect(run.records).toEqual([
			{
				sourceId: 'hostile-1',
				sourceUrl: 'https://apis.developer.overheid.nl/apis/hostile-1',
				kind: 'api',
				// Markup is handed on as stated; the normaliser strips it with the entry rules.
				title: '<script>alert(1)</script>Hostile <b>API</b>',
				publisher: { name: '<i>Org</i>', key: 'javascript:alert(3)' },
			},
		]);
		expect(run.skipped.map((s) => [s.sourceId, s.field])).toEqual([
			['../../etc/passwd', 'id'],
			['no-title', 'title'],
			[undefined, 'record'],
		]);
		expect(yieldedText(run)).not.toContain('HOSTILE DESCRIPTION TEXT');
	});

	it('reads the next page from the Link header as the register writes it', () => {
		const page = 'https://api.developer.overheid.nl/api-register/v1/apis?page=1&perPage=100';
		expect(
			nextLink(
				'<https://a.test/v1/apis?page=1>; rel="first", <https://a.test/v1/apis?page=2&perPage=100>; rel="next", <https://a.test/v1/apis?page=9>; rel="last"',
				page,
			),
		).toBe('https://a.test/v1/apis?page=2&perPage=100');
		expect(nextLink("</v1/apis?page=3>; rel='next'", page)).toBe(
			'https://api.developer.overheid.nl/v1/apis?page=3',
		);
		expect(nextLink('<https://a.test/?page=9>; rel="last"', page)).toBeUndefined();
		expect(nextLink(undefined, page)).toBeUndefined();
	});
});
