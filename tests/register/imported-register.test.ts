import { afterEach, describe, expect, it } from 'vitest';
import { registerFromDisk } from '../../src/lib/register/register-from-disk.ts';
import { recordFilters } from '../../src/lib/search/record-search-data.ts';
import { delistingNotice } from '../../src/lib/site/source-facts.ts';
import {
	importedLine,
	importState,
	ndjson,
	shippedSourceYaml,
} from '../helpers/import-fixtures.ts';
import { apiEntry, DINUM_PUBLISHER, tempDataDir } from '../helpers/temp-catalog.ts';

const NOW = new Date('2026-11-26T03:00:00Z');

/** An open DINUM API that api.gouv.fr lists at its page for `id`. */
const line = (id: string, baseUrl: string, provenance: Record<string, string> = {}) =>
	importedLine(
		'api-gouv-fr',
		id,
		{ id, title: `Imported ${id}`, baseUrl },
		{ sourceUrl: `https://api.gouv.fr/les-api/${id}`, ...provenance },
	);

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
	await cleanup?.();
	cleanup = undefined;
});

describe('the register with imported records', () => {
	it('knows every source, its import state, the records it lists and each record’s listings', async () => {
		const state = importState('api-gouv-fr', { counts: { records: 2, delisted: 1 } });
		const temp = await tempDataDir({
			'publishers/dinum.yaml': DINUM_PUBLISHER,
			'catalog/fr/fr-sample-api.md': apiEntry(),
			'sources/api-gouv-fr.yaml': await shippedSourceYaml('api-gouv-fr'),
			'sources/data-gouv-fr.yaml': await shippedSourceYaml('data-gouv-fr'),
			'imported/api-gouv-fr/records.ndjson': ndjson(
				line('fr-gone', 'https://gone.example.gouv.fr', { delistedAt: '2026-11-24' }),
				line('fr-sample-listing', 'https://api.example.gouv.fr/v1'),
			),
			'imported/api-gouv-fr/state.json': JSON.stringify(state),
		});
		cleanup = temp.cleanup;
		const register = await registerFromDisk(temp.dir, { now: NOW });

		expect(register.records.map((r) => [r.id, r.imported])).toEqual([
			['fr-gone', true],
			['fr-sample-api', false],
		]);
		const [apiGouv, dataGouv] = register.sources;
		expect(apiGouv?.id).toBe('api-gouv-fr');
		expect(apiGouv?.state?.lastOutcome).toBe('imported');
		expect(apiGouv?.records.map((r) => r.id)).toEqual(['fr-gone', 'fr-sample-api']);
		expect(dataGouv).toMatchObject({ id: 'data-gouv-fr', state: null, records: [] });

		const gone = register.byId.get('fr-gone');
		expect(gone?.sourcePath).toBe('data/imported/api-gouv-fr/records.ndjson');
		expect(gone?.listedBy).toEqual([
			{
				source: 'api-gouv-fr',
				name: 'api.gouv.fr',
				pageUrl: 'https://api.gouv.fr/les-api/fr-gone',
				firstSeen: '2026-11-10',
				delistedAt: '2026-11-24',
			},
		]);
		const listing = gone?.listedBy[0];
		expect(listing && delistingNotice(listing)).toBe('Delisted by api.gouv.fr on 2026-11-24');
		const sample = register.byId.get('fr-sample-api');
		expect(sample?.entry.sources).toEqual([
			{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/fr-sample-listing' },
		]);
		expect(sample && recordFilters(sample).source).toEqual(['api.gouv.fr']);
		// The listing in an official catalogue is claimed as proof (the verifier then confirms it).
		const backlink = sample?.score.proofs.find((p) => p.signal === 'portal-backlink');
		expect(backlink?.status).not.toBe('not-claimed');
	});
});
