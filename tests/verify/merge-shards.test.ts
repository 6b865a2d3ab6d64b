import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/catalog/problem.ts';
import { snapshotPath } from '../../src/lib/state/snapshot-store.ts';
import { type MergeResult, mergeShards } from '../../src/lib/verify/merge-shards.ts';
import { runVerify } from '../../src/lib/verify/run-verify.ts';
import { SNAPSHOT_LIMITS } from '../../src/schemas/snapshot.ts';
import { type FakeInternet, startFakeInternet } from '../helpers/fake-internet.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

const ids = ['fr-merge-oversize', 'fr-merge-corrupt', 'fr-merge-good'] as const;
const loopback = { allowAddresses: ['127.0.0.1'], limits: FAST_LIMITS } as const;

let internet: FakeInternet;
let dataDir: string;
let outDir: string;
let cleanup: () => Promise<void>;
const before = new Map<string, string>();
const shardText = new Map<string, string>();
let merged: MergeResult;

/**
 * Last night's snapshots in the data dir; tonight a shard whose output holds one snapshot file
 * over the byte cap (as a 112 MB one was) and one that is not JSON, next to a good one.
 */
beforeAll(async () => {
	internet = await startFakeInternet();
	const made = await scenarioDataDir(
		ids.map((id) => ({ id, baseUrl: `${internet.http}/healthy` })),
	);
	dataDir = made.dir;
	cleanup = made.cleanup;
	outDir = await mkdtemp(join(tmpdir(), 'c0mm0-shard-'));
	await runVerify({ dataDir, now: () => new Date('2026-11-24T02:00:00Z'), ...loopback });
	for (const id of ids) before.set(id, await readFile(snapshotPath(dataDir, id), 'utf8'));

	await runVerify({ dataDir, outDir, now: () => new Date('2026-11-25T02:00:00Z'), ...loopback });
	const oversize = JSON.parse(await readFile(snapshotPath(outDir, ids[0]), 'utf8'));
	oversize.reason = 'r'.repeat(SNAPSHOT_LIMITS.maxBytes);
	await writeFile(snapshotPath(outDir, ids[0]), JSON.stringify(oversize));
	await writeFile(snapshotPath(outDir, ids[1]), '{ "id": "fr-merge-corrupt", ');
	for (const id of ids) shardText.set(id, await readFile(snapshotPath(outDir, id), 'utf8'));

	merged = await mergeShards(dataDir, [outDir]);
}, 120_000);

afterAll(async () => {
	await internet?.close();
	await cleanup?.();
	await rm(outDir, { recursive: true, force: true });
});

describe('merging a shard with an oversize and a corrupt snapshot file', () => {
	it('merges the rest, failing nothing', () => {
		expect(merged.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(merged.merged).toBe(1);
		expect(merged.refused).toBe(2);
	});

	it('refuses each bad file with one line naming it', () => {
		const lines = merged.problems.map((p) => formatProblem(p));
		expect(lines).toHaveLength(2);
		const about = (id: string) =>
			lines.find((line) => line.startsWith(`${snapshotPath(outDir, id)}: file: warning: `));
		expect(about(ids[0])).toMatch(
			new RegExp(
				`is \\d+ bytes, over the ${SNAPSHOT_LIMITS.maxBytes}-byte cap of a snapshot — not merged; ${ids[0]} keeps its previous snapshot$`,
			),
		);
		expect(about(ids[1])).toMatch(
			new RegExp(`is not valid JSON .* — not merged; ${ids[1]} keeps its previous snapshot$`),
		);
	});

	it('leaves the refused records with their previous snapshots, and writes nothing over the cap', async () => {
		for (const id of ids.slice(0, 2)) {
			expect(await readFile(snapshotPath(dataDir, id), 'utf8')).toBe(before.get(id));
		}
		const good = await readFile(snapshotPath(dataDir, ids[2]), 'utf8');
		expect(good).toBe(shardText.get(ids[2]));
		expect(good).not.toBe(before.get(ids[2]));
		for (const id of ids) {
			const text = await readFile(snapshotPath(dataDir, id), 'utf8');
			expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SNAPSHOT_LIMITS.maxBytes);
		}
	});
});
