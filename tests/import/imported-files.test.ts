import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/catalog/problem.ts';
import {
	importedDir,
	listImportedSources,
	readImportedSource,
	recordBucket,
	writeImportedSource,
} from '../../src/lib/state/imported-files.ts';
import type { ImportedRecord, ImportState } from '../../src/schemas/imported.ts';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'c0mm0-imported-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

function record(n: number): ImportedRecord {
	return {
		provenance: {
			source: 'test-src',
			sourceId: `rec-${n}`,
			firstSeen: '2026-11-01',
		},
		entry: {
			kind: 'api',
			id: `fr-record-${String(n).padStart(5, '0')}`,
			title: `Record ${n}`,
			summary: 'API published by DINUM, listed in the test catalogue.',
			country: 'FR',
			publisher: 'dinum',
			access: 'open',
			lang: 'en',
			baseUrl: `https://api.example.gouv.fr/${n}`,
			added: '2026-11-01',
		},
	};
}

const STATE: ImportState = {
	source: 'test-src',
	lastRunAt: '2026-11-01T03:00:00Z',
	lastOutcome: 'imported',
	failures: 0,
	counts: { records: 0, added: 0, updated: 0, delisted: 0, removed: 0, skipped: 0 },
	skipped: [],
	validators: [],
};

describe('the imported files', () => {
	it('write records sorted by id, keys in schema order, and read them back', async () => {
		await writeImportedSource(dir, 'test-src', {
			records: [record(2), record(1)],
			publishers: [],
			state: STATE,
		});
		const text = await readFile(join(importedDir(dir, 'test-src'), 'records.ndjson'), 'utf8');
		const lines = text.split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[2]).toBe('');
		expect(lines[0]).toMatch(
			/^\{"provenance":\{"source":"test-src".*"entry":\{"kind":"api","id":"fr-record-00001"/,
		);
		const read = await readImportedSource(dir, 'test-src');
		expect(read.records.map((r) => r.entry.id)).toEqual(['fr-record-00001', 'fr-record-00002']);
		expect(read.state).toEqual(STATE);
		expect(read.problems).toEqual([]);
		expect(await listImportedSources(dir)).toEqual(['test-src']);
	});

	it('split a source of more than 2,000 records into records/<hh>.ndjson by sha256 of the id', async () => {
		const many = Array.from({ length: 2001 }, (_, i) => record(i));
		await writeImportedSource(dir, 'test-src', { records: many, publishers: [], state: STATE });
		const folder = importedDir(dir, 'test-src');
		expect(await readdir(folder)).not.toContain('records.ndjson');
		const files = await readdir(join(folder, 'records'));
		expect(files.length).toBeGreaterThan(200);
		const one = record(7).entry.id;
		expect(
			await readFile(join(folder, 'records', `${recordBucket(one)}.ndjson`), 'utf8'),
		).toContain(`"id":"${one}"`);
		expect((await readImportedSource(dir, 'test-src')).records).toHaveLength(2001);
	});

	it('report a corrupt line with its file, line and field instead of dropping it silently', async () => {
		const folder = importedDir(dir, 'test-src');
		await mkdir(folder, { recursive: true });
		const bad = record(2);
		(bad.entry as { title: string }).title = 'x';
		await writeFile(
			join(folder, 'records.ndjson'),
			`${JSON.stringify(record(1))}\n${JSON.stringify(bad)}\n{not json\n`,
		);
		const read = await readImportedSource(dir, 'test-src');
		expect(read.records).toHaveLength(1);
		expect(read.problems.map((p) => formatProblem(p, dir))).toEqual([
			'imported/test-src/records.ndjson:2: entry.title: is too short — delete the folder; the next nightly import writes it again',
			expect.stringMatching(
				/^imported\/test-src\/records.ndjson:3: line: is not a JSON record \(.*\) — delete the folder; the next nightly import writes it again$/,
			),
		]);
	});

	it('leave the previous import untouched when a write fails half-way, and clean up after it', async () => {
		await writeImportedSource(dir, 'test-src', {
			records: [record(1)],
			publishers: [],
			state: STATE,
		});
		const before = await readFile(join(importedDir(dir, 'test-src'), 'records.ndjson'), 'utf8');
		const broken = record(2);
		(broken.entry as { title: string }).title = '';
		await expect(
			writeImportedSource(dir, 'test-src', { records: [broken], publishers: [], state: STATE }),
		).rejects.toThrow();
		expect(await readFile(join(importedDir(dir, 'test-src'), 'records.ndjson'), 'utf8')).toBe(
			before,
		);
		expect((await readdir(join(dir, 'imported'))).filter((n) => n.startsWith('.'))).toEqual([]);
	});

	it('put the previous import back when a swap was interrupted between its two renames', async () => {
		await writeImportedSource(dir, 'test-src', {
			records: [record(1)],
			publishers: [],
			state: STATE,
		});
		const root = join(dir, 'imported');
		// As if the process died after moving the old folder aside.
		const { rename } = await import('node:fs/promises');
		await rename(join(root, 'test-src'), join(root, '.staging-test-src-123-abcdef01-old'));
		await writeImportedSource(dir, 'other-src', {
			records: [],
			publishers: [],
			state: { ...STATE, source: 'other-src' },
		});
		expect(await listImportedSources(dir)).toEqual(['other-src']);
		await writeImportedSource(dir, 'test-src', {
			records: [record(1), record(2)],
			publishers: [],
			state: STATE,
		});
		expect((await readImportedSource(dir, 'test-src')).records).toHaveLength(2);
		expect((await readdir(root)).filter((n) => n.startsWith('.'))).toEqual([]);
	});

	it('use staging and swap folder names that git ignores', async () => {
		const { execFileSync } = await import('node:child_process');
		for (const name of ['.staging-test-src-1-abcdef01', '.staging-test-src-1-abcdef01-old']) {
			const path = `data/imported/${name}/records.ndjson`;
			// Exits 0 when the path is ignored; throws otherwise.
			execFileSync('git', ['check-ignore', '--quiet', '--no-index', path], {
				cwd: join(import.meta.dirname, '..', '..'),
			});
		}
	});

	it('refuse a source id that could leave the imported folder', () => {
		expect(() => importedDir(dir, '../catalog')).toThrow('not a source id');
	});
});
