import { createHash, randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { SLUG_PATTERN } from '../../schemas/common.ts';
import {
	type ImportedPublisher,
	ImportedPublisherSchema,
	type ImportedRecord,
	ImportedRecordSchema,
	type ImportState,
	ImportStateSchema,
} from '../../schemas/imported.ts';
import { fieldPath, type Problem, problem } from '../catalog/problem.ts';
import { toJsonText, writeFileAtomic } from '../fs/atomic-write.ts';

/**
 * The one place that knows how `data/imported/<source>/` is laid out. The importer writes it, the
 * catalog loader and the site read it, all through these functions:
 *
 *     imported/<source>/records.ndjson        ImportedRecord per line, sorted by entry.id
 *     imported/<source>/records/<hh>.ndjson   the same, split by sha256(entry.id) past 2,000 records
 *     imported/<source>/publishers.ndjson     ImportedPublisher per line, sorted by id
 *     imported/<source>/state.json            ImportState
 *
 * Every line is schema-checked on reading; a bad line is a problem naming the file, the line and
 * the field, never silently dropped.
 */

/** Past this many records a source is split into records/<hh>.ndjson, so one night's diff stays readable. */
export const SPLIT_RECORDS_ABOVE = 2000;

const RECORDS_FILE = 'records.ndjson';
const RECORDS_DIR = 'records';
const PUBLISHERS_FILE = 'publishers.ndjson';
const STATE_FILE = 'state.json';

function assertSourceId(source: string): void {
	// The id becomes a folder name: anything but a slug could climb out of imported/.
	if (!SLUG_PATTERN.test(source)) throw new Error(`not a source id: ${JSON.stringify(source)}`);
}

export function importedRoot(dataDir: string): string {
	return join(dataDir, 'imported');
}

export function importedDir(dataDir: string, source: string): string {
	assertSourceId(source);
	return join(importedRoot(dataDir), source);
}

export function importStatePath(dataDir: string, source: string): string {
	return join(importedDir(dataDir, source), STATE_FILE);
}

/** The split file a record belongs in: the first two hex digits of sha256(entry.id). */
export function recordBucket(id: string): string {
	return createHash('sha256').update(id).digest('hex').slice(0, 2);
}

export interface ImportedSource {
	records: ImportedRecord[];
	publishers: ImportedPublisher[];
	/** Absent when the source was never imported (or its state file is unreadable: see problems). */
	state: ImportState | undefined;
	problems: Problem[];
}

/** Source ids with a folder under imported/, sorted. Staging and swap folders start with a dot. */
export async function listImportedSources(dataDir: string): Promise<string[]> {
	let dirents: Dirent[];
	try {
		dirents = await readdir(importedRoot(dataDir), { withFileTypes: true });
	} catch {
		return [];
	}
	return dirents
		.filter((d) => d.isDirectory() && SLUG_PATTERN.test(d.name))
		.map((d) => d.name)
		.sort();
}

async function readText(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

function issueProblems(file: string, where: string, error: z.ZodError): Problem[] {
	return error.issues.map((issue) =>
		problem(
			file,
			`${where}: ${fieldPath(issue.path)}`,
			// The schema's own fix speaks to a person writing an entry; this file is machine-written.
			`${issue.message.split(' — ')[0]} — the importer wrote this; run npm run import again`,
		),
	);
}

function parseLines<T>(
	file: string,
	text: string,
	schema: z.ZodType<T>,
	out: T[],
	problems: Problem[],
): void {
	const lines = text.split('\n');
	for (const [index, line] of lines.entries()) {
		if (line === '' && index === lines.length - 1) continue;
		const where = `line ${index + 1}`;
		let data: unknown;
		try {
			data = JSON.parse(line);
		} catch (error) {
			problems.push(
				problem(
					file,
					where,
					`is not JSON (${(error as Error).message}) — the importer wrote this; run npm run import again`,
				),
			);
			continue;
		}
		const result = schema.safeParse(data);
		if (result.success) out.push(result.data);
		else problems.push(...issueProblems(file, where, result.error));
	}
}

async function recordFiles(dir: string): Promise<string[]> {
	const files = [join(dir, RECORDS_FILE)];
	try {
		const names = await readdir(join(dir, RECORDS_DIR));
		for (const name of names.sort()) {
			if (/^[0-9a-f]{2}\.ndjson$/.test(name)) files.push(join(dir, RECORDS_DIR, name));
		}
	} catch {
		// No split folder: a small source.
	}
	return files;
}

/** Reads one source's import; a missing folder is an empty import without problems. */
export async function readImportedSource(dataDir: string, source: string): Promise<ImportedSource> {
	const dir = importedDir(dataDir, source);
	const records: ImportedRecord[] = [];
	const publishers: ImportedPublisher[] = [];
	const problems: Problem[] = [];
	for (const file of await recordFiles(dir)) {
		const text = await readText(file);
		if (text !== undefined) parseLines(file, text, ImportedRecordSchema, records, problems);
	}
	const seen = new Set<string>();
	for (const record of records) {
		if (seen.has(record.entry.id)) {
			problems.push(
				problem(
					join(dir, RECORDS_FILE),
					'entry.id',
					`${record.entry.id} appears twice — the importer wrote this; run npm run import again`,
				),
			);
		}
		seen.add(record.entry.id);
	}
	const publishersFile = join(dir, PUBLISHERS_FILE);
	const publishersText = await readText(publishersFile);
	if (publishersText !== undefined) {
		parseLines(publishersFile, publishersText, ImportedPublisherSchema, publishers, problems);
	}
	const stateFile = join(dir, STATE_FILE);
	const stateText = await readText(stateFile);
	let state: ImportState | undefined;
	if (stateText !== undefined) {
		let data: unknown;
		try {
			data = JSON.parse(stateText);
		} catch (error) {
			problems.push(problem(stateFile, 'file', `is not JSON (${(error as Error).message})`));
		}
		if (data !== undefined) {
			const result = ImportStateSchema.safeParse(data);
			if (result.success) state = result.data;
			else problems.push(...issueProblems(stateFile, 'state', result.error));
		}
	}
	return { records, publishers, state, problems };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** NDJSON with keys in schema order (parsing through the schema rebuilds each object in its order). */
function ndjson<T>(items: readonly T[], schema: z.ZodType<T>): string {
	return items.map((item) => `${JSON.stringify(schema.parse(item))}\n`).join('');
}

async function writeRecords(dir: string, records: readonly ImportedRecord[]): Promise<void> {
	const sorted = [...records].sort((a, b) => byString(a.entry.id, b.entry.id));
	if (sorted.length <= SPLIT_RECORDS_ABOVE) {
		await writeFile(join(dir, RECORDS_FILE), ndjson(sorted, ImportedRecordSchema));
		return;
	}
	const buckets = new Map<string, ImportedRecord[]>();
	for (const record of sorted) {
		const bucket = recordBucket(record.entry.id);
		const list = buckets.get(bucket) ?? [];
		list.push(record);
		buckets.set(bucket, list);
	}
	await mkdir(join(dir, RECORDS_DIR));
	for (const [bucket, list] of buckets) {
		await writeFile(join(dir, RECORDS_DIR, `${bucket}.ndjson`), ndjson(list, ImportedRecordSchema));
	}
}

/**
 * Replaces one source's import as a whole: everything is written to a staging folder beside it,
 * which is renamed into place only once every file is written. A crash while writing leaves the
 * previous import untouched (and a dot-folder that readers ignore, git ignores and the next write removes).
 */
export async function writeImportedSource(
	dataDir: string,
	source: string,
	content: {
		records: readonly ImportedRecord[];
		publishers: readonly ImportedPublisher[];
		state: ImportState;
	},
): Promise<void> {
	const target = importedDir(dataDir, source);
	const root = importedRoot(dataDir);
	await mkdir(root, { recursive: true });
	await removeLeftovers(root, source);
	const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
	const staging = join(root, `.staging-${source}-${tag}`);
	// Both names match .gitignore's *.staging-*: a crash never leaves them to be committed.
	const old = join(root, `.staging-${source}-${tag}-old`);
	await mkdir(staging);
	try {
		await writeRecords(staging, content.records);
		const publishers = [...content.publishers].sort((a, b) => byString(a.id, b.id));
		await writeFile(join(staging, PUBLISHERS_FILE), ndjson(publishers, ImportedPublisherSchema));
		await writeFile(join(staging, STATE_FILE), toJsonText(ImportStateSchema.parse(content.state)));
	} catch (error) {
		await rm(staging, { recursive: true, force: true });
		throw error;
	}
	let hadPrevious = true;
	try {
		await rename(target, old);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		hadPrevious = false;
	}
	await rename(staging, target);
	if (hadPrevious) await rm(old, { recursive: true, force: true });
}

/**
 * Staging or swap folders an interrupted earlier write of this source left behind. A crash
 * between the two renames leaves the previous import under .staging-…-old: it is put back first.
 */
async function removeLeftovers(root: string, source: string): Promise<void> {
	const leftover = new RegExp(`^\\.staging-${source}-\\d+-[0-9a-f]{8}(-old)?$`);
	const names = (await readdir(root)).filter((name) => leftover.test(name));
	const target = join(root, source);
	const previous = names.find((name) => name.endsWith('-old'));
	if (previous) {
		try {
			await rename(join(root, previous), target);
		} catch {
			// The target exists: the swap had finished, the old copy is simply stale.
		}
	}
	for (const name of names) await rm(join(root, name), { recursive: true, force: true });
}

/** Records a run that kept the previous import (failed, collapsed, unchanged): state.json only. */
export async function writeImportState(
	dataDir: string,
	source: string,
	state: ImportState,
): Promise<void> {
	await writeFileAtomic(
		importStatePath(dataDir, source),
		toJsonText(ImportStateSchema.parse(state)),
	);
}

/**
 * The record ids a source's import holds, read without checking each record — the importer
 * needs them from every other source to keep ids unique, and a full read of every source would
 * cost far more. A line that is not JSON is skipped here; readImportedSource reports it.
 */
export async function readImportedIds(dataDir: string, source: string): Promise<string[]> {
	const ids: string[] = [];
	for (const file of await recordFiles(importedDir(dataDir, source))) {
		const text = await readText(file);
		for (const line of text?.split('\n') ?? []) {
			if (line === '') continue;
			try {
				const id = (JSON.parse(line) as { entry?: { id?: unknown } }).entry?.id;
				if (typeof id === 'string') ids.push(id);
			} catch {
				// Reported by readImportedSource.
			}
		}
	}
	return ids;
}
