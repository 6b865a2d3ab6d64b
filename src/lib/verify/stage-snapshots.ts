import { writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { snapshotPath, snapshotsDir, storedSnapshot } from '../state/snapshot-store.ts';
import { diffSnapshots } from './changes.ts';
import { type RecordSummary, summarise } from './report.ts';

/**
 * The publish phase: each record's snapshot is written to a staging folder the moment its check
 * ends, so memory holds a short summary per record, not the snapshots. Nothing reaches
 * `snapshots/` until {@link Staging.moveIntoPlace}; a crash or an abandoned run leaves last
 * night's snapshots untouched.
 */
export interface Staging {
	/** Stages one record's snapshot (schema-checked on the way) and returns what the run keeps of it. */
	publish(snapshot: Snapshot, previous: Snapshot | null): RecordSummary;
	/** Moves these records' staged snapshots into place, each by an atomic rename. */
	moveIntoPlace(ids: readonly string[]): Promise<void>;
	/** Deletes the staging folder and whatever is left in it. */
	discard(): Promise<void>;
}

const STAGING_PREFIX = '.staging-';

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
			.filter((n) => n.startsWith(STAGING_PREFIX))
			.map((n) => rm(join(dir, n), { recursive: true, force: true })),
	);
}

/** Opens this run's staging folder inside `<outDir>/snapshots/`, clearing any a crashed run left. */
export async function openStaging(outDir: string): Promise<Staging> {
	const finalDir = snapshotsDir(outDir);
	const dir = join(finalDir, `${STAGING_PREFIX}${process.pid}-${Date.now()}`);
	await clearStaleStaging(finalDir);
	await mkdir(dir, { recursive: true });
	return {
		publish(snapshot, previous) {
			// The staging folder is private to this run, so a plain write is enough here; the move
			// into place is the atomic step.
			// The changes are those between the stored snapshots: `previous` was read from disk, so
			// comparing it with the snapshot before the byte cap would report the list items the
			// cap drops as added.
			const stored = storedSnapshot(snapshot);
			writeFileSync(join(dir, `${snapshot.id}.json`), stored.text);
			return summarise(stored.snapshot, diffSnapshots(previous, stored.snapshot));
		},
		async moveIntoPlace(ids) {
			const move = pLimit(32);
			await Promise.all(
				ids.map((id) => move(() => rename(join(dir, `${id}.json`), snapshotPath(outDir, id)))),
			);
		},
		discard: () => rm(dir, { recursive: true, force: true }),
	};
}
