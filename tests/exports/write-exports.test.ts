import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SiteExport, writeExports } from '../../src/lib/exports/write-exports.ts';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { distFile, pagePath } from '../../src/lib/register/urls.ts';

const register = { records: [] } as unknown as Register;

describe('writeExports', () => {
	let outDir: string;
	beforeEach(async () => {
		outDir = await mkdtemp(join(tmpdir(), 'c0mm0-exports-'));
	});
	afterEach(() => rm(outDir, { recursive: true, force: true }));

	const csv = (rows: () => Iterable<string> | AsyncIterable<string>): SiteExport => ({
		name: 'csv',
		files: () => [{ path: pagePath('downloadCsv'), content: rows }],
	});

	it('writes each file from its chunks, creating its folder', async () => {
		const reports = await writeExports(outDir, register, [csv(() => ['id\n', 'a\n', 'b\n'])]);
		expect(await readFile(join(outDir, distFile(pagePath('downloadCsv'))), 'utf8')).toBe(
			'id\na\nb\n',
		);
		expect(reports.map((r) => r.path)).toEqual([pagePath('downloadCsv')]);
	});

	it('keeps the last good file when an export fails half way, names the export and the file, and leaves no temporary file', async () => {
		await writeExports(outDir, register, [csv(() => ['id\n', 'good\n'])]);
		async function* broken() {
			yield 'id\n';
			throw new Error('row 2 could not be read');
		}
		await expect(writeExports(outDir, register, [csv(broken)])).rejects.toThrow(
			/csv export could not write .*register\.csv: row 2 could not be read/,
		);
		const folder = join(outDir, 'downloads');
		expect(await readFile(join(folder, 'register.csv'), 'utf8')).toBe('id\ngood\n');
		expect(await readdir(folder)).toEqual(['register.csv']);
	});
});
