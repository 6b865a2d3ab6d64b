import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSnapshots } from '../../src/lib/state/snapshot-store.ts';
import { runVerify, type VerifyResult } from '../../src/lib/verify/run-verify.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import { type FakeInternet, startFakeInternet } from '../helpers/fake-internet.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

// A bug (or an input nobody foresaw) that makes the check of one record throw — here in the
// proof checks, with a message carrying a terminal escape and a workflow command.
vi.mock('../../src/lib/verify/proofs.ts', async (importOriginal) => {
	const original = await importOriginal<typeof import('../../src/lib/verify/proofs.ts')>();
	return {
		...original,
		checkProofs: (...args: Parameters<typeof original.checkProofs>) =>
			args[1].id === 'fr-boom'
				? Promise.reject(new Error('simulated bug\u001b[31m\n::add-mask::x'))
				: original.checkProofs(...args),
	};
});

const PREVIOUS: Snapshot = {
	id: 'fr-boom',
	checkedAt: '2026-11-20T02:00:00.000Z',
	outcome: 'up',
	reason: 'The base URL answered 200.',
	lastUpAt: '2026-11-20T02:00:00.000Z',
	checks: [],
	spec: null,
	proofs: [],
};

let internet: FakeInternet;
let cleanup: () => Promise<void>;
let result: VerifyResult | Error;
const snapshots = new Map<string, Snapshot>();

beforeAll(async () => {
	internet = await startFakeInternet();
	const made = await scenarioDataDir([
		{ id: 'fr-a', baseUrl: `${internet.http}/healthy` },
		{ id: 'fr-boom', baseUrl: `${internet.http}/healthy` },
		{ id: 'fr-c', baseUrl: `${internet.http}/healthy` },
	]);
	cleanup = made.cleanup;
	await mkdir(join(made.dir, 'snapshots'));
	await writeFile(join(made.dir, 'snapshots', 'fr-boom.json'), `${JSON.stringify(PREVIOUS)}\n`);
	result = await runVerify({
		dataDir: made.dir,
		allowAddresses: ['127.0.0.1'],
		limits: FAST_LIMITS,
	}).catch((error: Error) => error);
	for (const [id, s] of (await readSnapshots(made.dir)).snapshots) snapshots.set(id, s);
}, 60_000);

afterAll(async () => {
	await internet?.close();
	await cleanup?.();
});

describe('a record whose check throws', () => {
	it('does not end the run: the other records of the run get their snapshots', () => {
		expect(result).not.toBeInstanceOf(Error);
		expect((result as VerifyResult).status).toBe('completed');
		expect(snapshots.get('fr-a')?.outcome).toBe('up');
		expect(snapshots.get('fr-c')?.outcome).toBe('up');
	});

	it('becomes an inconclusive snapshot that says the check itself failed and why, keeping when it was last up', () => {
		const snapshot = snapshots.get('fr-boom');
		expect(snapshot).toMatchObject({
			outcome: 'inconclusive',
			reason:
				'The check itself failed (simulated bug ::add-mask::x); the register checks again next night.',
			checks: [],
		});
		expect(snapshot?.checkedAt).not.toBe(PREVIOUS.checkedAt);
		expect(snapshot?.lastUpAt).toBe(PREVIOUS.lastUpAt);
	});

	it('is listed among the inconclusive records of the run', () => {
		if (result instanceof Error || result.status !== 'completed') throw new Error('no run');
		expect(result.report.counts).toEqual({ up: 2, degraded: 0, down: 0, inconclusive: 1 });
		expect(result.report.failures.map((f) => f.id)).toEqual(['fr-boom']);
	});
});
