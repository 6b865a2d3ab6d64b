import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/lib/import/adapter.ts';
import { idSuffix } from '../../src/lib/import/assign-ids.ts';
import { skipLine } from '../../src/lib/import/import-report.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { readImportedSource } from '../../src/lib/state/imported-files.ts';
import { apiRecord, importDataDir, records, sourceYaml } from './helpers/import-fixture.ts';
import { loadJsonlAdapter } from './helpers/jsonl-adapter.ts';
import { type RecordsServer, startRecordsServer } from './helpers/records-server.ts';

let server: RecordsServer;
let second: RecordsServer;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
	server = await startRecordsServer();
	second = await startRecordsServer();
});
afterAll(async () => {
	await server.close();
	await second.close();
});
beforeEach(async () => {
	server.failPage = undefined;
	server.hangPage = undefined;
	server.pageSize = 1000;
	server.etagPadding = '';
	second.failPage = undefined;
	second.set(records(3, 500));
	({ dir, cleanup } = await importDataDir({
		'test-src': sourceYaml('test-src', server.url),
		'other-src': sourceYaml('other-src', second.url),
	}));
});
afterEach(async () => {
	await cleanup();
});

const night = (date: string, only = ['test-src', 'other-src']) =>
	runImport({
		dataDir: dir,
		only,
		allowPrivate: true,
		dryRun: false,
		now: new Date(`${date}T03:00:00Z`),
		loadAdapter: loadJsonlAdapter,
	});
const reportOf = (result: Awaited<ReturnType<typeof night>>, id = 'test-src') =>
	result.reports.find((r) => r.source === id);
const recordsFile = () => readFile(join(dir, 'imported', 'test-src', 'records.ndjson'), 'utf8');

describe('an import over three nights', () => {
	it('counts added, updated, delisted and removed records and keeps delisted ones 30 days', async () => {
		server.set(records(12));
		const first = reportOf(await night('2026-11-01'));
		expect(first).toMatchObject({ outcome: 'imported', records: 12 });
		expect(first?.counts).toMatchObject({ added: 12, updated: 0, delisted: 0, removed: 0 });

		// Night 2: record 3 renamed, record 12 gone, record 13 new.
		const tonight = records(12).filter((r) => r.sourceId !== 'rec-12');
		tonight[2] = apiRecord(3, { title: 'Register API number three, renamed' });
		server.set([...tonight, apiRecord(13)]);
		const secondNight = reportOf(await night('2026-11-02'));
		expect(secondNight?.counts).toMatchObject({ added: 1, updated: 1, delisted: 1, removed: 0 });
		const after2 = await readImportedSource(dir, 'test-src');
		const gone = after2.records.find((r) => r.provenance.sourceId === 'rec-12');
		expect(gone?.provenance.delistedAt).toBe('2026-11-02');
		expect(after2.records).toHaveLength(13);

		// Night 3, more than 30 days later: the delisted record goes.
		server.set([...tonight, apiRecord(13), apiRecord(14)]);
		const third = reportOf(await night('2026-12-03'));
		expect(third?.counts).toMatchObject({ added: 1, updated: 0, delisted: 0, removed: 1 });
		const after3 = await readImportedSource(dir, 'test-src');
		expect(after3.records.map((r) => r.provenance.sourceId)).not.toContain('rec-12');
		expect(after3.records.find((r) => r.provenance.sourceId === 'rec-1')?.provenance).toMatchObject(
			{
				firstSeen: '2026-11-01',
			},
		);
		expect(after3.state).toMatchObject({ lastOutcome: 'imported', failures: 0 });
		expect(after3.problems).toEqual([]);
	});

	it('keeps ids when the source reorders its records or renames one', async () => {
		server.set(records(5));
		await night('2026-11-01');
		const idsBefore = new Map(
			(await readImportedSource(dir, 'test-src')).records.map((r) => [
				r.provenance.sourceId,
				r.entry.id,
			]),
		);
		const renamed = records(5).reverse();
		renamed[0] = apiRecord(5, { title: 'An entirely different title' });
		server.set(renamed);
		await night('2026-11-02');
		const idsAfter = new Map(
			(await readImportedSource(dir, 'test-src')).records.map((r) => [
				r.provenance.sourceId,
				r.entry.id,
			]),
		);
		expect(idsAfter).toEqual(idsBefore);
		expect(idsAfter.get('rec-5')).toBe('fr-register-api-number-5');
	});
});

describe('a source that fails or collapses', () => {
	it('keeps the previous import byte for byte when the source fails mid-way, and the night goes on', async () => {
		server.set(records(30));
		server.pageSize = 10;
		await night('2026-11-01');
		const before = await recordsFile();
		const publishersBefore = await readFile(join(dir, 'imported', 'test-src', 'publishers.ndjson'));

		server.set(records(31));
		server.failPage = 2;
		const result = await night('2026-11-02');
		expect(result.status).toBe('completed');
		expect(reportOf(result)).toMatchObject({ outcome: 'failed', records: 30 });
		expect(reportOf(result)?.error).toContain('answered HTTP 500');
		// The other source answered (304: nothing new), so the night went on and is not unreachable.
		expect(reportOf(result, 'other-src')?.outcome).toBe('unchanged');
		expect(await recordsFile()).toBe(before);
		expect(await readFile(join(dir, 'imported', 'test-src', 'publishers.ndjson'))).toEqual(
			publishersBefore,
		);
		const { state } = await readImportedSource(dir, 'test-src');
		expect(state).toMatchObject({
			lastOutcome: 'failed',
			failures: 1,
			lastSuccessAt: '2026-11-01T03:00:00Z',
		});
	});

	it('cuts off a source that hangs at its deadline, keeping its previous import', async () => {
		server.set(records(5));
		server.pageSize = 2;
		await night('2026-11-01');
		const before = await recordsFile();
		server.set(records(6));
		server.hangPage = 2;
		const started = Date.now();
		const result = await runImport({
			dataDir: dir,
			allowPrivate: true,
			dryRun: false,
			now: new Date('2026-11-02T03:00:00Z'),
			loadAdapter: loadJsonlAdapter,
			sourceDeadlineMs: 500,
		});
		expect(reportOf(result)).toMatchObject({
			outcome: 'failed',
			error: 'took longer than 1 s, the limit for one source',
		});
		// Cut at the deadline, not by the client's own 15-second header timeout.
		expect(Date.now() - started).toBeLessThan(5000);
		expect(await recordsFile()).toBe(before);
	});

	it('leaves the sources it had no time for untouched, without counting a failure', async () => {
		server.set(records(3));
		const result = await runImport({
			dataDir: dir,
			allowPrivate: true,
			dryRun: false,
			loadAdapter: loadJsonlAdapter,
			runBudgetMs: -1,
		});
		expect(result.reports.map((r) => r.outcome)).toEqual(['failed', 'failed']);
		expect(result.reports[0]?.error).toMatch(/^not started: the night's import ran past/);
		expect((await readImportedSource(dir, 'test-src')).state).toBeUndefined();
	});

	it('calls a 90 % drop a collapse and keeps the previous import', async () => {
		server.set(records(20));
		await night('2026-11-01');
		const before = await recordsFile();
		server.set(records(2));
		const report = reportOf(await night('2026-11-02'));
		expect(report).toMatchObject({ outcome: 'collapsed', records: 20 });
		expect(report?.error).toBe('listed 2 records, down from 20; the previous import is kept');
		expect(await recordsFile()).toBe(before);
		expect((await readImportedSource(dir, 'test-src')).state).toMatchObject({
			lastOutcome: 'collapsed',
			failures: 1,
		});
	});

	it('reports unreachable and records nothing when no source could be read', async () => {
		server.set(records(3));
		await night('2026-11-01');
		const stateBefore = await readFile(join(dir, 'imported', 'test-src', 'state.json'), 'utf8');
		server.failPage = 1;
		second.failPage = 1;
		const result = await night('2026-11-02');
		expect(result.status).toBe('unreachable');
		expect(await readFile(join(dir, 'imported', 'test-src', 'state.json'), 'utf8')).toBe(
			stateBefore,
		);
	});
});

describe('conditional requests', () => {
	it('sends the last ETag and calls a 304 unchanged, keeping the import', async () => {
		server.set(records(4));
		await night('2026-11-01', ['test-src']);
		const before = await recordsFile();
		server.requests.length = 0;
		const report = reportOf(await night('2026-11-02', ['test-src']));
		expect(server.requests[0]?.ifNoneMatch).toMatch(/^"v\d+"$/);
		expect(report).toMatchObject({ outcome: 'unchanged', records: 4 });
		expect(await recordsFile()).toBe(before);
		expect((await readImportedSource(dir, 'test-src')).state?.lastOutcome).toBe('unchanged');
	});

	it('imports a source whose ETag is longer than state.json keeps, without remembering it', async () => {
		server.set(records(4));
		server.etagPadding = 'x'.repeat(600);
		const report = reportOf(await night('2026-11-01', ['test-src']));
		expect(report).toMatchObject({ outcome: 'imported', records: 4 });
		expect((await readImportedSource(dir, 'test-src')).state?.validators).toEqual([]);
		server.requests.length = 0;
		await night('2026-11-02', ['test-src']);
		expect(server.requests[0]?.ifNoneMatch).toBeUndefined();
	});

	it('still removes records delisted more than 30 days on an unchanged night', async () => {
		server.set(records(4));
		await night('2026-11-01', ['test-src']);
		server.set(records(3));
		await night('2026-11-02', ['test-src']);
		const report = reportOf(await night('2026-12-05', ['test-src']));
		expect(report).toMatchObject({ outcome: 'unchanged', records: 3 });
		expect(report?.counts.removed).toBe(1);
		expect((await readImportedSource(dir, 'test-src')).records).toHaveLength(3);
	});
});

describe('hostile and clashing records', () => {
	it('strips HTML from titles, drops javascript: URLs and skips a record left without a URL', async () => {
		server.set([
			apiRecord(1, {
				title: '<b>Open</b> <script>alert(1)</script>Data &lt;i&gt;API&lt;/i&gt;',
				homepage: 'javascript:alert(1)',
			}),
			apiRecord(2, { baseUrl: 'javascript:alert(document.cookie)' }),
			...records(3, 3),
		]);
		const report = reportOf(await night('2026-11-01', ['test-src']));
		const { records: kept } = await readImportedSource(dir, 'test-src');
		const first = kept.find((r) => r.provenance.sourceId === 'rec-1');
		expect(first?.entry.title).toBe('Open Data API');
		expect(first?.entry.homepage).toBeUndefined();
		expect(kept.map((r) => r.provenance.sourceId)).not.toContain('rec-2');
		expect(report?.counts.skipped).toBe(1);
		expect(report?.skipped.map((s) => skipLine('test-src', s))).toEqual([
			'test-src: rec-2: baseUrl: uses the javascript: scheme — only https:// (or http://) URLs are allowed',
		]);
		expect(report?.dropped.first.map((s) => skipLine('test-src', s))).toEqual([
			'test-src: rec-1: homepage: uses the javascript: scheme — only https:// (or http://) URLs are allowed',
		]);
	});

	it('holds an adapter’s own output to the harvest caps, skipping what exceeds them', async () => {
		const oversized: Adapter = async function* () {
			yield { record: apiRecord(1, { title: 'T'.repeat(5000) }) };
			yield { record: apiRecord(2) };
		};
		const result = await runImport({
			dataDir: dir,
			only: ['test-src'],
			allowPrivate: true,
			dryRun: false,
			loadAdapter: async () => oversized,
		});
		expect(reportOf(result)?.skipped).toEqual([
			{
				sourceId: 'rec-1',
				field: 'title',
				reason: 'Too big: expected string to have <=2000 characters',
			},
		]);
		expect(reportOf(result)?.records).toBe(1);
	});

	it('gives a clashing title the hash suffix, and never a hand-written entry’s id', async () => {
		server.set([
			apiRecord(1, { title: 'Sample API' }),
			apiRecord(2, { title: 'Twin API' }),
			apiRecord(3, { title: 'Twin API' }),
		]);
		await night('2026-11-01', ['test-src']);
		const ids = (await readImportedSource(dir, 'test-src')).records.map((r) => r.entry.id).sort();
		expect(ids).toEqual(
			[
				`fr-sample-api-${idSuffix('test-src', 'rec-1')}`,
				'fr-twin-api',
				`fr-twin-api-${idSuffix('test-src', 'rec-3')}`,
			].sort(),
		);
		expect(idSuffix('test-src', 'rec-1')).toMatch(/^[0-9a-f]{6}$/);
	});
});
