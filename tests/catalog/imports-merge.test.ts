import { execFile } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load-catalog.ts';
import { IMPORT_FIX } from '../../src/lib/catalog/messages.ts';
import { formatProblem } from '../../src/lib/catalog/problem.ts';
import {
	importedLine,
	importState,
	ndjson,
	shippedSourceYaml,
} from '../helpers/import-fixtures.ts';
import { apiEntry, DINUM_PUBLISHER, tempDataDir } from '../helpers/temp-catalog.ts';

const root = join(import.meta.dirname, '..', '..');
const NOW = new Date('2026-11-20T12:00:00Z');

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
	await cleanup?.();
	cleanup = undefined;
});

async function load(files: Record<string, string>) {
	const temp = await tempDataDir({
		'publishers/dinum.yaml': DINUM_PUBLISHER,
		'sources/api-gouv-fr.yaml': await shippedSourceYaml('api-gouv-fr'),
		'sources/data-europa-eu.yaml': await shippedSourceYaml('data-europa-eu'),
		...files,
	});
	cleanup = temp.cleanup;
	const catalog = await loadCatalog(temp.dir, { now: NOW });
	return { catalog, lines: catalog.problems.map((p) => formatProblem(p, temp.dir)) };
}

describe('imported records in the catalog', () => {
	it('loads an imported record as an entry with its provenance and no description', async () => {
		const { catalog, lines } = await load({
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine('api-gouv-fr', 'x1', {
					baseUrl: 'https://api.example.gouv.fr/imported',
					sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/imported' }],
				}),
			),
		});
		expect(lines).toEqual([]);
		const entry = catalog.entries.find((e) => e.id === 'fr-imported-api');
		expect(entry?.imported).toBe(true);
		expect(entry?.body).toBe('');
		expect(entry?.path).toBe('imported/api-gouv-fr/records.ndjson');
		expect(entry?.provenance?.map((p) => p.source)).toEqual(['api-gouv-fr']);
		expect(catalog.files).toMatchObject({ entries: 0, imported: 1 });
	});

	it('reads a source stored in shards (records/<hh>.ndjson) like a single file', async () => {
		const { catalog, lines } = await load({
			'imported/api-gouv-fr/records/0a.ndjson': ndjson(
				importedLine('api-gouv-fr', 'a', { id: 'fr-first', baseUrl: 'https://a.example.gouv.fr' }),
			),
			'imported/api-gouv-fr/records/f3.ndjson': ndjson(
				importedLine('api-gouv-fr', 'b', { id: 'fr-second', baseUrl: 'https://b.example.gouv.fr' }),
			),
		});
		expect(lines).toEqual([]);
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-first', 'fr-second']);
	});

	it('lets a hand-written entry win over an import of the same API, which then lists the source', async () => {
		const { catalog, lines } = await load({
			'catalog/fr/fr-sample-api.md': apiEntry(),
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine(
					'api-gouv-fr',
					'sample',
					{
						id: 'fr-sample-import',
						baseUrl: 'https://API.example.gouv.fr/v1/',
						sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/sample' }],
					},
					{ sourceUrl: 'https://api.gouv.fr/les-api/sample' },
				),
			),
		});
		expect(lines).toEqual([]);
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-sample-api']);
		const [entry] = catalog.entries;
		expect(entry?.imported).toBeUndefined();
		expect(entry?.body).toContain('A valid description.');
		expect(entry?.data.sources).toEqual([
			{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/sample' },
		]);
		expect(entry?.provenance?.map((p) => p.sourceId)).toEqual(['sample']);
		expect(catalog.files.imported).toBe(0);
	});

	it('matches a hand-written entry by the import’s page in the catalogue', async () => {
		const { catalog } = await load({
			'catalog/fr/fr-sample-api.md': apiEntry({
				sources: '[{ catalogue: api-gouv-fr, url: "https://api.gouv.fr/les-api/sample" }]',
			}),
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine(
					'api-gouv-fr',
					'sample',
					{ id: 'fr-other', baseUrl: 'https://elsewhere.example.gouv.fr' },
					{ sourceUrl: 'https://api.gouv.fr/les-api/sample/' },
				),
			),
		});
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-sample-api']);
		expect(catalog.entries[0]?.provenance).toHaveLength(1);
	});

	it('makes the same API in two catalogues one record listing both, keeping the national id', async () => {
		const spec = { url: 'https://api.example.gouv.fr/openapi.json', format: 'openapi' };
		const { catalog, lines } = await load({
			// data.europa.eu sorts first by name but ranks after the official national catalogue.
			'imported/data-europa-eu/records.ndjson': ndjson(
				importedLine(
					'data-europa-eu',
					'eu-1',
					{
						id: 'fr-shared-api-from-europa',
						spec,
						sources: [
							{ catalogue: 'data-europa-eu', url: 'https://data.europa.eu/data/datasets/shared' },
						],
					},
					{ sourceUrl: 'https://data.europa.eu/data/datasets/shared' },
				),
			),
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine(
					'api-gouv-fr',
					'fr-1',
					{
						id: 'fr-shared-api',
						spec,
						sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/shared' }],
					},
					{ sourceUrl: 'https://api.gouv.fr/les-api/shared' },
				),
			),
		});
		expect(lines).toEqual([]);
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-shared-api']);
		const [entry] = catalog.entries;
		expect(entry?.provenance?.map((p) => p.source)).toEqual(['api-gouv-fr', 'data-europa-eu']);
		expect(entry?.data.sources?.map((s) => s.catalogue)).toEqual(['api-gouv-fr', 'data-europa-eu']);
		expect(catalog.files.imported).toBe(1);
	});

	it('keeps two APIs apart when all they share is a gateway host, or one catalogue lists both', async () => {
		const gateway = 'https://api.service.example.gov.uk';
		const line = (sourceId: string, id: string, extra: Record<string, unknown>) =>
			importedLine(
				'api-gouv-fr',
				sourceId,
				{
					id,
					...extra,
					sources: [{ catalogue: 'api-gouv-fr', url: `https://api.gouv.fr/les-api/${sourceId}` }],
				},
				{ sourceUrl: `https://api.gouv.fr/les-api/${sourceId}` },
			);
		const { catalog, lines } = await load({
			'imported/api-gouv-fr/records.ndjson': ndjson(
				line('vat', 'fr-vat-api', { baseUrl: gateway }),
				line('paye', 'fr-paye-api', { baseUrl: `${gateway}/` }),
				line('twin-a', 'fr-twin-a', { baseUrl: `${gateway}/twins/v1` }),
				line('twin-b', 'fr-twin-b', { baseUrl: `${gateway}/twins/v1` }),
			),
		});
		expect(lines).toEqual([]);
		expect(catalog.entries.map((e) => e.id)).toEqual([
			'fr-paye-api',
			'fr-twin-a',
			'fr-twin-b',
			'fr-vat-api',
		]);
	});

	it('reports a corrupt line with its file, line and field, and loads the rest', async () => {
		const { catalog, lines } = await load({
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine('api-gouv-fr', 'a', { id: 'fr-first', baseUrl: 'https://a.example.gouv.fr' }),
				'{"provenance": {"source": "api-gouv-fr"', // cut off mid-write
				importedLine('api-gouv-fr', 'c', { id: 'fr-third', title: 42 }),
				importedLine('api-gouv-fr', 'd', { id: 'fr-fourth', baseUrl: 'https://d.example.gouv.fr' }),
			),
		});
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-first', 'fr-fourth']);
		const file = 'imported/api-gouv-fr/records.ndjson';
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(
			new RegExp(`^${file}:2: line: is not a JSON record .* — ${IMPORT_FIX}$`),
		);
		expect(lines[1]).toMatch(new RegExp(`^${file}:3: entry.title: .* — ${IMPORT_FIX}$`));
		expect(catalog.problems.every((p) => p.severity === 'error')).toBe(true);
	});

	it('rejects a hostile imported record written into the file past the normaliser', async () => {
		const { catalog, lines } = await load({
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine('api-gouv-fr', 'evil', {
					id: 'fr-evil',
					title: '<img src=x onerror=alert(1)>Evil API',
					baseUrl: 'https://evil.example.gouv.fr',
				}),
				importedLine('api-gouv-fr', 'evil-url', {
					id: 'fr-evil-url',
					docs: 'javascript:alert(document.cookie)',
					baseUrl: 'https://evil-url.example.gouv.fr',
				}),
				importedLine('api-gouv-fr', 'local', {
					id: 'fr-local',
					baseUrl: 'http://127.0.0.1:8080/admin',
				}),
				importedLine('api-gouv-fr', 'good', {
					id: 'fr-good',
					baseUrl: 'https://good.example.gouv.fr',
				}),
			),
		});
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-good']);
		expect(lines.map((l) => l.split(': ').slice(0, 2).join(': ')).sort()).toEqual([
			'imported/api-gouv-fr/records.ndjson:1: entry.title',
			'imported/api-gouv-fr/records.ndjson:2: entry.docs',
			'imported/api-gouv-fr/records.ndjson:3: entry.baseUrl',
		]);
	});

	it('keeps ids as stored, and reports an id a different hand-written entry holds', async () => {
		const { catalog, lines } = await load({
			'catalog/fr/fr-sample-api.md': apiEntry(),
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine('api-gouv-fr', 'a', {
					id: 'fr-sample-api',
					baseUrl: 'https://different.example.gouv.fr',
				}),
				importedLine('api-gouv-fr', 'b', {
					id: 'fr-kept-as-stored',
					title: 'A title that would slug differently',
					baseUrl: 'https://b.example.gouv.fr',
				}),
			),
		});
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-kept-as-stored', 'fr-sample-api']);
		expect(lines).toEqual([
			`imported/api-gouv-fr/records.ndjson:1: entry.id: "fr-sample-api" is also used by catalog/fr/fr-sample-api.md, which is not the same API — ${IMPORT_FIX} (it then gets an id of its own)`,
		]);
	});

	it('adds imported publishers to the register without official domains, and resolves matched ones', async () => {
		const { catalog, lines } = await load({
			'imported/api-gouv-fr/publishers.ndjson': ndjson(
				JSON.stringify({ id: 'dinum', name: 'DINUM', country: 'FR', matched: true }),
				JSON.stringify({
					id: 'fr-mairie-de-test',
					name: 'Mairie de Test',
					country: 'FR',
					homepage: 'https://www.mairie-test.fr/',
					matched: false,
				}),
				JSON.stringify({ id: 'fr-evil-body', name: '<b>Evil</b>', country: 'FR', matched: false }),
			),
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine('api-gouv-fr', 'a', {
					id: 'fr-mairie-api',
					publisher: 'fr-mairie-de-test',
					baseUrl: 'https://api.mairie-test.fr',
				}),
				importedLine('api-gouv-fr', 'b', {
					id: 'fr-evil-body-api',
					publisher: 'fr-evil-body',
					baseUrl: 'https://api.evil-body.fr',
				}),
			),
		});
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-mairie-api']);
		expect(catalog.registerPublishers.get('dinum')).toBe(catalog.publishers.get('dinum'));
		expect(catalog.registerPublishers.get('fr-mairie-de-test')).toEqual({
			id: 'fr-mairie-de-test',
			name: 'Mairie de Test',
			country: 'FR',
			homepage: 'https://www.mairie-test.fr/',
			officialDomains: [],
			githubOrgs: [],
			imported: { source: 'api-gouv-fr' },
		});
		expect(catalog.publishers.has('fr-mairie-de-test')).toBe(false);
		expect(lines.map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
			'imported/api-gouv-fr/publishers.ndjson:3: name',
			'imported/api-gouv-fr/records.ndjson:2: entry.publisher',
		]);
	});

	it('reports an imported folder that belongs to no source, and loads none of it', async () => {
		const { catalog, lines } = await load({
			'imported/nowhere/records.ndjson': ndjson(
				importedLine('nowhere', 'a', { baseUrl: 'https://a.example.gouv.fr' }),
			),
		});
		expect(catalog.entries).toEqual([]);
		expect(lines).toEqual([
			'imported/nowhere: file: imported/nowhere/ belongs to no valid source — add data/sources/nowhere.yaml (and fix it if it has errors), or delete the folder',
		]);
	});

	it('reads each source’s import state', async () => {
		const state = importState('api-gouv-fr', {
			lastRunAt: '2026-11-19T02:00:00Z',
			lastOutcome: 'failed',
			lastSuccessAt: '2026-11-18T02:00:00Z',
			lastError: 'HTTP 500',
			failures: 1,
		});
		const { catalog, lines } = await load({
			'imported/api-gouv-fr/state.json': `${JSON.stringify(state, null, 2)}\n`,
		});
		expect(lines).toEqual([]);
		expect(catalog.importStates.get('api-gouv-fr')).toEqual(state);
	});
});

describe('npm run validate with imported records', () => {
	it('counts imported records beside the entries, and fails on a corrupt imported line', async () => {
		const temp = await tempDataDir({
			'sources/api-gouv-fr.yaml': await shippedSourceYaml('api-gouv-fr'),
			'imported/api-gouv-fr/records.ndjson': ndjson(
				importedLine('api-gouv-fr', 'a', { id: 'fr-first', baseUrl: 'https://a.example.gouv.fr' }),
			),
		});
		cleanup = temp.cleanup;
		await cp(join(root, 'tests', 'fixtures', 'valid-catalog'), temp.dir, { recursive: true });
		const validate = async () => {
			try {
				const { stderr } = await promisify(execFile)(
					process.execPath,
					['scripts/validate.ts', '--data-dir', temp.dir],
					{ cwd: root },
				);
				return { code: 0, stderr };
			} catch (error) {
				return error as { code: number; stderr: string };
			}
		};
		const clean = await validate();
		expect(clean.code).toBe(0);
		expect(clean.stderr).toContain('2 entries (+1 imported), 2 publishers, 1 sources: 0 errors');

		await writeFile(
			join(temp.dir, 'imported', 'api-gouv-fr', 'records.ndjson'),
			ndjson(
				importedLine('api-gouv-fr', 'a', { id: 'fr-first', baseUrl: 'https://a.example.gouv.fr' }),
				'{not json',
			),
		);
		const corrupt = await validate();
		expect(corrupt.code).toBe(1);
		expect(corrupt.stderr).toContain('2 entries (+1 imported), 2 publishers, 1 sources: 1 error');
	});
});
