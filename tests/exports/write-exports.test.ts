import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	endExportsRun,
	exportsOfThisBuild,
	type SiteExport,
	writeExports,
	writeExportsOnce,
} from '../../src/lib/exports/write-exports.ts';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { globalSlot } from '../../src/lib/register/global-slot.ts';
import { distFile, pagePath } from '../../src/lib/register/urls.ts';
import { type BuildState, currentBuild, startBuild } from '../../src/lib/site/build-state.ts';
import { fixtureRegister } from './downloads-fixture.ts';

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

	it('reports the size of each file written, and its rows when the export counts them', async () => {
		let rows = 0;
		const counted: SiteExport = {
			name: 'counted',
			files: () => [
				{
					path: pagePath('downloadNdjson'),
					content: function* () {
						for (const line of ['{"a":"é"}\n', '{"a":2}\n']) {
							rows += 1;
							yield line;
						}
					},
					rows: () => rows,
				},
			],
		};
		const reports = await writeExports(outDir, register, [csv(() => ['id\n', 'a\n']), counted]);
		expect(reports.map(({ path, bytes, rows }) => ({ path, bytes, rows }))).toEqual([
			{ path: pagePath('downloadCsv'), bytes: 5, rows: null },
			{ path: pagePath('downloadNdjson'), bytes: 19, rows: 2 },
		]);
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

describe('writeExportsOnce', () => {
	let outDir: string;
	const buildSlot = globalSlot<BuildState>('c0mm0.build');
	const build = currentBuild();
	beforeEach(async () => {
		outDir = await mkdtemp(join(tmpdir(), 'c0mm0-exports-once-'));
		endExportsRun();
	});
	afterEach(async () => {
		endExportsRun();
		buildSlot.set(build);
		await rm(outDir, { recursive: true, force: true });
	});

	it('writes the site’s exports once per build, whoever asks first, and hands every caller the same reports', async () => {
		const register = vi.fn(async () => fixtureRegister());
		const first = writeExportsOnce(outDir, register);
		// The integration asks with its own register once the pages are done: the run is not repeated.
		const second = writeExportsOnce(`${outDir}/`, async () => {
			throw new Error('the second caller’s register must not be loaded');
		});
		expect(second).toBe(first);
		const reports = await first;
		expect(register).toHaveBeenCalledTimes(1);
		const csvFile = join(outDir, distFile(pagePath('downloadCsv')));
		expect(reports.find((r) => r.path === pagePath('downloadCsv'))?.bytes).toBe(
			(await stat(csvFile)).size,
		);
		endExportsRun();
		await writeExportsOnce(outDir, register);
		expect(register).toHaveBeenCalledTimes(2);
	});

	it('is shared by another copy of the module, as Astro’s bundled pages and the integration are', async () => {
		const first = writeExportsOnce(outDir, async () => fixtureRegister());
		vi.resetModules();
		const copy = await import('../../src/lib/exports/write-exports.ts');
		expect(copy.writeExportsOnce).not.toBe(writeExportsOnce);
		expect(copy.writeExportsOnce(outDir, async () => fixtureRegister())).toBe(first);
		await first;
	});

	it('writes into the running build’s output folder, and nothing outside a build', async () => {
		buildSlot.set(undefined);
		expect(exportsOfThisBuild(async () => fixtureRegister())).toBeNull();
		startBuild({ outDir });
		const reports = await exportsOfThisBuild(async () => fixtureRegister());
		expect(reports?.map((r) => r.path)).toContain(pagePath('downloadParquet'));
		expect(await readdir(join(outDir, 'downloads'))).toContain('register.parquet');
	});
});
