import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ShardManifest, ShardManifestSchema } from '../../schemas/shard-manifest.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { type Problem, problem } from '../catalog/problem.ts';
import { appendHistoryDay, pruneHistory, readHistoryDay } from '../state/history-store.ts';
import { readSnapshot, writeSnapshots } from '../state/snapshot-store.ts';
import { parseShard } from './shard.ts';

export interface MergeResult {
	merged: number;
	/** Snapshot files refused (over the byte cap, or not a valid snapshot); their records keep the previous one. */
	refused: number;
	shards: string[];
	/** Shard numbers that did not report (their records keep last night's snapshots). */
	missing: number[];
	problems: Problem[];
}

async function readManifest(dir: string): Promise<ShardManifest | Problem> {
	const file = join(dir, 'run.json');
	try {
		const parsed = ShardManifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
		if (parsed.success) return parsed.data;
		return problem(
			file,
			'file',
			`is not a verify run manifest (${parsed.error.issues[0]?.message}) — pass folders written by npm run verify -- --out`,
		);
	} catch (error) {
		return problem(
			file,
			'file',
			`cannot be read (${(error as Error).message}) — pass folders written by npm run verify -- --out`,
		);
	}
}

/**
 * Combines the outputs of shard jobs into the data dir. Everything is read and checked before
 * anything is written: a missing or inconsistent shard never half-merges. Records of a shard
 * that did not report keep their previous snapshots.
 */
export async function mergeShards(
	dataDir: string,
	dirs: readonly string[],
	options: { requireAll?: boolean } = {},
): Promise<MergeResult> {
	const problems: Problem[] = [];
	const manifests: { dir: string; manifest: ShardManifest }[] = [];
	for (const dir of dirs) {
		const read = await readManifest(dir);
		if ('ids' in read) manifests.push({ dir, manifest: read });
		else problems.push(read);
	}
	const totals = new Set<number>();
	const seenShards = new Map<number, string>();
	const seenIds = new Map<string, string>();
	for (const { dir, manifest } of manifests) {
		if (manifest.shard) {
			const shard = parseShard(manifest.shard);
			totals.add(shard.total);
			const other = seenShards.get(shard.index);
			if (other)
				problems.push(
					problem(
						join(dir, 'run.json'),
						'shard',
						`shard ${manifest.shard} also came from ${other} — pass each shard's folder once`,
					),
				);
			seenShards.set(shard.index, dir);
		}
		for (const id of manifest.ids) {
			const other = seenIds.get(id);
			if (other)
				problems.push(
					problem(
						join(dir, 'run.json'),
						'ids',
						`${id} was also checked by ${other} — shards must not overlap; use the same N for every job`,
					),
				);
			seenIds.set(id, dir);
		}
	}
	if (totals.size > 1) {
		problems.push(
			problem(
				dirs.join(', '),
				'shard',
				`the shards disagree on N (${[...totals].join(', ')}) — run every job with the same --shard K/N`,
			),
		);
	}
	const total = [...totals][0] ?? 0;
	const missing = Array.from({ length: total }, (_, i) => i + 1).filter((k) => !seenShards.has(k));
	if (options.requireAll && missing.length > 0) {
		problems.push(
			problem(
				dirs.join(', '),
				'shard',
				`shard(s) ${missing.join(', ')} of ${total} did not report — re-run them, or merge without --require-all`,
			),
		);
	}

	const snapshots: Snapshot[] = [];
	let refused = 0;
	for (const { dir, manifest } of manifests) {
		for (const id of manifest.ids) {
			// readSnapshot refuses a file over SNAPSHOT_LIMITS.maxBytes unread, so nothing GitHub
			// would reject is ever copied into the data dir.
			const read = readSnapshot(dir, id);
			if ('snapshot' in read) snapshots.push(read.snapshot);
			else if ('problem' in read) {
				// One bad file costs its record tonight's snapshot, never the whole merge.
				refused++;
				problems.push({
					...read.problem,
					severity: 'warning',
					fix: `not merged; ${id} keeps its previous snapshot`,
				});
			} else
				problems.push(
					problem(
						join(dir, 'snapshots', `${id}.json`),
						'file',
						'is listed in run.json but missing — the shard output is incomplete; re-run that shard',
					),
				);
		}
	}
	const days = [];
	for (const { dir, manifest } of manifests) {
		const { day, problem: dayProblem } = await readHistoryDay(dir, manifest.date);
		if (dayProblem) problems.push(dayProblem);
		if (day) days.push(day);
	}
	if (problems.some((p) => p.severity === 'error')) {
		return { merged: 0, refused, shards: [], missing, problems };
	}
	await writeSnapshots(dataDir, snapshots);
	for (const day of days) problems.push(...(await appendHistoryDay(dataDir, day)));
	const latest = manifests
		.map((m) => m.manifest.date)
		.sort()
		.at(-1);
	if (latest) await pruneHistory(dataDir, latest);
	return {
		merged: snapshots.length,
		refused,
		shards: manifests.map((m) => m.manifest.shard ?? m.dir),
		missing,
		problems,
	};
}
