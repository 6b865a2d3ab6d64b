import { join } from 'node:path';
import type { Change, HistoryDay } from '../../schemas/history.ts';
import { OUTCOME_LETTERS } from '../../schemas/history.ts';
import { ShardManifestSchema } from '../../schemas/shard-manifest.ts';
import type { Problem } from '../catalog/problem.ts';
import { toJsonText, writeFileAtomic } from '../fs/atomic-write.ts';
import { appendHistoryDay, pruneHistory } from '../state/history-store.ts';
import { buildReport, type RecordSummary, type RunReport } from './report.ts';
import { formatShard, type Shard } from './shard.ts';
import type { Staging } from './stage-snapshots.ts';

export interface Night {
	/** Folder the run writes to: the data dir, or a shard job's own folder. */
	outDir: string;
	/** Folder the run read the catalog from; history is pruned only when writing into it. */
	dataDir: string;
	staging: Staging;
	records: readonly RecordSummary[];
	shard: Shard | undefined;
	startedAt: Date;
	now: () => Date;
	/** Seconds the run has taken so far, for the report. */
	elapsedSeconds: () => number;
}

export interface WrittenNight {
	changes: Change[];
	report: RunReport;
	problems: Problem[];
}

/**
 * The write-night phase, reached only by a run whose results can be trusted: the staged
 * snapshots move into place, the night's outcomes and changes are appended to the history, and
 * either old history is pruned (a run writing into the data dir) or a manifest says which shard
 * wrote which records (a shard job's folder, for `npm run verify:merge`).
 */
export async function writeNight(night: Night): Promise<WrittenNight> {
	const { records, startedAt, outDir } = night;
	// The emptied staging folder is left to the run, which discards it however the run ends.
	await night.staging.moveIntoPlace(records.map((r) => r.id));

	const changes = records.flatMap((r) => r.changes);
	const report = buildReport(records, night.elapsedSeconds());
	const date = startedAt.toISOString().slice(0, 10);
	const shard = night.shard ? formatShard(night.shard) : null;
	const day: HistoryDay = {
		date,
		outcomes: Object.fromEntries(records.map((r) => [r.id, OUTCOME_LETTERS[r.outcome]])),
		changes,
		runs: [
			{
				startedAt: startedAt.toISOString(),
				finishedAt: night.now().toISOString(),
				shard,
				records: records.length,
				counts: report.counts,
			},
		],
	};
	const problems = await appendHistoryDay(outDir, day);
	if (outDir === night.dataDir) {
		await pruneHistory(outDir, date);
	} else {
		await writeFileAtomic(
			join(outDir, 'run.json'),
			toJsonText(ShardManifestSchema.parse({ shard, date, ids: records.map((r) => r.id) })),
		);
	}
	return { changes, report, problems };
}
