import { describe, expect, it } from 'vitest';
import { SourceFailure } from '../../../src/lib/import/adapter.ts';
import { adapter } from '../../../src/lib/import/adapters/api-gouv-fr.ts';
import {
	fixture,
	JSON_TYPE,
	runAdapter,
	serveDocument,
	yieldedText,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

const LIST = '/api/v1/apis';

const serve = (body: Buffer | string, status = 200) =>
	serveDocument('api-gouv-fr', LIST, { status, headers: JSON_TYPE, body });

describe('api.gouv.fr adapter', () => {
	it('yields each API with its title, page, publisher and access, and no tagline', async () => {
		const body = await fixture('api-gouv-fr', 'apis.json');
		const { source } = await serve(body);
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		expect(run.records).toEqual([
			{
				sourceId: 'API_Ingres_Noyau',
				sourceUrl: 'https://api.gouv.fr/les-api/API_Ingres_Noyau',
				kind: 'api',
				title: 'API Ingres Noyau',
				publisher: {
					name: "Centre Interministériel des Systèmes d'Information relatifs aux Ressources Humaines",
				},
				access: 'restricted',
			},
			{
				sourceId: 'DILA_api_Legifrance',
				sourceUrl: 'https://api.gouv.fr/les-api/DILA_api_Legifrance',
				kind: 'api',
				title: 'Légifrance',
				publisher: { name: "Direction de l'information légale et administrative" },
				access: 'key',
			},
			{
				sourceId: 'LaBonneBoite',
				sourceUrl: 'https://api.gouv.fr/les-api/LaBonneBoite',
				kind: 'api',
				title: 'API La Bonne Boite',
				publisher: { name: 'France Travail' },
				access: 'key',
			},
			{
				sourceId: 'api-acces-libre',
				sourceUrl: 'https://api.gouv.fr/les-api/api-acces-libre',
				kind: 'api',
				title: 'API Accès libre',
				publisher: { name: 'Ministère de la Transition écologique et solidaire' },
				access: 'open',
			},
		]);
		expectNoSourceProse(body.toString('utf8'), yieldedText(run));
	});

	it('makes one request only: no follow-up per record', async () => {
		const { server, source } = await serve(await fixture('api-gouv-fr', 'apis.json'));
		await runAdapter(adapter, source);
		expect(server.requests.map((r) => r.path)).toEqual([LIST]);
	});

	it('fails the source on malformed JSON', async () => {
		const { source } = await serve(await fixture('api-gouv-fr', 'malformed.json'));
		await expect(runAdapter(adapter, source)).rejects.toThrow(SourceFailure);
	});

	it('fails the source when the answer is not a list', async () => {
		const { source } = await serve('{"Error":"Route does not exist"}');
		await expect(runAdapter(adapter, source)).rejects.toThrow(/not answer a JSON array/);
	});

	it('fails the source when the list is larger than a page may be', async () => {
		const { source } = await serve(await fixture('api-gouv-fr', 'apis.json'));
		await expect(runAdapter(adapter, source, { limits: { maxPageBytes: 100 } })).rejects.toThrow(
			/larger than 100 bytes/,
		);
	});

	it('skips the records it cannot name, keeps the rest, and never follows a javascript: link', async () => {
		const { source } = await serve(await fixture('api-gouv-fr', 'hostile-records.json'));
		const run = await runAdapter(adapter, source);
		expect(run.records.map((r) => r.sourceId)).toEqual(['hostile-but-valid-slug', 'LaBonneBoite']);
		// HTML in a title is handed on as the source states it; the normaliser strips it.
		expect(run.records[0]?.sourceUrl).toBe('https://api.gouv.fr/les-api/hostile-but-valid-slug');
		expect(run.skipped).toEqual([
			{
				sourceId: 'javascript:alert(1)',
				field: 'slug',
				reason: 'is missing or not a page name of the catalogue',
			},
			{ sourceId: 'title-not-text', field: 'title', reason: 'is missing' },
			{ field: 'record', reason: 'is not a JSON object' },
		]);
		const text = yieldedText(run);
		expect(text).not.toContain('HOSTILE TAGLINE TEXT');
		expect(
			run.records.flatMap((r) => [r.sourceUrl, r.homepage, r.docs, r.baseUrl]),
		).not.toContainEqual(expect.stringMatching(/^javascript:/));
	});

	it('stops at the most records it may yield', async () => {
		const { source } = await serve(await fixture('api-gouv-fr', 'apis.json'));
		const run = await runAdapter(adapter, source, { limits: { maxRecords: 2 } });
		expect(run.records).toHaveLength(2);
	});
});
