import { describe, expect, it } from 'vitest';
import { SourceFailure } from '../../../src/lib/import/adapter.ts';
import { adapter } from '../../../src/lib/import/adapters/apis-guru.ts';
import {
	type DocumentReply,
	fixture,
	JSON_TYPE,
	runAdapter,
	serveDocument,
	yieldedText,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

const LIST = '/v2/list.json';

const serve = (reply: DocumentReply) => serveDocument('apis-guru', LIST, reply);

describe('APIs.guru adapter', () => {
	it('keeps only European public-sector providers, each with its country, publisher and origin spec, and no description', async () => {
		const body = await fixture('apis-guru', 'list.json');
		const { source } = await serve({ headers: JSON_TYPE, body });
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		// 1forge.com (commercial) and gov.bc.ca (Canada) are left out.
		expect(run.records).toEqual([
			{
				sourceId: 'api.gov.uk:vehicle-enquiry',
				kind: 'api',
				title: 'Vehicle Enquiry API',
				country: 'GB',
				publisher: { name: 'api.gov.uk', homepage: 'https://api.gov.uk/' },
				spec: {
					url: 'https://developer-portal.driver-vehicle-licensing.api.gov.uk/apis/vehicle-enquiry-service/v1.1.0-vehicle-enquiry-service.json',
					format: 'openapi',
				},
				keywords: ['open_data'],
				contact: { email: 'DvlaAPIAccess@dvla.gov.uk' },
			},
			{
				sourceId: 'europeana.eu',
				kind: 'api',
				title: 'Europeana',
				country: 'EU',
				publisher: { name: 'europeana.eu', homepage: 'https://europeana.eu/' },
				spec: { url: 'http://www.europeana.eu/api/api-docs/', format: 'swagger' },
				licence: 'API terms of use',
				keywords: ['open_data'],
			},
			{
				sourceId: 'tfl.gov.uk',
				kind: 'api',
				title: 'Transport for London Unified API',
				country: 'GB',
				publisher: { name: 'tfl.gov.uk', homepage: 'https://tfl.gov.uk/' },
				spec: { url: 'https://api.tfl.gov.uk/swagger/docs/v1', format: 'openapi' },
				keywords: ['transport', 'open_data'],
			},
		]);
		expectNoSourceProse(body.toString('utf8'), yieldedText(run));
	});

	it('fails the source on malformed JSON', async () => {
		const { source } = await serve({
			headers: JSON_TYPE,
			body: await fixture('apis-guru', 'malformed.json'),
		});
		await expect(runAdapter(adapter, source)).rejects.toThrow(SourceFailure);
	});

	it('fails the source when the list is not a JSON object', async () => {
		const { source } = await serve({ headers: JSON_TYPE, body: '[{"api.gov.uk": {}}]' });
		await expect(runAdapter(adapter, source)).rejects.toThrow(/did not answer a JSON object/);
	});

	it('reads only the preferred version, drops javascript: and data: links, and skips bad entries', async () => {
		const body = await fixture('apis-guru', 'hostile-list.json');
		const { source } = await serve({ headers: JSON_TYPE, body });
		const run = await runAdapter(adapter, source);
		expect(run.records).toEqual([
			{
				sourceId: 'hostile.gov.uk',
				kind: 'api',
				// Markup is handed on as stated; the normaliser strips it with the entry rules.
				title: '<img src=x onerror=alert(1)>Hostile <b>API</b>',
				country: 'GB',
				publisher: { name: 'hostile.gov.uk', homepage: 'https://hostile.gov.uk/' },
				// No origin is a web URL, so APIs.guru's own copy stands in.
				spec: {
					url: 'https://api.apis.guru/v2/specs/hostile.gov.uk/2/openapi.json',
					format: 'openapi',
				},
				contact: { email: 'team@hostile.gov.uk' },
			},
			{
				sourceId: 'docs.gouv.fr:service',
				kind: 'api',
				title: 'Service with docs',
				country: 'FR',
				publisher: { name: 'docs.gouv.fr', homepage: 'https://docs.gouv.fr/' },
				docs: 'https://docs.gouv.fr/service',
				// An older list gives x-origin as one object rather than a list.
				spec: { url: 'https://docs.gouv.fr/swagger.json', format: 'swagger' },
			},
		]);
		expect(run.skipped).toEqual([
			{ sourceId: 'not-an-object.bund.de', field: 'record', reason: 'is not a JSON object' },
			{ sourceId: 'array.admin.ch', field: 'record', reason: 'is not a JSON object' },
			{ sourceId: 'no-preferred.gv.at', field: 'preferred', reason: 'names no listed version' },
			{ sourceId: 'untitled.gov.ie', field: 'info.title', reason: 'is missing' },
			{
				sourceId: 'claims.gov.pl',
				field: 'info.x-providerName',
				reason: "differs from the list key's provider claims.gov.pl",
			},
			{ sourceId: '<script>.gov.uk', field: 'key', reason: 'does not start with a host name' },
		]);
		const text = yieldedText(run);
		expect(text).not.toMatch(/javascript:|data:text/);
		expect(text).not.toContain('OLD VERSION TITLE');
		// A non-European key claiming a government provider name, and a look-alike domain, stay out.
		expect(text).not.toContain('Spoof');
		expect(text).not.toContain('Not under gov.uk');
		expectNoSourceProse(body.toString('utf8'), text);
	});

	it('cuts an over-long title to what a field holds, and leaves out an over-long link rather than cut it', async () => {
		const longTitle = `Long ${'t'.repeat(2500)}`;
		const longUrl = `https://long.gov.uk/${'a'.repeat(2500)}`;
		const list = {
			'long.gov.uk': {
				preferred: '1',
				versions: {
					'1': {
						externalDocs: { url: longUrl },
						info: { title: longTitle, 'x-origin': [{ format: 'openapi', url: longUrl }] },
					},
				},
			},
		};
		const { source } = await serve({ headers: JSON_TYPE, body: JSON.stringify(list) });
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		expect(run.records).toEqual([
			{
				sourceId: 'long.gov.uk',
				kind: 'api',
				title: longTitle.slice(0, 2000),
				country: 'GB',
				publisher: { name: 'long.gov.uk', homepage: 'https://long.gov.uk/' },
			},
		]);
	});

	it('keeps categories once each and at most as many as a list holds, rather than lose the record', async () => {
		const categories = [
			'open_data',
			'open_data',
			...Array.from({ length: 150 }, (_, i) => `c${i}`),
		];
		const list = {
			'many.gov.uk': {
				preferred: '1',
				versions: { '1': { info: { title: 'Many', 'x-apisguru-categories': categories } } },
			},
		};
		const { source } = await serve({ headers: JSON_TYPE, body: JSON.stringify(list) });
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		expect(run.records[0]?.keywords).toEqual([...new Set(categories)].slice(0, 100));
	});

	it('stops at the record limit', async () => {
		const { source } = await serve({
			headers: JSON_TYPE,
			body: await fixture('apis-guru', 'list.json'),
		});
		const run = await runAdapter(adapter, source, { limits: { maxRecords: 1 } });
		expect(run.records.map((r) => r.sourceId)).toEqual(['api.gov.uk:vehicle-enquiry']);
	});
});
