import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshots } from '../../src/lib/state/snapshot-store.ts';
import { runVerify } from '../../src/lib/verify/run-verify.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import { type ContractServer, startContractServer } from '../helpers/contract-server.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

let server: ContractServer;
let cleanup: () => Promise<void>;
let snapshot: Snapshot | undefined;
let seconds = 0;

beforeAll(async () => {
	server = await startContractServer();
	const o = server.origin;
	const made = await scenarioDataDir([
		{
			id: 'fr-c-slow-validation',
			baseUrl: `${o}/slow-validation/base`,
			spec: `${o}/specs/slow-validation.json`,
		},
	]);
	cleanup = made.cleanup;
	const started = performance.now();
	await runVerify({
		dataDir: made.dir,
		allowAddresses: ['127.0.0.1'],
		limits: { ...FAST_LIMITS, specTimeoutMs: 2_000 },
		now: () => new Date(),
	});
	seconds = (performance.now() - started) / 1000;
	snapshot = (await readSnapshots(made.dir)).snapshots.get('fr-c-slow-validation');
}, 60_000);

afterAll(async () => {
	await server?.close();
	await cleanup?.();
});

describe('a schema and an answer crafted to make validation endless', () => {
	it('costs the record its judgement at the deadline, not the run its night', () => {
		expect(seconds).toBeLessThan(15);
		expect(snapshot?.contract).toMatchObject({
			status: 200,
			failed: false,
			conforms: null,
			note: 'validating the answer took longer than 2 s',
		});
		expect(snapshot?.outcome).toBe('up');
	});
});
