import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDataDir } from './helpers/import-fixture.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const SCRIPT = join(root, 'scripts', 'harvest-snapshot.ts');
const EXPORT_PATH =
	'raw.githubusercontent.com/commondataio/dataportals-registry/main/data/datasets';

/** A government portal whose only API sits on a private address: refused at night, so here too. */
const PRIVATE_PORTAL = JSON.stringify({
	uid: 'cdi-private',
	name: 'Intranet portal',
	status: 'active',
	api: true,
	owner: { name: 'A council', type: 'Local government', location: { country: { id: 'NL' } } },
	endpoints: [{ type: 'wms130', url: 'http://10.1.2.3/wms' }],
});

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
	({ dir, cleanup } = await importDataDir({}));
	await copyFile(
		join(root, 'data', 'sources', 'dataportals-registry.yaml'),
		join(dir, 'sources', 'dataportals-registry.yaml'),
	);
	const snapshot = join(dir, 'snapshot', EXPORT_PATH);
	await mkdir(snapshot, { recursive: true });
	const lines = await readFile(
		join(root, 'tests', 'fixtures', 'import', 'dataportals-registry', 'full.jsonl'),
		'utf8',
	);
	await writeFile(join(snapshot, 'full.jsonl'), `${lines}${PRIVATE_PORTAL}\n`);
});
afterEach(async () => {
	await cleanup();
});

describe('scripts/harvest-snapshot.ts', () => {
	it('imports a source from its snapshot on loopback, with the nightly record rules', async () => {
		const { stderr } = await run(
			process.execPath,
			[
				'--disable-warning=ExperimentalWarning',
				SCRIPT,
				'--source',
				'dataportals-registry',
				'--from',
				join(dir, 'snapshot'),
				'--data-dir',
				dir,
			],
			{ cwd: root, env: { ...process.env, CI: '1' } },
		);
		expect(stderr).toContain('dataportals-registry: imported, 4 record(s)');
		const state = JSON.parse(
			await readFile(join(dir, 'imported', 'dataportals-registry', 'state.json'), 'utf8'),
		);
		expect(state.counts).toMatchObject({ records: 4, added: 4, skipped: 1 });
		// Only the snapshot's own connection may reach loopback: a record on a private address is
		// still refused, as it is at night.
		expect(state.skipped).toEqual([
			expect.objectContaining({ sourceId: 'cdi-private', field: 'baseUrl' }),
		]);
		const written = await readFile(
			join(dir, 'imported', 'dataportals-registry', 'records.ndjson'),
			'utf8',
		);
		expect(written).toContain('"sourceId":"cdi00001341"');
		expect(written).not.toContain('10.1.2.3');
	});
});
