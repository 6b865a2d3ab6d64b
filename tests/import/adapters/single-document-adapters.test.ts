import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../../src/lib/import/adapter.ts';
import { adapter as apiGouvFr } from '../../../src/lib/import/adapters/api-gouv-fr.ts';
import { adapter as apisGuru } from '../../../src/lib/import/adapters/apis-guru.ts';
import { adapter as bundDev } from '../../../src/lib/import/adapters/bund-dev.ts';
import { adapter as dataportalsRegistry } from '../../../src/lib/import/adapters/dataportals-registry.ts';
import {
	expectUnchangedOnSecondRun,
	JSON_TYPE,
	runAdapter,
	serveDocument,
	unchangedSince,
} from '../../helpers/import-http.ts';

/**
 * What every catalogue published as one document shares, checked once for all of them: it is
 * fetched conditionally (a 304 leaves the last import as it is) and a server error fails the
 * source. Each adapter's own test covers what its document holds.
 */
const ADAPTERS: { id: string; adapter: Adapter; path: string; empty: string; type: string }[] = [
	{ id: 'api-gouv-fr', adapter: apiGouvFr, path: '/api/v1/apis', empty: '[]', type: 'json' },
	{ id: 'apis-guru', adapter: apisGuru, path: '/v2/list.json', empty: '{}', type: 'json' },
	{ id: 'bund-dev', adapter: bundDev, path: '/', empty: '[]', type: 'json' },
	{
		id: 'dataportals-registry',
		adapter: dataportalsRegistry,
		path: '/data/datasets/full.jsonl',
		empty: '',
		type: 'text',
	},
];

describe.each(ADAPTERS)(
	'the $id adapter, as a one-document catalogue',
	({ id, adapter, path, empty, type }) => {
		const headers = type === 'json' ? JSON_TYPE : { 'content-type': 'text/plain' };

		it('is conditional: 304 leaves the source unchanged', async () => {
			const { server, source } = await serveDocument(
				id,
				path,
				unchangedSince('"v1"', headers, empty),
			);
			await expectUnchangedOnSecondRun(adapter, source, `${server.origin}${path}`, '"v1"');
		});

		it('fails the source on a server error', async () => {
			const { source } = await serveDocument(id, path, { status: 500, body: 'boom' });
			await expect(runAdapter(adapter, source)).rejects.toThrow(/answered HTTP 500/);
		});
	},
);
