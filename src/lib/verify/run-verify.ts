import { performance } from 'node:perf_hooks';
import type { Change } from '../../schemas/history.ts';
import { type CatalogEntry, loadCatalog } from '../catalog/load-catalog.ts';
import type { Problem } from '../catalog/problem.ts';
import { type AddressGateOptions, addressGate } from '../net/address-policy.ts';
import { checkNetwork } from './canary.ts';
import { checkRecords } from './check-records.ts';
import { DEFAULT_CANARIES, VERIFY_DEFAULTS, type VerifyLimits } from './constants.ts';
import { createHttpClient } from './http-client.ts';
import { createSpecPool } from './openapi/spec-pool.ts';
import { type RecordSummary, type Reporter, type RunReport, silentReporter } from './report.ts';
import { findCommonFailure } from './sanity.ts';
import { inShard, type Shard } from './shard.ts';
import { openStaging, type Staging } from './stage-snapshots.ts';
import { writeNight } from './write-night.ts';

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

/**
 * One verify run, in three phases: check every selected record (re-checking the ones that look
 * down), publishing each snapshot to a staging folder as it comes; then, only if the results do
 * not say our own network failed, write the night: snapshots into place, history appended.
 * Before any of it, the catalog is loaded through the shared loader and the network proved.
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
	const ca = options.ca ? { ca: options.ca } : {};
	const client = createHttpClient({ limits, mayConnect, ...ca });
	let staging: Staging | undefined;

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

		staging = await openStaging(outDir);
		const pool = createSpecPool(limits);
		const checked = await checkRecords({
			entries,
			publishers: catalog.publishers,
			context: {
				client,
				limits,
				access: 'open',
				mayConnect,
				now,
				pool,
				gate,
				proofs: { client, maxBytes: limits.proofBodyBytes, cache: new Map() },
				...ca,
			},
			dataDir: options.dataDir,
			concurrency: options.concurrency ?? limits.concurrency,
			recheckDelayMs: limits.recheckDelayMs,
			reporter,
			staging,
		}).finally(() => pool.close());
		problems.push(...checked.problems);

		const { records } = checked;
		const common = findCommonFailure(records, limits);
		if (common) {
			return {
				status: 'aborted',
				reason: `${common} — that is the checker's network failing, not the register; nothing was written`,
				problems,
			};
		}

		const night = await writeNight({
			outDir,
			dataDir: options.dataDir,
			staging,
			records,
			shard: options.shard,
			startedAt,
			now,
			elapsedSeconds: () => (performance.now() - started) / 1000,
		});
		problems.push(...night.problems);
		reporter.finish(night.report);
		return { status: 'completed', records, changes: night.changes, problems, report: night.report };
	} finally {
		await staging?.discard();
		await client.close();
	}
}
