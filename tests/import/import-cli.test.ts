import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiRecord, importDataDir, records, sourceYaml } from './helpers/import-fixture.ts';
import { type RecordsServer, startRecordsServer } from './helpers/records-server.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const CLI = join(import.meta.dirname, 'helpers', 'import-cli.ts');

async function importCli(args: string[], script = CLI) {
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			['--disable-warning=ExperimentalWarning', script, ...args],
			{ cwd: root, env: { ...process.env, CI: '1' } },
		);
		return { code: 0, out: stdout + stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, out: failure.stdout + failure.stderr };
	}
}

let server: RecordsServer;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
	server = await startRecordsServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(async () => {
	server.failPage = undefined;
	({ dir, cleanup } = await importDataDir({ 'test-src': sourceYaml('test-src', server.url) }));
});
afterEach(async () => {
	await cleanup();
});

describe('npm run import', () => {
	it('prints a summary per source, with skip lines made inert, and exits 0', async () => {
		server.set([
			...records(3),
			apiRecord(9, {
				sourceId: 'rec-9\u001b[31m\n::error::forged',
				baseUrl: 'javascript:alert(1)',
			}),
		]);
		const result = await importCli(['--data-dir', dir, '--allow-private']);
		expect(result.code).toBe(0);
		expect(result.out).toContain('[import] [1/1] test-src: reading');
		expect(result.out).toMatch(
			/\[import\] test-src: imported, 3 record\(s\) in \d+\.\d s — added 3 · updated 0 · delisted 0 · removed 0 · skipped 1/,
		);
		expect(result.out).toContain(
			'  skipped test-src: rec-9 ::error::forged: baseUrl: uses the javascript: scheme — only https:// (or http://) URLs are allowed',
		);
		// The source's words reached the log, inert: no escape, no line the runner would obey.
		expect(result.out).not.toContain('\u001b');
		expect(result.out.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
		expect(result.out).toMatch(
			/Import of 1 source\(s\) in \d+\.\d s: imported 1 · unchanged 0 · collapsed 0 · failed 0\./,
		);
		expect(existsSync(join(dir, 'imported', 'test-src', 'records.ndjson'))).toBe(true);
	});

	it('writes nothing with --dry-run', async () => {
		server.set(records(3));
		const result = await importCli(['--data-dir', dir, '--allow-private', '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.out).toContain('import: dry run, nothing was written');
		expect(existsSync(join(dir, 'imported'))).toBe(false);
	});

	it('exits 2 when no source could be read, and 1 on an unknown source', async () => {
		server.failPage = 1;
		const down = await importCli(['--data-dir', dir, '--allow-private']);
		expect(down.code).toBe(2);
		expect(down.out).toContain('test-src: failed — ');
		expect(down.out).toContain('import: no source could be read');
		const unknown = await importCli(['--data-dir', dir, '--allow-private', '--source', 'nope']);
		expect(unknown.code).toBe(1);
		expect(unknown.out).toContain('import: no valid source called nope in ');
	});

	it('refuses a loopback endpoint without --allow-private', async () => {
		server.set(records(3));
		const result = await importCli(['--data-dir', dir]);
		expect(result.out).toContain('sources/test-src.yaml: endpoints[0].url:');
		expect(result.code).toBe(0);
		expect(result.out).toContain('Import of 0 source(s)');
	});

	it('is the script behind npm run import, with the shared usage errors', async () => {
		const result = await importCli(['--frobnicate'], join(root, 'scripts', 'import.ts'));
		expect(result.code).toBe(1);
		expect(result.out).toContain("import: Unknown option '--frobnicate'");
	});
});
