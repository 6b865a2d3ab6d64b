import { performance } from 'node:perf_hooks';
import type {
	HarvestSkip,
	ImportedPublisher,
	ImportedRecord,
	ImportState,
} from '../../schemas/imported.ts';
import type { SourceFile } from '../../schemas/source.ts';
import type { PublisherFile } from '../catalog/load-publishers.ts';
import type { Problem } from '../catalog/problem.ts';
import { withoutControlCharacters } from '../cli/safe-log-text.ts';
import {
	readImportedSource,
	writeImportedSource,
	writeImportState,
} from '../state/imported-files.ts';
import {
	type Adapter,
	type AdapterContext,
	type ImportHttp,
	type ImportLimits,
	SourceFailure,
	SourceUnchanged,
} from './adapter.ts';
import { IdAssigner } from './assign-ids.ts';
import { IMPORT_DEFAULTS, importLimits } from './constants.ts';
import { withDeadline } from './import-http.ts';
import { createPublisherMatcher } from './match-publisher.ts';
import { normaliseRecord } from './normalise-record.ts';
import { listedCount, reconcileRecords } from './reconcile-records.ts';

export type ImportOutcome = ImportState['lastOutcome'];

export interface SourceRun {
	source: SourceFile;
	/** Resolves the source's adapter; a rejection fails the source. */
	adapter: () => Promise<Adapter>;
	http: ImportHttp;
	dataDir: string;
	now: Date;
	allowPrivate: boolean;
	dryRun: boolean;
	/** Hand-written publishers. */
	publishers: ReadonlyMap<string, PublisherFile>;
	/** Ids of hand-written entries. */
	handWritten: ReadonlySet<string>;
	/** Whether another source's import holds an id. */
	otherImports: { has(id: string): boolean };
	limits?: Partial<ImportLimits>;
	/** How long the whole source may take (tests shorten it). */
	deadlineMs?: number;
	/** Called once per item the adapter yields (progress). */
	onItem?: () => void;
}

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

const oneLine = (text: string) =>
	withoutControlCharacters(text).replace(/\s+/g, ' ').trim().slice(0, 500);

/** A skip line as state.json keeps it: plain, one line, within the schema's lengths. */
function cleanSkip(item: HarvestSkip): HarvestSkip {
	return {
		...(item.sourceId ? { sourceId: oneLine(item.sourceId) } : {}),
		field: oneLine(item.field).slice(0, 200),
		reason: oneLine(item.reason),
	};
}

interface Harvest {
	records: ImportedRecord[];
	publishers: Map<string, ImportedPublisher>;
	skipped: HarvestSkip[];
	skippedCount: number;
	dropped: { count: number; first: HarvestSkip[] };
	validators: Map<string, { etag?: string; lastModified?: string }>;
}

async function harvest(
	run: SourceRun,
	previous: readonly ImportedRecord[],
	previousValidators: ReadonlyMap<string, { etag?: string; lastModified?: string }>,
	signal: AbortSignal,
): Promise<Harvest> {
	const { source } = run;
	const today = run.now.toISOString().slice(0, 10);
	const limits: ImportLimits = { ...importLimits(source.filters?.maxRecords), ...run.limits };
	const bySourceId = new Map(previous.map((r) => [r.provenance.sourceId, r]));
	const ids = new IdAssigner({
		source: source.id,
		handWritten: run.handWritten,
		otherImports: run.otherImports,
		previous: new Map(previous.map((r) => [r.provenance.sourceId, r.entry.id])),
	});
	const context = {
		source,
		today,
		allowPrivate: run.allowPrivate,
		publishers: run.publishers,
		matchPublisher: createPublisherMatcher(source.id, run.publishers),
		ids,
		previous: bySourceId,
	};
	const out: Harvest = {
		records: [],
		publishers: new Map(),
		skipped: [],
		skippedCount: 0,
		dropped: { count: 0, first: [] },
		validators: new Map(),
	};
	const skip = (item: HarvestSkip) => {
		out.skippedCount += 1;
		// A source yielding nothing but rubbish would otherwise never stop.
		if (out.skippedCount > limits.maxRecords) {
			throw new SourceFailure(`left out more than ${limits.maxRecords} records`);
		}
		if (out.skipped.length < IMPORT_DEFAULTS.skippedKept) out.skipped.push(cleanSkip(item));
	};
	const adapterContext: AdapterContext = {
		source,
		http: withDeadline(run.http, signal),
		limits,
		signal,
		previousValidators,
		rememberValidators: (url, validators) => {
			if (out.validators.size < 50) out.validators.set(url, validators);
		},
	};
	const seen = new Set<string>();
	const adapter = await run.adapter();
	for await (const item of adapter(adapterContext)) {
		if (signal.aborted) throw new SourceFailure('took longer than its deadline');
		run.onItem?.();
		if ('skipped' in item) {
			skip(item.skipped);
			continue;
		}
		if (seen.size >= limits.maxRecords) break;
		const { sourceId } = item.record;
		if (seen.has(sourceId)) {
			skip({ sourceId, field: 'sourceId', reason: 'listed twice; the first is kept' });
			continue;
		}
		seen.add(sourceId);
		const result = normaliseRecord(item.record, context);
		if ('skipped' in result) {
			skip(result.skipped);
			continue;
		}
		out.records.push(result.record);
		out.publishers.set(result.publisher.id, result.publisher);
		out.dropped.count += result.dropped.length;
		for (const d of result.dropped) {
			if (out.dropped.first.length < IMPORT_DEFAULTS.skippedPrinted) {
				out.dropped.first.push(cleanSkip(d));
			}
		}
	}
	return out;
}

function baseState(
	run: SourceRun,
	previous: ImportState | undefined,
	records: number,
): ImportState {
	return {
		source: run.source.id,
		lastRunAt: run.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
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
		const state: ImportState = {
			...baseState(run, previous.state, previous.records.length),
			lastOutcome: outcome,
			...(error ? { lastError: oneLine(error) } : {}),
			failures: outcome === 'unchanged' ? 0 : (previous.state?.failures ?? 0) + 1,
			...(partial
				? {
						counts: {
							...baseState(run, previous.state, previous.records.length).counts,
							skipped: partial.skippedCount,
						},
						skipped: partial.skipped,
					}
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
		harvested = await harvest(run, previous.records, previousValidators, deadline);
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
		lastSuccessAt: run.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		counts: { records: records.length, ...counts, skipped: harvested.skippedCount },
		skipped: harvested.skipped,
		validators: [...harvested.validators].map(([url, v]) => ({ url: url.slice(0, 2048), ...v })),
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
