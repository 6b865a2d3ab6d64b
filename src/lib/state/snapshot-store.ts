import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import pLimit from 'p-limit';
import { SNAPSHOT_LIMITS, type Snapshot, SnapshotSchema } from '../../schemas/snapshot.ts';
import { displayPath, type Problem, problem } from '../catalog/problem.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { type FittedSnapshot, fitSnapshot } from './cap-snapshot.ts';
import { parseStoredJson, unreadableFile } from './stored-json.ts';

export function snapshotsDir(dataDir: string): string {
	return join(dataDir, 'snapshots');
}

export function snapshotPath(dataDir: string, id: string): string {
	return join(snapshotsDir(dataDir), `${id}.json`);
}

/**
 * The snapshot as it will be stored, and its JSON text: keys in schema order, 2-space
 * indentation, final newline, and within SNAPSHOT_LIMITS (strings clipped, spec lists cut to fit
 * the byte cap and marked). Every write of a snapshot goes through here, so no path can write a
 * larger one; whatever compares snapshots compares this stored one, as the next run reads it.
 */
export function storedSnapshot(snapshot: Snapshot): FittedSnapshot {
	return fitSnapshot(SnapshotSchema.parse(snapshot));
}

/** The JSON text of the snapshot as stored (see {@link storedSnapshot}). */
export function serializeSnapshot(snapshot: Snapshot): string {
	return storedSnapshot(snapshot).text;
}

export async function writeSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
	await writeFileAtomic(snapshotPath(dataDir, snapshot.id), serializeSnapshot(snapshot));
}

/** Writes many snapshots, each atomically, a few at a time. */
export async function writeSnapshots(
	dataDir: string,
	snapshots: readonly Snapshot[],
): Promise<void> {
	await mkdir(snapshotsDir(dataDir), { recursive: true });
	const limit = pLimit(32);
	await Promise.all(
		snapshots.map((snapshot) =>
			limit(() =>
				writeFileAtomic(snapshotPath(dataDir, snapshot.id), serializeSnapshot(snapshot), {
					createDir: false,
				}),
			),
		),
	);
}

export type SnapshotRead = { snapshot: Snapshot } | { problem: Problem } | { missing: true };

/** How to recover a corrupt snapshot: nothing in it is worth more than the next check. */
function restoreSnapshot(file: string): string {
	return `restore it from git (git checkout -- ${displayPath(file)}) or delete it; the next nightly run writes a fresh one`;
}

/**
 * Reads one snapshot back through its schema; a corrupt file becomes a problem naming it.
 * Synchronous on purpose: for files this small, readFileSync is an order of magnitude faster
 * than fs.promises, and thousands are read per run.
 */
export function readSnapshot(dataDir: string, id: string): SnapshotRead {
	const file = snapshotPath(dataDir, id);
	let text: string;
	try {
		// Checked before reading: a file far over the cap (112 MB was seen) is refused unread.
		const bytes = statSync(file).size;
		if (bytes > SNAPSHOT_LIMITS.maxBytes) {
			return {
				problem: problem(
					file,
					'file',
					`is ${bytes} bytes, over the ${SNAPSHOT_LIMITS.maxBytes}-byte cap of a snapshot — delete it; the next verify run writes a fresh one within the cap`,
				),
			};
		}
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
		return { problem: unreadableFile(file, error) };
	}
	const parsed = parseStoredJson(file, text, SnapshotSchema, 'snapshot', restoreSnapshot);
	if ('problem' in parsed) return parsed;
	if (parsed.value.id !== basename(file, '.json')) {
		return {
			problem: problem(
				file,
				'id',
				`says ${JSON.stringify(parsed.value.id)}, not the file's name — ${restoreSnapshot(file)}`,
			),
		};
	}
	return { snapshot: parsed.value };
}

/** The ids of every snapshot file present, sorted; none when there is no snapshots folder. */
export async function snapshotIds(dataDir: string): Promise<string[]> {
	try {
		return (await readdir(snapshotsDir(dataDir)))
			.filter((f) => f.endsWith('.json'))
			.map((f) => basename(f, '.json'))
			.sort();
	} catch {
		return [];
	}
}

/**
 * Reads the snapshots of the given ids (or of every file present). Corrupt files are reported by
 * name, left out and left alone; the caller decides what they mean — the build and `validate`
 * refuse them, the verifier checks those records afresh and writes a new snapshot over them.
 */
export async function readSnapshots(
	dataDir: string,
	ids?: readonly string[],
): Promise<{ snapshots: Map<string, Snapshot>; problems: Problem[] }> {
	const wanted = ids ?? (await snapshotIds(dataDir));
	const reads = wanted.map((id) => [id, readSnapshot(dataDir, id)] as const);
	const snapshots = new Map<string, Snapshot>();
	const problems: Problem[] = [];
	for (const [id, read] of reads) {
		if ('snapshot' in read) snapshots.set(id, read.snapshot);
		else if ('problem' in read) problems.push(read.problem);
	}
	return { snapshots, problems };
}
