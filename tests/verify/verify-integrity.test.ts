import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addressGate } from '../../src/lib/net/address-policy.ts';
import { readHistoryDay } from '../../src/lib/state/history-store.ts';
import { readSnapshots } from '../../src/lib/state/snapshot-store.ts';
import { VERIFY_DEFAULTS } from '../../src/lib/verify/constants.ts';
import { FetchError } from '../../src/lib/verify/errors.ts';
import { createHttpClient } from '../../src/lib/verify/http-client.ts';
import { mergeShards } from '../../src/lib/verify/merge-shards.ts';
import { silentReporter } from '../../src/lib/verify/report.ts';
import { runVerify } from '../../src/lib/verify/run-verify.ts';
import { type FakeInternet, SWAGGER2_SPEC, startFakeInternet } from '../helpers/fake-internet.ts';
import { FAST_LIMITS, type ScenarioEntry, scenarioDataDir } from '../helpers/verify-fixture.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
let internet: FakeInternet;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
	internet = await startFakeInternet();
});
afterAll(async () => {
	await internet.close();
});
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function dataDirWith(entries: ScenarioEntry[]): Promise<string> {
	const made = await scenarioDataDir(entries);
	cleanups.push(made.cleanup);
	return made.dir;
}

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

const loopback = { allowAddresses: ['127.0.0.1'], limits: FAST_LIMITS } as const;

describe('a run that cannot trust its network', () => {
	it('writes nothing when the canary fails', async () => {
		const port = await closedPort();
		const dataDir = await dataDirWith([{ id: 'fr-healthy', baseUrl: `${internet.http}/healthy` }]);
		const result = await runVerify({
			dataDir,
			...loopback,
			canaries: [`http://127.0.0.1:${port}/`],
		});
		expect(result.status).toBe('aborted');
		if (result.status === 'aborted')
			expect(result.reason).toMatch(
				/^the network check failed \(.*refused\); nothing was written$/,
			);
		expect(existsSync(join(dataDir, 'snapshots'))).toBe(false);
		expect(existsSync(join(dataDir, 'history'))).toBe(false);
	});

	it('writes nothing when nearly every record fails the same way, keeping last night intact', async () => {
		const port = await closedPort();
		const entries = Array.from({ length: 24 }, (_, i) => ({
			id: `fr-dead-${i}`,
			baseUrl: `http://127.0.0.1:${port}/x${i}`,
		}));
		const dataDir = await dataDirWith(entries);
		await mkdir(join(dataDir, 'snapshots'));
		const lastNight = '{"kept":"as is"}\n';
		await writeFile(join(dataDir, 'snapshots', 'fr-dead-0.json'), lastNight);
		const result = await runVerify({ dataDir, ...loopback });
		expect(result.status).toBe('aborted');
		if (result.status === 'aborted') {
			expect(result.reason).toBe(
				"24 of 24 records failed with the same error (refused) — that is the checker's network failing, not the register; nothing was written",
			);
		}
		expect(await readFile(join(dataDir, 'snapshots', 'fr-dead-0.json'), 'utf8')).toBe(lastNight);
		expect(existsSync(join(dataDir, 'snapshots', 'fr-dead-1.json'))).toBe(false);
	});
});

describe('crash safety', () => {
	it('leaves every previous snapshot intact when the run dies midway', async () => {
		const dataDir = await dataDirWith([
			{ id: 'fr-a', baseUrl: `${internet.http}/healthy` },
			{ id: 'fr-b', baseUrl: `${internet.http}/healthy` },
			{ id: 'fr-c', baseUrl: `${internet.http}/healthy` },
		]);
		const first = await runVerify({ dataDir, ...loopback });
		expect(first.status).toBe('completed');
		const before = await readFile(join(dataDir, 'snapshots', 'fr-a.json'), 'utf8');
		let seen = 0;
		const crashing = {
			...silentReporter,
			done() {
				seen += 1;
				if (seen === 2) throw new Error('simulated crash');
			},
		};
		await expect(runVerify({ dataDir, ...loopback, reporter: crashing })).rejects.toThrow(
			'simulated crash',
		);
		expect(await readFile(join(dataDir, 'snapshots', 'fr-a.json'), 'utf8')).toBe(before);
	});

	it('reports a corrupt snapshot by name and replaces it with a fresh one', async () => {
		const dataDir = await dataDirWith([{ id: 'fr-healthy', baseUrl: `${internet.http}/healthy` }]);
		await mkdir(join(dataDir, 'snapshots'));
		await writeFile(
			join(dataDir, 'snapshots', 'fr-healthy.json'),
			'{"id": "fr-healthy", "outcome": "up"',
		);
		const result = await runVerify({ dataDir, ...loopback });
		expect(result.status).toBe('completed');
		expect(result.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
			expect.stringMatching(/^file: is not valid JSON \(.+\)$/),
		]);
		expect(result.problems[0]?.file).toBe(join(dataDir, 'snapshots', 'fr-healthy.json'));
		expect(
			JSON.parse(await readFile(join(dataDir, 'snapshots', 'fr-healthy.json'), 'utf8')).outcome,
		).toBe('up');
	});
});

describe('changes between runs', () => {
	it('records outcome changes and schema changes, and keeps both runs in the night', async () => {
		internet.setToggle(200);
		internet.setSpec('changing.json', SWAGGER2_SPEC);
		const dataDir = await dataDirWith([
			{
				id: 'fr-changing',
				baseUrl: `${internet.http}/toggle`,
				spec: `${internet.http}/specs/changing.json`,
			},
		]);
		const first = await runVerify({ dataDir, ...loopback });
		expect(first.status).toBe('completed');
		const firstCheckedAt = (await readSnapshots(dataDir)).snapshots.get('fr-changing')?.checkedAt;

		const spec = JSON.parse(SWAGGER2_SPEC);
		spec.paths['/companies/{siret}'].get.parameters.pop();
		spec.definitions.Company.properties.vat = { type: 'string' };
		internet.setSpec('changing.json', JSON.stringify(spec));
		internet.setToggle(500);
		const second = await runVerify({ dataDir, ...loopback });
		expect(second.status).toBe('completed');
		if (second.status !== 'completed') return;
		expect(second.changes).toEqual([
			expect.objectContaining({ type: 'outcome', id: 'fr-changing', from: 'up', to: 'down' }),
			expect.objectContaining({
				type: 'schema',
				id: 'fr-changing',
				added: { parameters: [], fields: ['vat'] },
				removed: { parameters: ['query:fields'], fields: [] },
			}),
		]);
		const snapshot = (await readSnapshots(dataDir)).snapshots.get('fr-changing');
		expect(snapshot?.outcome).toBe('down');
		expect(snapshot?.lastUpAt).toBe(firstCheckedAt);
		const { day } = await readHistoryDay(dataDir, (snapshot?.checkedAt ?? '').slice(0, 10));
		expect(day?.runs).toHaveLength(2);
		expect(day?.outcomes['fr-changing']).toBe('X');
		expect(day?.changes.map((c) => c.type)).toEqual(['outcome', 'outcome', 'schema']);
	});

	it('keeps the last good capture when the spec cannot be fetched', async () => {
		internet.setSpec('vanishing.json', SWAGGER2_SPEC);
		const dataDir = await dataDirWith([
			{
				id: 'fr-vanishing',
				baseUrl: `${internet.http}/healthy`,
				spec: `${internet.http}/specs/vanishing.json`,
			},
		]);
		await runVerify({ dataDir, ...loopback });
		const captured = (await readSnapshots(dataDir)).snapshots.get('fr-vanishing')?.spec;
		expect(captured?.parameters).toHaveLength(2);
		internet.setSpec('vanishing.json', undefined);
		await runVerify({ dataDir, ...loopback });
		const kept = (await readSnapshots(dataDir)).snapshots.get('fr-vanishing')?.spec;
		expect(kept).toMatchObject({
			sha256: captured?.sha256,
			capturedAt: captured?.capturedAt,
			fetchError: 'answered 404',
		});
		expect(kept?.parameters).toEqual(captured?.parameters);
	});
});

describe('sharding', () => {
	const ids = Array.from({ length: 12 }, (_, i) => `fr-shard-${i}`);

	it('splits the catalog into disjoint shards that cover it, and merges them back', async () => {
		const dataDir = await dataDirWith(
			ids.map((id) => ({ id, baseUrl: `${internet.http}/healthy` })),
		);
		const outs: string[] = [];
		const seen: string[] = [];
		for (const index of [1, 2, 3]) {
			const outDir = await mkdtemp(join(tmpdir(), 'c0mm0-shard-'));
			cleanups.push(() => rm(outDir, { recursive: true, force: true }));
			outs.push(outDir);
			const result = await runVerify({ dataDir, outDir, shard: { index, total: 3 }, ...loopback });
			expect(result.status).toBe('completed');
			if (result.status === 'completed') seen.push(...result.records.map((r) => r.id));
		}
		expect([...seen].sort()).toEqual([...ids].sort());
		expect(existsSync(join(dataDir, 'snapshots'))).toBe(false);

		const merged = await mergeShards(dataDir, outs, { requireAll: true });
		expect(merged.problems).toEqual([]);
		expect(merged.merged).toBe(12);
		for (const id of ids) expect(existsSync(join(dataDir, 'snapshots', `${id}.json`))).toBe(true);
		const date = new Date().toISOString().slice(0, 10);
		const { day } = await readHistoryDay(dataDir, date);
		expect(Object.keys(day?.outcomes ?? {})).toHaveLength(12);
		expect(day?.runs.map((r) => r.shard).sort()).toEqual(['1/3', '2/3', '3/3']);
	});

	it('refuses to merge overlapping or incomplete shards, writing nothing', async () => {
		const dataDir = await dataDirWith(
			ids.slice(0, 4).map((id) => ({ id, baseUrl: `${internet.http}/healthy` })),
		);
		const outDir = await mkdtemp(join(tmpdir(), 'c0mm0-shard-'));
		cleanups.push(() => rm(outDir, { recursive: true, force: true }));
		await runVerify({ dataDir, outDir, shard: { index: 1, total: 2 }, ...loopback });
		const twice = await mergeShards(dataDir, [outDir, outDir]);
		expect(twice.problems.map((p) => p.message)).toContain(`shard 1/2 also came from ${outDir}`);
		const incomplete = await mergeShards(dataDir, [outDir], { requireAll: true });
		expect(incomplete.problems.map((p) => p.message)).toContain('shard(s) 2 of 2 did not report');
		expect(existsSync(join(dataDir, 'snapshots'))).toBe(false);
	});
});

describe('address safety at connect time', () => {
	const client = () =>
		createHttpClient({
			limits: { ...VERIFY_DEFAULTS, ...FAST_LIMITS },
			mayConnect: addressGate({}),
		});

	it('refuses a loopback IP literal', async () => {
		const c = client();
		await expect(
			c.fetch(`${internet.http}/healthy`, { method: 'GET', maxBytes: 1024 }),
		).rejects.toMatchObject({ code: 'blocked-address' });
		await c.close();
	});

	it('refuses a name that resolves to loopback', async () => {
		const c = client();
		const url = internet.http.replace('127.0.0.1', 'localhost');
		const error = await c
			.fetch(`${url}/healthy`, { method: 'GET', maxBytes: 1024 })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(FetchError);
		expect((error as FetchError).code).toBe('blocked-address');
		await c.close();
	});

	it('refuses file: and other schemes outright', async () => {
		const c = client();
		await expect(
			c.fetch('file:///etc/passwd', { method: 'GET', maxBytes: 1024 }),
		).rejects.toMatchObject({ code: 'bad-url' });
		await c.close();
	});
});

describe('npm run verify', () => {
	const cli = async (args: string[]) => {
		try {
			const { stdout, stderr } = await run(process.execPath, ['scripts/verify.ts', ...args], {
				cwd: root,
				env: { ...process.env, CI: '1' },
			});
			return { code: 0, stdout, stderr };
		} catch (error) {
			const e = error as { code: number; stdout: string; stderr: string };
			return { code: e.code, stdout: e.stdout, stderr: e.stderr };
		}
	};

	it('runs on a loopback catalog with --allow-private and prints a summary', async () => {
		const dataDir = await dataDirWith([
			{ id: 'fr-cli-up', baseUrl: `${internet.http}/healthy` },
			{ id: 'fr-cli-waf', baseUrl: `${internet.http}/waf` },
		]);
		const result = await cli(['--data-dir', dataDir, '--allow-private']);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('[verify] 2 record(s) to check');
		expect(result.stderr).toMatch(
			/Verified 2 record\(s\) in [\d.]+ s: up 1 · degraded 0 · down 0 · inconclusive 1\./,
		);
		expect(result.stderr).toContain(
			'fr-cli-waf  inconclusive: The base URL answered 403 with a bot-protection challenge.',
		);
		expect(existsSync(join(dataDir, 'snapshots', 'fr-cli-up.json'))).toBe(true);
	}, 60_000);

	it('prints server-chosen names without terminal escapes or workflow commands', async () => {
		internet.setSpec('hostile-names.json', SWAGGER2_SPEC);
		const dataDir = await dataDirWith([
			{
				id: 'fr-cli-names',
				baseUrl: `${internet.http}/healthy`,
				spec: `${internet.http}/specs/hostile-names.json`,
			},
		]);
		expect((await cli(['--data-dir', dataDir, '--allow-private'])).code).toBe(0);
		const spec = JSON.parse(SWAGGER2_SPEC);
		spec.definitions.Company.properties['vat\n::add-mask::x'] = { type: 'string' };
		spec.definitions.Company.properties['\u001b[2J\u001b]0;pwned\u0007::error::forged'] = {
			type: 'string',
		};
		spec.paths['/companies/{siret}'].get.parameters.push({
			name: 'q\r\n::stop-commands::token ##[add-mask]y',
			in: 'query',
			type: 'string',
		});
		internet.setSpec('hostile-names.json', JSON.stringify(spec));
		const result = await cli(['--data-dir', dataDir, '--allow-private']);
		expect(result.code).toBe(0);
		// The names are in the log, so the check really printed them…
		expect(result.stderr).toContain('add-mask');
		expect(result.stderr).toContain('stop-commands');
		// …but no line can be read by the runner as a command, and no escape reaches the terminal.
		const lines = result.stderr.split(/\r\n?|\n/);
		expect(lines.filter((line) => /^\s*::/.test(line) || line.includes('##['))).toEqual([]);
		// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there are none
		expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
	}, 60_000);

	it('refuses an unknown --only id', async () => {
		const dataDir = await dataDirWith([{ id: 'fr-cli-up', baseUrl: `${internet.http}/healthy` }]);
		const result = await cli(['--data-dir', dataDir, '--allow-private', '--only', 'fr-nope']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('verify: --only: no valid entry with id fr-nope');
	});

	it('refuses a malformed --shard', async () => {
		const result = await cli(['--shard', '3/2']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('--shard 3/2: expected K/N with 1 ≤ K ≤ N');
	});
});
