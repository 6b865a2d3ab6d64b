import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
	type Change,
	type HistoryDay,
	HistoryDaySchema,
	type RunSummary,
} from '../../schemas/history.ts';
import { displayPath, type Problem, problem } from '../catalog/problem.ts';
import { toJsonText, writeFileAtomic } from '../fs/atomic-write.ts';
import { parseStoredJson, unreadableFile } from './stored-json.ts';

/** Nights of history kept; older files are removed by the verifier. */
export const HISTORY_RETENTION_DAYS = 400;

export function historyPath(dataDir: string, date: string): string {
	return join(dataDir, 'history', date.slice(0, 4), `${date}.json`);
}

export function emptyDay(date: string): HistoryDay {
	return { date, outcomes: {}, changes: [], runs: [] };
}

/**
 * How to recover a corrupt night: git holds every night as it was committed, and no later run
 * writes a past night again.
 */
function restoreNight(file: string): string {
	return `restore it from git (git checkout -- ${displayPath(file)}), or delete it to lose that night`;
}

/** Reads one night back through its schema; a corrupt file becomes a problem naming it. */
export function readHistoryDay(
	dataDir: string,
	date: string,
): Promise<{ day: HistoryDay | null; problem?: Problem }> {
	return readHistoryFile(historyPath(dataDir, date), date);
}

/** Reads the night of `date` from `file`, wherever that file lies. */
export async function readHistoryFile(
	file: string,
	date: string,
): Promise<{ day: HistoryDay | null; problem?: Problem }> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { day: null };
		return { day: null, problem: unreadableFile(file, error) };
	}
	const parsed = parseStoredJson(file, text, HistoryDaySchema, 'history', restoreNight);
	if ('problem' in parsed) return { day: null, problem: parsed.problem };
	if (parsed.value.date !== date) {
		return {
			day: null,
			problem: problem(
				file,
				'date',
				`says ${JSON.stringify(parsed.value.date)}, not the file's name — ${restoreNight(file)}`,
			),
		};
	}
	return { day: parsed.value };
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

/** Every night file on disk, `history/<yyyy>/<yyyy-mm-dd>.json`, with the date its name gives. */
export async function historyFiles(dataDir: string): Promise<{ date: string; file: string }[]> {
	const root = join(dataDir, 'history');
	let years: string[];
	try {
		years = await readdir(root);
	} catch {
		return [];
	}
	const found: { date: string; file: string }[] = [];
	for (const year of years.filter((y) => /^\d{4}$/.test(y)).sort()) {
		for (const name of (await readdir(join(root, year))).sort()) {
			const date = name.replace(/\.json$/, '');
			if (/^\d{4}-\d{2}-\d{2}$/.test(date) && name.endsWith('.json')) {
				found.push({ date, file: join(root, year, name) });
			}
		}
	}
	return found;
}

/** Removes nights older than the retention window. */
export async function pruneHistory(
	dataDir: string,
	today: string,
	keepDays = HISTORY_RETENTION_DAYS,
): Promise<number> {
	const cutoff = isoDateDaysBefore(today, keepDays);
	const old = (await historyFiles(dataDir)).filter((night) => night.date < cutoff);
	for (const night of old) await rm(night.file);
	return old.length;
}
