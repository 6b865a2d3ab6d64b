import { performance } from 'node:perf_hooks';
import type { HarvestSkip, ImportState } from '../../schemas/imported.ts';
import type { Problem } from '../catalog/problem.ts';
import {
	readImportedSource,
	writeImportedSource,
	writeImportState,
} from '../state/imported-files.ts';
import { SourceUnchanged } from './adapter.ts';
import { IMPORT_DEFAULTS } from './constants.ts';
import { type Harvest, harvestSource, oneLine, type SourceRun } from './harvest-source.ts';
import { listedCount, reconcileRecords } from './reconcile-records.ts';

export type ImportOutcome = ImportState['lastOutcome'];
export type { SourceRun };

export interface SourceReport {
	source: string;
	outcome: ImportOutcome;
	/** Records the source holds after the run (the previous import's when it was kept). */
	records: number;
	counts: ImportState['counts'];
	/** The first records left out, with the field at fault. */
	skipped: HarvestSkip[];
	/** Values dropped from records that were kept (a bad link, an unknown format). */
	dropped: { count: number; first: HarvestSkip[] };
	/** Why the source failed or collapsed. */
	error?: string;
	seconds: number;
	/** Ids the source holds after the run. */
	ids: string[];
	/** What was wrong with the previous import's files (those lines were not carried over). */
	problems: Problem[];
}

export interface SourceResult {
	report: SourceReport;
	/** For a failed source: records the failure in state.json (deferred: see runImport). */
	recordFailure?: () => Promise<void>;
}

/** A run's time as state.json writes it: whole seconds, UTC. */
const stamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function baseState(
	run: SourceRun,
	previous: ImportState | undefined,
	records: number,
): ImportState {
	return {
		source: run.source.id,
		lastRunAt: stamp(run.now),
		lastOutcome: 'imported',
		...(previous?.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {}),
		failures: 0,
		counts: { records, added: 0, updated: 0, delisted: 0, removed: 0, skipped: 0 },
		skipped: [],
		validators: previous?.validators ?? [],
	};
}

/**
 * A 304: the source lists what it listed last time. Records delisted for too long still go, so
 * an unchanged source does not hold them forever.
 */
async function unchanged(
	run: SourceRun,
	previous: Awaited<ReturnType<typeof readImportedSource>>,
	kept: (outcome: ImportOutcome, error: undefined) => { report: SourceReport; state: ImportState },
): Promise<SourceResult> {
	const today = run.now.toISOString().slice(0, 10);
	const listed = previous.records.filter((r) => r.provenance.delistedAt === undefined);
	const { records, counts } = reconcileRecords(
		previous.records,
		listed,
		today,
		IMPORT_DEFAULTS.delistedDays,
	);
	const { report, state } = kept('unchanged', undefined);
	state.counts = { ...state.counts, records: records.length, removed: counts.removed };
	if (!run.dryRun) {
		if (counts.removed > 0) {
			await writeImportedSource(run.dataDir, run.source.id, {
				records,
				publishers: previous.publishers,
				state,
			});
		} else {
			await writeImportState(run.dataDir, run.source.id, state);
		}
	}
	return {
		report: {
			...report,
			records: records.length,
			counts: state.counts,
			ids: records.map((r) => r.entry.id),
		},
	};
}

/**
 * One source's night: run its adapter, normalise what it yields, reconcile with the previous
 * import and write the result — or, when the source failed, timed out or collapsed, keep the
 * previous import untouched and say why in state.json. Never throws for the source's faults.
 */
export async function importSource(run: SourceRun): Promise<SourceResult> {
	const started = performance.now();
	const { source } = run;
	const seconds = () => Math.round((performance.now() - started) / 100) / 10;
	const previous = await readImportedSource(run.dataDir, source.id);
	const previousIds = previous.records.map((r) => r.entry.id);
	const previousValidators = new Map(
		(previous.state?.validators ?? []).map(({ url, etag, lastModified }) => [
			url,
			{ ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
		]),
	);
	const kept = (outcome: ImportOutcome, error: string | undefined, partial?: Harvest) => {
		const base = baseState(run, previous.state, previous.records.length);
		const state: ImportState = {
			...base,
			lastOutcome: outcome,
			...(error ? { lastError: oneLine(error) } : {}),
			failures: outcome === 'unchanged' ? 0 : (previous.state?.failures ?? 0) + 1,
			...(partial
				? { counts: { ...base.counts, skipped: partial.skippedCount }, skipped: partial.skipped }
				: {}),
		};
		const report: SourceReport = {
			source: source.id,
			outcome,
			records: previous.records.length,
			counts: state.counts,
			skipped: partial?.skipped ?? [],
			dropped: partial?.dropped ?? { count: 0, first: [] },
			...(error ? { error: oneLine(error) } : {}),
			seconds: seconds(),
			ids: previousIds,
			problems: previous.problems,
		};
		return { report, state };
	};

	const deadlineMs = run.deadlineMs ?? IMPORT_DEFAULTS.sourceDeadlineMs;
	const deadline = AbortSignal.timeout(deadlineMs);
	let harvested: Harvest;
	try {
		harvested = await harvestSource(run, previous.records, previousValidators, deadline);
	} catch (error) {
		if (error instanceof SourceUnchanged) return unchanged(run, previous, kept);
		const message = deadline.aborted
			? `took longer than ${Math.round(deadlineMs / 1000)} s, the limit for one source`
			: error instanceof Error
				? error.message
				: String(error);
		const { report, state } = kept('failed', message);
		return {
			report,
			recordFailure: async () => {
				if (!run.dryRun) await writeImportState(run.dataDir, source.id, state);
			},
		};
	}

	const today = run.now.toISOString().slice(0, 10);
	const before = listedCount(previous.records);
	if (
		before >= IMPORT_DEFAULTS.collapseMinRecords &&
		harvested.records.length < before * IMPORT_DEFAULTS.collapseShare
	) {
		const { report, state } = kept(
			'collapsed',
			`listed ${harvested.records.length} records, down from ${before}; the previous import is kept`,
			harvested,
		);
		if (!run.dryRun) await writeImportState(run.dataDir, source.id, state);
		return { report };
	}

	const { records, counts } = reconcileRecords(
		previous.records,
		harvested.records,
		today,
		IMPORT_DEFAULTS.delistedDays,
	);
	// Delisted records keep the publisher they had.
	const publishers = harvested.publishers;
	const previousPublishers = new Map(previous.publishers.map((p) => [p.id, p]));
	for (const record of records) {
		const id = record.entry.publisher;
		const old = previousPublishers.get(id);
		if (!publishers.has(id) && old) publishers.set(id, old);
	}
	const state: ImportState = {
		...baseState(run, previous.state, records.length),
		lastSuccessAt: stamp(run.now),
		counts: { records: records.length, ...counts, skipped: harvested.skippedCount },
		skipped: harvested.skipped,
		validators: [...harvested.validators].map(([url, v]) => ({ url, ...v })),
	};
	if (!run.dryRun) {
		await writeImportedSource(run.dataDir, source.id, {
			records,
			publishers: [...publishers.values()],
			state,
		});
	}
	return {
		report: {
			source: source.id,
			outcome: 'imported',
			records: records.length,
			counts: state.counts,
			skipped: harvested.skipped,
			dropped: harvested.dropped,
			seconds: seconds(),
			ids: records.map((r) => r.entry.id),
			problems: previous.problems,
		},
	};
}
