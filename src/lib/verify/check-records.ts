import pLimit from 'p-limit';
import type { Publisher } from '../../schemas/publisher.ts';
import type { CatalogEntry } from '../catalog/load-catalog.ts';
import type { Problem } from '../catalog/problem.ts';
import { readSnapshot } from '../state/snapshot-store.ts';
import type { RecordSummary, Reporter } from './report.ts';
import type { Staging } from './stage-snapshots.ts';
import { type RecordContext, verifyRecordSafely } from './verify-record.ts';

export interface CheckPhase {
	entries: readonly CatalogEntry[];
	publishers: ReadonlyMap<string, Publisher>;
	context: RecordContext;
	/** Folder holding last night's snapshots, which each check compares with. */
	dataDir: string;
	concurrency: number;
	recheckDelayMs: number;
	reporter: Reporter;
	/** Where each record's snapshot goes the moment its check ends. */
	staging: Staging;
}

export interface CheckedRecords {
	/** One summary per entry, in the entries' order. */
	records: RecordSummary[];
	/** Last night's snapshots that could not be read (each is replaced by tonight's). */
	problems: Problem[];
}

/**
 * The check phase: every entry checked (a few at a time), then the ones that looked down checked
 * again after a pause, so a short blip does not count. Each record goes through
 * {@link verifyRecordSafely}, so whatever one record throws is that record's inconclusive
 * snapshot; each snapshot is published to the staging folder as soon as it exists.
 */
export async function checkRecords(phase: CheckPhase): Promise<CheckedRecords> {
	const { entries, context, reporter, staging } = phase;
	const summaries = new Map<string, RecordSummary>();
	const problems: Problem[] = [];
	const check = (entry: CatalogEntry): Promise<RecordSummary> => {
		const read = readSnapshot(phase.dataDir, entry.id);
		if ('problem' in read && !summaries.has(entry.id)) problems.push(read.problem);
		const previous = 'snapshot' in read ? read.snapshot : null;
		return verifyRecordSafely(
			{ ...context, access: entry.data.access },
			entry.data,
			phase.publishers.get(entry.data.publisher),
			previous,
			(snapshot) => {
				const summary = staging.publish(snapshot, previous);
				summaries.set(entry.id, summary);
				return summary;
			},
		);
	};

	const limit = pLimit(phase.concurrency);
	reporter.start(entries.length);
	await Promise.all(entries.map((entry) => limit(async () => reporter.done(await check(entry)))));
	const looksDown = entries.filter((e) => summaries.get(e.id)?.outcome === 'down');
	reporter.recheck(looksDown.length);
	if (looksDown.length > 0) {
		await new Promise((resolve) => setTimeout(resolve, phase.recheckDelayMs));
		await Promise.all(looksDown.map((entry) => limit(() => check(entry))));
	}
	return { records: entries.map((e) => summaries.get(e.id) as RecordSummary), problems };
}
