import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { registerFromDisk } from '../../src/lib/register/register-from-disk.ts';
import {
	defaultOgPath,
	distFile,
	publisherOgPath,
	recordFiles,
} from '../../src/lib/register/urls.ts';
import { writeRecordAssets } from '../../src/lib/site/record-assets.ts';
import { removeStaleFiles } from '../../src/lib/site/stale-files.ts';

const root = join(import.meta.dirname, '..', '..');

async function filesUnder(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((d) => d.isFile())
		.map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
		.sort();
}

async function put(dir: string, file: string, content = 'x'): Promise<void> {
	await mkdir(dirname(join(dir, file)), { recursive: true });
	await writeFile(join(dir, file), content);
}

/**
 * The stale-file sweep deletes by name whatever a per-record folder holds that no record owns.
 * If the writers and the sweep named a record's files differently, every build would delete live
 * files: both take the names from the URL contract, and this holds them to it on real files.
 */
describe('the files a record owns', () => {
	let work: string;
	let outDir: string;
	let register: Register;
	let ids: string[];
	let owners: { id: string; kind: 'api' | 'dataset'; publisher: string }[];
	let expected: string[];

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'c0mm0-record-files-'));
		outDir = join(work, 'dist');
		register = await registerFromDisk(join(root, 'tests', 'fixtures', 'valid-catalog'));
		ids = register.records.map((r) => r.id);
		owners = register.records.map((r) => ({
			id: r.id,
			kind: r.entry.kind,
			publisher: r.entry.publisher,
		}));
		// A dataset has no image of its own: its publisher's card stands for it.
		const datasetPublishers = new Set(
			owners.filter((o) => o.kind === 'dataset').map((o) => o.publisher),
		);
		expected = [
			...owners.flatMap((o) => recordFiles(o.id, o.kind)),
			...[...datasetPublishers].map((p) => distFile(publisherOgPath(p))),
			distFile(defaultOgPath),
		].sort();
		// Astro writes the pages; the register's step writes everything else.
		for (const id of ids) await put(outDir, recordFiles(id)[0] ?? '', '<html></html>');
		await writeRecordAssets(outDir, register, undefined, {
			ogWorkerUrl: new URL('../../src/lib/og/og-worker.ts', import.meta.url),
			ogCacheDir: join(work, 'og-cache'),
			skipOg: true,
		});
	}, 60_000);
	afterAll(async () => {
		await rm(work, { recursive: true, force: true });
	});

	it('are exactly the files the writers write, besides the page Astro writes', async () => {
		expect(ids.length).toBeGreaterThan(0);
		// The fixture has both kinds, so both kinds of image are accounted for.
		expect(new Set(owners.map((o) => o.kind))).toEqual(new Set(['api', 'dataset']));
		expect(await filesUnder(outDir)).toEqual(expected);
	});

	it('all survive the sweep, while files of records that left the catalog go', async () => {
		const publicDir = join(work, 'public');
		await put(publicDir, 'favicon.svg');
		await put(outDir, 'favicon.svg');
		for (const stale of recordFiles('gone-record')) await put(outDir, stale);
		await put(outDir, 'old-page/index.html');
		const started = Date.now();
		const old = new Date(started - 60_000);
		await utimes(join(outDir, 'old-page', 'index.html'), old, old);

		const { removed } = await removeStaleFiles(outDir, owners, publicDir, started);

		expect(await filesUnder(outDir)).toEqual([...expected, 'favicon.svg'].sort());
		expect(removed).toBe(recordFiles('gone-record').length + 1);
	});
});
