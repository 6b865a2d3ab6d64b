import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsListChunks, recordsListExport } from '../../src/lib/exports/records-list.ts';
import { writeExports } from '../../src/lib/exports/write-exports.ts';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { registerFromDisk } from '../../src/lib/register/register-from-disk.ts';
import { distFile, pagePath } from '../../src/lib/register/urls.ts';
import { recordSummary } from '../../src/lib/site/record-json.ts';
import { RecordsListSchema } from '../../src/schemas/api-record.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the records list (/api/v1/records.json)', () => {
	let register: Register;
	let outDir: string;
	beforeAll(async () => {
		register = await registerFromDisk(join(ROOT, 'data'));
		outDir = await mkdtemp(join(tmpdir(), 'c0mm0-records-list-'));
	});
	afterAll(() => rm(outDir, { recursive: true, force: true }));

	it('writes, in chunks, the same text the whole list gave as one document', async () => {
		const chunks = [...recordsListChunks(register)];
		// The shipped catalog is some 2 MB of summaries: written in many chunks, none of them whole.
		expect(chunks.length).toBeGreaterThan(10);
		const whole = JSON.stringify({
			generatedAt: register.builtAt.toISOString(),
			count: register.records.length,
			records: register.records.map(recordSummary),
		});
		expect(chunks.join('')).toBe(whole);
	});

	it('is written by the exports at its URL, parses, and matches its schema', async () => {
		await writeExports(outDir, register, [recordsListExport]);
		const text = await readFile(join(outDir, distFile(pagePath('recordsJson'))), 'utf8');
		expect(distFile(pagePath('recordsJson'))).toBe('api/v1/records.json');
		const list = RecordsListSchema.strict().parse(JSON.parse(text));
		expect(list.count).toBe(register.records.length);
		expect(list.records.map((r) => r.id)).toEqual(register.records.map((r) => r.id));
	});

	it('writes an empty register as an empty list', () => {
		const empty = { records: [], builtAt: new Date('2026-11-26T02:00:00Z') } as unknown as Register;
		expect(JSON.parse([...recordsListChunks(empty)].join(''))).toEqual({
			generatedAt: '2026-11-26T02:00:00.000Z',
			count: 0,
			records: [],
		});
	});
});
