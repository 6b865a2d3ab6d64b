import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load-catalog.ts';
import {
	registerOfCatalog,
	registerOfCatalogPart,
} from '../../src/lib/register/register-from-disk.ts';
import { apiEntry, DINUM_PUBLISHER, tempDataDir } from '../helpers/temp-catalog.ts';

const BUILT_AT = new Date('2026-11-26T02:00:00Z');
const IDS = ['fr-alpha-api', 'fr-beta-api', 'fr-gamma-api'];
const OTHER = 'fr-gamma-api';
const keep = (id: string) => id !== OTHER;

/** Three APIs, one night of history for all three, and a corrupt snapshot of the third. */
async function fixture() {
	const files: Record<string, string> = {
		'publishers/dinum.yaml': DINUM_PUBLISHER,
		'snapshots/fr-gamma-api.json': '{ not json',
		'history/2026/2026-11-25.json': JSON.stringify({
			date: '2026-11-25',
			outcomes: Object.fromEntries(IDS.map((id) => [id, 'U'])),
			changes: [],
			runs: [],
		}),
	};
	for (const [i, id] of IDS.entries())
		files[`catalog/fr/${id}.md`] = apiEntry({
			id,
			title: `API ${id}`,
			baseUrl: `https://api${i}.example.gouv.fr/v1`,
		});
	const data = await tempDataDir(files);
	const catalog = await loadCatalog(data.dir, { allowPrivate: true, now: BUILT_AT });
	return { ...data, catalog };
}

describe('the register of part of a catalog (a shard after the first)', () => {
	let cleanup: (() => Promise<void>) | undefined;
	afterEach(async () => {
		await cleanup?.();
		cleanup = undefined;
	});

	it('reads the measurements of its own records only, so another record’s corrupt snapshot does not stop it', async () => {
		const { catalog, cleanup: done } = await fixture();
		cleanup = done;
		// The whole register reads every snapshot, the corrupt one too.
		await expect(registerOfCatalog(catalog, BUILT_AT)).rejects.toThrow(/corrupt/);
		const part = await registerOfCatalogPart(catalog, BUILT_AT, new Map(), keep);
		expect(part.records.map((r) => r.id).sort()).toEqual(['fr-alpha-api', 'fr-beta-api']);
		expect([...part.byId.keys()].sort()).toEqual(['fr-alpha-api', 'fr-beta-api']);
		expect(part.records[0]?.history.strip.at(-2)).toBe('U');
	});

	it('lists every record of the catalog in brief, with its kind and publisher, for the whole-register aggregates', async () => {
		const { catalog, cleanup: done } = await fixture();
		cleanup = done;
		const part = await registerOfCatalogPart(catalog, BUILT_AT, new Map(), keep);
		expect(part.everyRecord?.map((r) => [r.id, r.kind, r.publisher.id]).sort()).toEqual(
			IDS.map((id) => [id, 'api', 'dinum']),
		);
	});
});
