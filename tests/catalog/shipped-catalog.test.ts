import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, loadCatalog } from '../../src/lib/catalog/load-catalog.ts';
import { formatProblem } from '../../src/lib/catalog/problem.ts';

const dataDir = join(import.meta.dirname, '..', '..', 'data');
let catalog: Catalog;

beforeAll(async () => {
	catalog = await loadCatalog(dataDir);
});

describe('the shipped catalog', () => {
	it('has no errors', () => {
		const errors = catalog.problems
			.filter((p) => p.severity === 'error')
			.map((p) => formatProblem(p));
		expect(errors).toEqual([]);
	});

	it('parses every entry file', async () => {
		const files = (await readdir(join(dataDir, 'catalog'), { recursive: true })).filter((f) =>
			f.endsWith('.md'),
		);
		expect(catalog.entries.filter((e) => !e.imported)).toHaveLength(files.length);
	});

	it('holds at least 60 real entries: 40 APIs and 15 datasets', () => {
		const apis = catalog.entries.filter((e) => e.data.kind === 'api');
		const datasets = catalog.entries.filter((e) => e.data.kind === 'dataset');
		expect(catalog.entries.length).toBeGreaterThanOrEqual(60);
		expect(apis.length).toBeGreaterThanOrEqual(40);
		expect(datasets.length).toBeGreaterThanOrEqual(15);
	});

	it('covers at least 12 countries plus EU institutions', () => {
		const countries = new Set(catalog.entries.map((e) => e.data.country));
		expect(countries.has('EU')).toBe(true);
		expect(countries.size - 1).toBeGreaterThanOrEqual(12);
	});

	it('includes API CaptchEtat from the launch card', () => {
		const captchetat = catalog.entries.find((e) => e.id === 'fr-api-captchetat');
		expect(captchetat?.data).toMatchObject({
			title: 'API CaptchEtat',
			kind: 'api',
			country: 'FR',
			access: 'key',
		});
	});

	it('carries the corrections of the catalog audit', () => {
		const byId = (id: string) => catalog.entries.find((e) => e.id === id)?.data;
		// Eurostat reuses its data under Commission Decision 2011/833/EU, not CC BY 4.0.
		expect(byId('eu-eurostat-population-1-january')).toMatchObject({
			licence: 'EC-Reuse-2011-833',
		});
		// CaptchEtat: sandbox base kept as on the launch card, production base and who may use it added.
		expect(byId('fr-api-captchetat')).toMatchObject({
			baseUrl: 'https://sandbox-api.piste.gouv.fr/piste/captchetat/v2',
			productionUrl: 'https://api.piste.gouv.fr/piste/captchetat/v2',
			accessNote: expect.stringContaining('DataPass'),
		});
		// RvIG's BRP API pages sit under /brp-api/overview/ and /brp-api/personen/.
		expect(byId('nl-brp-api-personen')).toMatchObject({
			homepage: 'https://developer.rvig.nl/brp-api/overview/',
			docs: 'https://developer.rvig.nl/brp-api/personen/',
		});
	});

	it('ships imported records from the national API catalogues, each traceable to its source', () => {
		const imported = catalog.entries.filter((e) => e.imported);
		const bySource = new Map<string, number>();
		for (const entry of imported) {
			for (const p of entry.provenance ?? [])
				bySource.set(p.source, (bySource.get(p.source) ?? 0) + 1);
			expect(entry.provenance?.length).toBeGreaterThan(0);
			expect(entry.body).toBe('');
		}
		expect(bySource.get('api-gouv-fr')).toBeGreaterThanOrEqual(100);
		expect(bySource.get('api-gov-uk')).toBeGreaterThanOrEqual(200);
		expect(bySource.get('bund-dev')).toBeGreaterThanOrEqual(40);
		// The official catalogues' own page for each record, for its full description (bund.dev has
		// none for APIs documented outside its GitHub organisation: their sourceId traces them).
		const official = imported.flatMap((e) =>
			(e.provenance ?? []).filter((p) => p.source === 'api-gouv-fr' || p.source === 'api-gov-uk'),
		);
		expect(official.filter((p) => p.sourceUrl === undefined)).toEqual([]);
	});

	it('gives every entry a description', () => {
		// Imported records carry no description of their own: their page links the source's.
		const handWritten = catalog.entries.filter((e) => !e.imported);
		expect(handWritten.filter((e) => e.body.length < 80).map((e) => e.id)).toEqual([]);
	});

	it('uses every publisher file', () => {
		const used = new Set(catalog.entries.map((e) => e.data.publisher));
		const unused = [...catalog.publishers.keys()].filter(
			(id) => !used.has(id) && ![...catalog.publishers.values()].some((p) => p.parent === id),
		);
		expect(unused).toEqual([]);
	});
});
