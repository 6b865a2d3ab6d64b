import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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
import { friendlyErrorMap, issuesToProblems } from '../catalog/friendly-errors.ts';
import { IMPORT_FIX, MESSAGES } from '../catalog/messages.ts';
import { type Problem, problem } from '../catalog/problem.ts';
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

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

function importStatePath(dataDir: string, source: string): string {
	return join(importedDir(dataDir, source), STATE_FILE);
}

/** The split file a record belongs in: the first two hex digits of sha256(entry.id). */
export function recordBucket(id: string): string {
	return createHash('sha256').update(id).digest('hex').slice(0, 2);
}

/** One parsed line and where it came from, so later rules can name it. */
export interface ImportedLine<T> {
	/** Path of the file. */
	file: string;
	/** 1-based line number. */
	line: number;
	value: T;
}

/** One source's import as read, line by line, with whatever did not read. */
export interface ImportedLines {
	records: ImportedLine<ImportedRecord>[];
	publishers: ImportedLine<ImportedPublisher>[];
	/** Absent when the source was never imported (or its state file is unreadable: see problems). */
	state: ImportState | undefined;
	problems: Problem[];
}

/** One source's import as read: the values only. */
export interface ImportedSource {
	records: ImportedRecord[];
	publishers: ImportedPublisher[];
	state: ImportState | undefined;
	problems: Problem[];
}

/** The place a line's problem names: `<file>:<line>`. */
export const lineRef = (file: string, line: number) => `${file}:${line}`;

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

async function readText(file: string, problems: Problem[]): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
			problems.push(problem(file, 'file', MESSAGES.unreadable((error as Error).message)));
		return undefined;
	}
}

function schemaProblems(at: string, error: z.ZodError): Problem[] {
	return issuesToProblems(at, error.issues).map((p) => ({ ...p, fix: IMPORT_FIX }));
}

function parseLines<T>(
	file: string,
	text: string,
	schema: z.ZodType<T>,
	out: ImportedLine<T>[],
	problems: Problem[],
): void {
	for (const [index, raw] of text.split('\n').entries()) {
		if (raw.trim() === '') continue;
		const at = lineRef(file, index + 1);
		let data: unknown;
		try {
			data = JSON.parse(raw);
		} catch (error) {
			problems.push(problem(at, 'line', MESSAGES.importedNotJson((error as Error).message)));
			continue;
		}
		const result = schema.safeParse(data, { error: friendlyErrorMap });
		if (result.success) out.push({ file, line: index + 1, value: result.data });
		else problems.push(...schemaProblems(at, result.error));
	}
}

/** The record files of a source folder: `records.ndjson`, then `records/<hh>.ndjson` in order. */
async function recordFiles(dir: string, problems: Problem[]): Promise<string[]> {
	const files = [join(dir, RECORDS_FILE)];
	let shards: Dirent[];
	try {
		shards = await readdir(join(dir, RECORDS_DIR), { withFileTypes: true });
	} catch {
		return files; // No split folder: a small source.
	}
	for (const shard of shards.sort((a, b) => byString(a.name, b.name))) {
		const file = join(dir, RECORDS_DIR, shard.name);
		// Only regular files: a link could pull in a file from outside the data dir.
		if (shard.isFile() && /^[0-9a-f]{2}\.ndjson$/.test(shard.name)) files.push(file);
		else problems.push(problem(file, 'file', MESSAGES.importedStrayFile(shard.name)));
	}
	return files;
}

async function readState(file: string, problems: Problem[]): Promise<ImportState | undefined> {
	const text = await readText(file, problems);
	if (text === undefined) return undefined;
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		problems.push(problem(file, 'file', MESSAGES.importedNotJson((error as Error).message)));
		return undefined;
	}
	const result = ImportStateSchema.safeParse(data, { error: friendlyErrorMap });
	if (result.success) return result.data;
	problems.push(...schemaProblems(file, result.error));
	return undefined;
}

/**
 * Reads one source's import, every line through its schema; a missing folder is an empty import
 * without problems. The one reader: the importer reads its previous night with it, the catalog
 * loader the register's imports.
 */
export async function readImportedLines(dataDir: string, source: string): Promise<ImportedLines> {
	const dir = importedDir(dataDir, source);
	const problems: Problem[] = [];
	const records: ImportedLine<ImportedRecord>[] = [];
	for (const file of await recordFiles(dir, problems)) {
		const text = await readText(file, problems);
		if (text !== undefined) parseLines(file, text, ImportedRecordSchema, records, problems);
	}
	const publishers: ImportedLine<ImportedPublisher>[] = [];
	const publishersFile = join(dir, PUBLISHERS_FILE);
	const publishersText = await readText(publishersFile, problems);
	if (publishersText !== undefined)
		parseLines(publishersFile, publishersText, ImportedPublisherSchema, publishers, problems);
	const state = await readState(join(dir, STATE_FILE), problems);
	return { records, publishers, state, problems };
}

/** {@link readImportedLines}, values only. */
export async function readImportedSource(dataDir: string, source: string): Promise<ImportedSource> {
	const read = await readImportedLines(dataDir, source);
	return {
		records: read.records.map((r) => r.value),
		publishers: read.publishers.map((p) => p.value),
		state: read.state,
		problems: read.problems,
	};
}

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
 * How many records a source's import holds, counted by line without parsing any (a build sizes its
 * memory by it). Split sources count every `records/<hh>.ndjson`.
 */
export async function countImportedRecords(dataDir: string, source: string): Promise<number> {
	let count = 0;
	for (const file of await recordFiles(importedDir(dataDir, source), [])) {
		// A missing records.ndjson (a source split from its first import) counts as none.
		if (!(await stat(file).catch(() => undefined))?.isFile()) continue;
		for await (const line of createInterface({ input: createReadStream(file) }))
			if (line.trim() !== '') count += 1;
	}
	return count;
}

/**
 * The record ids a source's import holds, read without checking each record — the importer
 * needs them from every other source to keep ids unique, and a full read of every source would
 * cost far more. A line that is not JSON is skipped here; readImportedSource reports it.
 */
export async function readImportedIds(dataDir: string, source: string): Promise<string[]> {
	const ids: string[] = [];
	// Problems are left to readImportedLines, which reports them; here only the ids matter.
	const ignored: Problem[] = [];
	for (const file of await recordFiles(importedDir(dataDir, source), ignored)) {
		const text = await readText(file, ignored);
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
