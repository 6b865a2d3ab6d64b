/**
 * Synthetic measurements (snapshots and history) for a synthetic catalog — benchmarks only,
 * written to temporary folders, never into data/. They let the site build render records in
 * every state, as after a real night, without a network.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { toJsonText } from '../src/lib/fs/atomic-write.ts';
import { isoDateDaysBefore, writeHistoryDay } from '../src/lib/state/history-store.ts';
import { OUTCOME_LETTERS } from '../src/schemas/history.ts';
import type { Outcome, Snapshot } from '../src/schemas/snapshot.ts';
import { random, type SyntheticRecord, specOperations } from './synthetic-catalog.ts';

const OUTCOMES: readonly Outcome[] = [
	'up',
	'up',
	'up',
	'up',
	'up',
	'up',
	'up',
	'up',
	'degraded',
	'down',
	'inconclusive',
];

export function syntheticSnapshot(record: SyntheticRecord, i: number, checkedAt: string): Snapshot {
	const rand = random(i * 31 + 7);
	const outcome = OUTCOMES[Math.floor(rand() * OUTCOMES.length)] as Outcome;
	const origin = `https://api${i % 997}.gov-${record.country.toLowerCase()}.eu`;
	const ms = 40 + Math.floor(rand() * 400);
	const operations = record.hasSpec ? specOperations(i) : 0;
	return {
		id: record.id,
		checkedAt,
		outcome,
		reason:
			outcome === 'up'
				? 'The base URL answered 200.'
				: outcome === 'down'
					? 'The base URL answered 503: server error.'
					: outcome === 'degraded'
						? 'The base URL answered 200, but slowly (6100 ms).'
						: 'The base URL answered 403 with a bot-protection challenge.',
		lastUpAt: outcome === 'down' ? null : checkedAt,
		checks: [
			{
				target: record.kind === 'api' ? 'base' : 'distribution',
				url: `${origin}/api/${i}`,
				method: 'GET',
				status: outcome === 'down' ? 503 : 200,
				ms,
				error: null,
				finalUrl: `${origin}/api/${i}`,
				redirects: 0,
				tlsDaysLeft: 45,
				outcome,
				note: 'answered',
			},
			{
				target: 'docs',
				url: `${origin}/docs/${i}`,
				method: 'HEAD',
				status: 200,
				ms: ms + 5,
				error: null,
				finalUrl: `${origin}/docs/${i}`,
				redirects: 0,
				tlsDaysLeft: 45,
				outcome: 'up',
				note: 'answered 200',
			},
		],
		spec: record.hasSpec
			? {
					url: `${origin}/spec/${i}.json`,
					format: 'openapi',
					version: '3.0.3',
					title: `Synthetic API ${i}`,
					valid: rand() > 0.1,
					errors: [],
					sha256: 'a'.repeat(64),
					bytes: 2000 + operations * 400,
					operations,
					parameters: Array.from({ length: Math.min(operations, 12) }, (_, p) => ({
						name: `filter${p}`,
						in: 'query',
						type: 'string',
						description: 'Filters the result',
						required: false,
						operation: `getItem${p}`,
						operations: 1,
					})).concat([
						{
							name: 'siret',
							in: 'query',
							type: 'string',
							description: 'Establishment number',
							required: false,
							operation: 'getItem0',
							operations,
						},
					]),
					fields: ['id', 'name', 'address', 'address.city', 'address.postcode', 'tags'].map(
						(name) => ({
							name,
							type: name === 'address' ? 'object' : 'string',
							description: '',
							operation: 'getItem0',
						}),
					),
					truncated: false,
					capturedAt: checkedAt,
					fetchError: null,
				}
			: null,
		proofs: [],
	};
}

/** Writes a snapshot per record and `nights` nights of history ending today. */
export async function writeSyntheticState(
	dataDir: string,
	records: readonly SyntheticRecord[],
	nights = 30,
): Promise<void> {
	const now = new Date();
	const checkedAt = now.toISOString();
	await mkdir(join(dataDir, 'snapshots'), { recursive: true });
	const limit = pLimit(64);
	const snapshots = await Promise.all(
		records.map((record, i) =>
			limit(async () => {
				const snapshot = syntheticSnapshot(record, i, checkedAt);
				await writeFile(join(dataDir, 'snapshots', `${record.id}.json`), toJsonText(snapshot));
				return snapshot;
			}),
		),
	);
	const today = checkedAt.slice(0, 10);
	for (let night = 0; night < nights; night++) {
		const date = isoDateDaysBefore(today, night);
		const outcomes: Record<string, 'U' | 'D' | 'X' | 'I'> = {};
		for (const [i, snapshot] of snapshots.entries()) {
			outcomes[snapshot.id] =
				night === 0
					? OUTCOME_LETTERS[snapshot.outcome]
					: random(i * 101 + night)() < 0.97
						? 'U'
						: 'X';
		}
		await writeHistoryDay(dataDir, { date, outcomes, changes: [], runs: [] });
	}
}
