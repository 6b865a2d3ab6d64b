import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
	type Change,
	type HistoryDay,
	HistoryDaySchema,
	type RunSummary,
} from '../../schemas/history.ts';
import { type Problem, problem } from '../catalog/problem.ts';
import { toJsonText, writeFileAtomic } from '../fs/atomic-write.ts';

/** Nights of history kept; older files are removed by the verifier. */
export const HISTORY_RETENTION_DAYS = 400;

export function historyPath(dataDir: string, date: string): string {
	return join(dataDir, 'history', date.slice(0, 4), `${date}.json`);
}

export function emptyDay(date: string): HistoryDay {
	return { date, outcomes: {}, changes: [], runs: [] };
}

export async function readHistoryDay(
	dataDir: string,
	date: string,
): Promise<{ day: HistoryDay | null; problem?: Problem }> {
	const file = historyPath(dataDir, date);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return { day: null };
	}
	try {
		const parsed = HistoryDaySchema.safeParse(JSON.parse(text));
		if (parsed.success && parsed.data.date === date) return { day: parsed.data };
		const why = parsed.success
			? `its date is ${parsed.data.date}`
			: (parsed.error.issues[0]?.message ?? 'invalid');
		return {
			day: null,
			problem: problem(
				file,
				'file',
				`does not match the history schema (${why}) — restore it from git, or delete it to lose that night`,
			),
		};
	} catch (error) {
		return {
			day: null,
			problem: problem(
				file,
				'file',
				`is not valid JSON (${(error as Error).message}) — restore it from git, or delete it to lose that night`,
			),
		};
	}
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
	return Object.fromEntries(
		Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
	);
}

function changeKey(change: Change): string {
	return JSON.stringify(change);
}

/** Combines two partial nights (shards, or a second run the same day): later outcomes win. */
export function mergeHistoryDays(base: HistoryDay, incoming: HistoryDay): HistoryDay {
	const seen = new Set(base.changes.map(changeKey));
	const changes = [...base.changes];
	for (const change of incoming.changes) {
		if (!seen.has(changeKey(change))) changes.push(change);
	}
	changes.sort((a, b) =>
		a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
	);
	const runs: RunSummary[] = [...base.runs, ...incoming.runs].sort((a, b) =>
		a.startedAt < b.startedAt ? -1 : 1,
	);
	return {
		date: base.date,
		outcomes: sortedRecord({ ...base.outcomes, ...incoming.outcomes }),
		changes,
		runs,
	};
}

export async function writeHistoryDay(dataDir: string, day: HistoryDay): Promise<void> {
	await writeFileAtomic(
		historyPath(dataDir, day.date),
		toJsonText(HistoryDaySchema.parse({ ...day, outcomes: sortedRecord(day.outcomes) })),
	);
}

/** Adds a night's outcomes and changes to whatever that night's file already holds. */
export async function appendHistoryDay(dataDir: string, incoming: HistoryDay): Promise<Problem[]> {
	const { day, problem: readProblem } = await readHistoryDay(dataDir, incoming.date);
	if (readProblem) return [readProblem];
	await writeHistoryDay(dataDir, mergeHistoryDays(day ?? emptyDay(incoming.date), incoming));
	return [];
}

export function isoDateDaysBefore(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - days);
	return d.toISOString().slice(0, 10);
}

/** The nights from `days - 1` days before `endDate` to `endDate`, oldest first; missing nights are skipped. */
export async function readHistoryRange(
	dataDir: string,
	endDate: string,
	days: number,
): Promise<{ days: HistoryDay[]; problems: Problem[] }> {
	const dates = Array.from({ length: days }, (_, i) => isoDateDaysBefore(endDate, days - 1 - i));
	const reads = await Promise.all(dates.map((date) => readHistoryDay(dataDir, date)));
	return {
		days: reads.flatMap((r) => (r.day ? [r.day] : [])),
		problems: reads.flatMap((r) => (r.problem ? [r.problem] : [])),
	};
}

/** Removes nights older than the retention window. */
export async function pruneHistory(
	dataDir: string,
	today: string,
	keepDays = HISTORY_RETENTION_DAYS,
): Promise<number> {
	const cutoff = isoDateDaysBefore(today, keepDays);
	let removed = 0;
	let years: string[];
	try {
		years = await readdir(join(dataDir, 'history'));
	} catch {
		return 0;
	}
	for (const year of years) {
		if (!/^\d{4}$/.test(year)) continue;
		for (const file of await readdir(join(dataDir, 'history', year))) {
			const date = file.replace(/\.json$/, '');
			if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date < cutoff) {
				await rm(join(dataDir, 'history', year, file));
				removed += 1;
			}
		}
	}
	return removed;
}
