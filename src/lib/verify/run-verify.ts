import { writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import type { Change, HistoryDay } from '../../schemas/history.ts';
import { OUTCOME_LETTERS } from '../../schemas/history.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { type CatalogEntry, loadCatalog } from '../catalog/load-catalog.ts';
import type { Problem } from '../catalog/problem.ts';
import { toJsonText, writeFileAtomic } from '../fs/atomic-write.ts';
import { type AddressGateOptions, addressGate } from '../net/address-policy.ts';
import { appendHistoryDay, pruneHistory } from '../state/history-store.ts';
import {
	readSnapshot,
	serializeSnapshot,
	snapshotPath,
	snapshotsDir,
} from '../state/snapshot-store.ts';
import { checkNetwork } from './canary.ts';
import { diffSnapshots } from './changes.ts';
import { DEFAULT_CANARIES, VERIFY_DEFAULTS, type VerifyLimits } from './constants.ts';
import { createHttpClient } from './http-client.ts';
import { createSpecPool } from './openapi/spec-pool.ts';
import {
	buildReport,
	type RecordSummary,
	type Reporter,
	type RunReport,
	silentReporter,
	summarise,
} from './report.ts';
import { findCommonFailure } from './sanity.ts';
import { formatShard, inShard, type Shard } from './shard.ts';
import { type RecordContext, verifyRecord } from './verify-record.ts';

export interface VerifyOptions {
	/** Folder holding catalog/, publishers/ and the previous snapshots/ and history/. */
	dataDir: string;
	/** Where to write snapshots and history; defaults to dataDir. A shard job writes to its own folder. */
	outDir?: string;
	only?: readonly string[];
	shard?: Shard;
	concurrency?: number;
	/** Connect anywhere, loopback and private networks included (loopback tests and benchmarks). */
	allowPrivate?: boolean;
	/** Non-public addresses to allow nonetheless (a test server's loopback address). */
	allowAddresses?: readonly string[];
	/** URLs proving the network works; default: public pages, or none under allowPrivate/allowAddresses. */
	canaries?: readonly string[];
	limits?: Partial<VerifyLimits>;
	/** Extra trusted CA certificates (PEM) for tests serving HTTPS. */
	ca?: string[];
	now?: () => Date;
	reporter?: Reporter;
}

export type VerifyResult =
	| {
			status: 'completed';
			records: RecordSummary[];
			changes: Change[];
			problems: Problem[];
			report: RunReport;
	  }
	| { status: 'aborted'; reason: string; problems: Problem[] };

export class UsageError extends Error {}

function selectEntries(entries: readonly CatalogEntry[], options: VerifyOptions): CatalogEntry[] {
	let selected = [...entries];
	if (options.only && options.only.length > 0) {
		const known = new Set(entries.map((e) => e.id));
		const unknown = options.only.filter((id) => !known.has(id));
		if (unknown.length > 0) {
			throw new UsageError(
				`--only: no valid entry with id ${unknown.join(', ')} — check the ids (npm run validate lists invalid entries)`,
			);
		}
		const wanted = new Set(options.only);
		selected = selected.filter((e) => wanted.has(e.id));
	}
	if (options.shard) {
		const shard = options.shard;
		selected = selected.filter((e) => inShard(e.id, shard));
	}
	return selected;
}

/** Removes staging folders a crashed run left behind. */
async function clearStaleStaging(dir: string): Promise<void> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return;
	}
	await Promise.all(
		names
			.filter((n) => n.startsWith('.staging-'))
			.map((n) => rm(join(dir, n), { recursive: true, force: true })),
	);
}

/**
 * One verify run: load the catalog through the shared loader, prove the network works, check
 * every selected record (re-checking the ones that look down), and only if the results do not
 * say our own network failed, publish the snapshots and the night's history.
 *
 * Snapshots are staged one by one as records finish — memory holds a short summary per record,
 * not the snapshots — and moved into place (each by an atomic rename) at the very end. A crash
 * or an abandoned run leaves the previous snapshots untouched.
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
	const limits: VerifyLimits = { ...VERIFY_DEFAULTS, ...options.limits };
	const reporter = options.reporter ?? silentReporter;
	const now = options.now ?? (() => new Date());
	const outDir = options.outDir ?? options.dataDir;
	const gate: AddressGateOptions = {
		allowPrivate: options.allowPrivate ?? false,
		allowAddresses: options.allowAddresses ?? [],
	};
	const loopbackRun = gate.allowPrivate || (gate.allowAddresses?.length ?? 0) > 0;
	const startedAt = now();
	const started = performance.now();

	const catalog = await loadCatalog(options.dataDir, { allowPrivate: loopbackRun, now: startedAt });
	const problems: Problem[] = catalog.problems.filter((p) => p.severity === 'error');
	const entries = selectEntries(catalog.entries, options);
	const mayConnect = addressGate(gate);
	const client = createHttpClient({
		limits,
		mayConnect,
		...(options.ca ? { ca: options.ca } : {}),
	});
	const finalDir = snapshotsDir(outDir);
	const staging = join(finalDir, `.staging-${process.pid}-${Date.now()}`);

	try {
		const canaries = options.canaries ?? (loopbackRun ? [] : DEFAULT_CANARIES);
		if (canaries.length > 0) {
			const network = await checkNetwork(client, canaries);
			if (!network.ok) {
				return {
					status: 'aborted',
					reason: `the network check failed (${network.detail}); nothing was written`,
					problems,
				};
			}
		}

		await clearStaleStaging(finalDir);
		await mkdir(staging, { recursive: true });
		const pool = createSpecPool(limits);
		const context: RecordContext = {
			client,
			limits,
			access: 'open',
			mayConnect,
			now,
			pool,
			gate,
			proofs: { client, maxBytes: limits.proofBodyBytes, cache: new Map() },
			...(options.ca ? { ca: options.ca } : {}),
		};
		const summaries = new Map<string, RecordSummary>();
		const check = async (entry: CatalogEntry): Promise<Snapshot> => {
			const read = readSnapshot(options.dataDir, entry.id);
			if ('problem' in read && !summaries.has(entry.id)) problems.push(read.problem);
			const previous = 'snapshot' in read ? read.snapshot : null;
			const snapshot = await verifyRecord(
				{ ...context, access: entry.data.access },
				entry.data,
				catalog.publishers.get(entry.data.publisher),
				previous,
			);
			// The staging folder is private to this run, so a plain write is enough here; the move into
			// place at the end is the atomic step.
			writeFileSync(join(staging, `${entry.id}.json`), serializeSnapshot(snapshot));
			summaries.set(entry.id, summarise(snapshot, diffSnapshots(previous, snapshot)));
			return snapshot;
		};
		try {
			const limit = pLimit(options.concurrency ?? limits.concurrency);
			reporter.start(entries.length);
			await Promise.all(
				entries.map((entry) => limit(async () => reporter.done(await check(entry)))),
			);
			const looksDown = entries.filter((e) => summaries.get(e.id)?.outcome === 'down');
			reporter.recheck(looksDown.length);
			if (looksDown.length > 0) {
				await new Promise((resolve) => setTimeout(resolve, limits.recheckDelayMs));
				await Promise.all(looksDown.map((entry) => limit(() => check(entry))));
			}
		} finally {
			await pool.close();
		}

		const records = entries.map((e) => summaries.get(e.id) as RecordSummary);
		const common = findCommonFailure(records, limits);
		if (common) {
			await rm(staging, { recursive: true, force: true });
			return {
				status: 'aborted',
				reason: `${common} — that is the checker's network failing, not the register; nothing was written`,
				problems,
			};
		}

		const move = pLimit(32);
		await Promise.all(
			records.map((r) =>
				move(() => rename(join(staging, `${r.id}.json`), snapshotPath(outDir, r.id))),
			),
		);
		await rm(staging, { recursive: true, force: true });

		const changes = records.flatMap((r) => r.changes);
		const report = buildReport(records, (performance.now() - started) / 1000);
		const date = startedAt.toISOString().slice(0, 10);
		const day: HistoryDay = {
			date,
			outcomes: Object.fromEntries(records.map((r) => [r.id, OUTCOME_LETTERS[r.outcome]])),
			changes,
			runs: [
				{
					startedAt: startedAt.toISOString(),
					finishedAt: now().toISOString(),
					shard: options.shard ? formatShard(options.shard) : null,
					records: records.length,
					counts: report.counts,
				},
			],
		};
		problems.push(...(await appendHistoryDay(outDir, day)));
		if (outDir === options.dataDir) {
			await pruneHistory(outDir, date);
		} else {
			await writeFileAtomic(
				join(outDir, 'run.json'),
				toJsonText({
					shard: options.shard ? formatShard(options.shard) : null,
					date,
					ids: records.map((r) => r.id),
				}),
			);
		}
		reporter.finish(report);
		return { status: 'completed', records, changes, problems, report };
	} finally {
		await rm(staging, { recursive: true, force: true });
		await client.close();
	}
}
