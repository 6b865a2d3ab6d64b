import { describe, expect, it } from 'vitest';
import { SourceFailure } from '../../../src/lib/import/adapter.ts';
import { adapter } from '../../../src/lib/import/adapters/bund-dev.ts';
import {
	type DocumentReply,
	fixture,
	JSON_TYPE,
	runAdapter,
	serveDocument,
	yieldedText,
} from '../../helpers/import-http.ts';
import { expectNoSourceProse } from '../helpers/source-prose.ts';

const serve = (reply: DocumentReply) => serveDocument('bund-dev', '/', reply);

describe('bund.dev adapter', () => {
	it('yields each listed API with its office, docs, OpenAPI spec and repository page, and no description', async () => {
		const body = await fixture('bund-dev', 'index.json');
		const { source } = await serve({ headers: JSON_TYPE, body });
		const run = await runAdapter(adapter, source);
		expect(run.skipped).toEqual([]);
		expect(run.records).toEqual([
			{
				sourceId: 'https://github.com/bundesAPI/abfallnavi-api',
				sourceUrl: 'https://github.com/bundesAPI/abfallnavi-api',
				kind: 'api',
				title: 'Abfallnavi API',
				publisher: { name: 'regio iT' },
				docs: 'https://bundesapi.github.io/abfallnavi-api/',
				spec: {
					url: 'https://raw.githubusercontent.com/bundesAPI/abfallnavi-api/main/openapi.yaml',
					format: 'openapi',
				},
			},
			{
				sourceId: 'https://github.com/bundesAPI/autobahn-api',
				sourceUrl: 'https://github.com/bundesAPI/autobahn-api',
				kind: 'api',
				title: 'Autobahn App API',
				publisher: { name: 'Autobahn GmbH' },
				docs: 'https://autobahn.api.bund.dev/',
				spec: {
					url: 'https://raw.githubusercontent.com/bundesAPI/autobahn-api/main/openapi.yaml',
					format: 'openapi',
				},
			},
			{
				sourceId: 'https://github.com/bundesAPI/tagesschau-api',
				sourceUrl: 'https://github.com/bundesAPI/tagesschau-api',
				kind: 'api',
				title: 'Tagesschau API',
				publisher: { name: 'ARD' },
				docs: 'https://bundesapi.github.io/tagesschau-api/',
				spec: {
					url: 'https://raw.githubusercontent.com/bundesAPI/tagesschau-api/main/openapi.yaml',
					format: 'openapi',
				},
			},
			{
				sourceId: 'https://github.com/bundesAPI/handelsregister',
				sourceUrl: 'https://github.com/bundesAPI/handelsregister',
				kind: 'api',
				title: 'Handelsregister',
				publisher: {
					name: 'Landesjustizverwaltung Nordrhein-Westfalen im Auftrag aller Länder der Bundesrepublik Deutschland',
				},
			},
		]);
		expectNoSourceProse(body.toString('utf8'), yieldedText(run));
	});

	it('fails the source on malformed JSON', async () => {
		const { source } = await serve({
			headers: JSON_TYPE,
			body: await fixture('bund-dev', 'malformed.json'),
		});
		await expect(runAdapter(adapter, source)).rejects.toThrow(SourceFailure);
	});

	it('skips entries without a name, drops javascript: and data: links, and keeps the rest', async () => {
		const { source } = await serve({
			headers: JSON_TYPE,
			body: await fixture('bund-dev', 'hostile-records.json'),
		});
		const run = await runAdapter(adapter, source);
		expect(run.records).toEqual([
			{
				sourceId: '<img src=x onerror=alert(1)>Hostile <b>API</b>',
				kind: 'api',
				// Markup is handed on as stated; the normaliser strips it with the entry rules.
				title: '<img src=x onerror=alert(1)>Hostile <b>API</b>',
				publisher: { name: '<script>alert(1)</script>Amt' },
			},
		]);
		expect(run.skipped).toEqual([
			{ field: 'name', reason: 'is missing' },
			{
				sourceId: 'https://github.com/bundesAPI/nameless-api',
				field: 'name',
				reason: 'is missing',
			},
			{ field: 'record', reason: 'is not a JSON object' },
		]);
		expect(yieldedText(run)).not.toMatch(/javascript:|data:text/);
		expect(yieldedText(run)).not.toContain('HOSTILE DESCRIPTION TEXT');
	});
});
