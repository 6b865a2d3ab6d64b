import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import {
	type ImportedPublisher,
	ImportedPublisherSchema,
	type ImportedRecord,
	ImportedRecordSchema,
	type ImportState,
	ImportStateSchema,
} from '../../schemas/imported.ts';
import { friendlyErrorMap, issuesToProblems } from './friendly-errors.ts';
import { IMPORT_FIX, MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';

/**
 * Reads what the importers wrote under `imported/<source>/` (layout in the import design):
 * `records.ndjson` or `records/<hh>.ndjson`, `publishers.ndjson` and `state.json`, each line
 * through its schema. The files are machine-written, so a line that does not read is corruption:
 * it is reported with its file, line and field — never silently dropped — and the rest loads.
 * Kept small on purpose: the importer's own path helpers can later take its place.
 */

/** One parsed line and where it came from, so later rules can name it. */
export interface ImportedLine<T> {
	/** Absolute path of the file. */
	file: string;
	/** 1-based line number. */
	line: number;
	value: T;
}

export interface ImportedSource {
	/** The folder's name: the id of the source in data/sources/. */
	source: string;
	records: ImportedLine<ImportedRecord>[];
	publishers: ImportedLine<ImportedPublisher>[];
	state: ImportState | null;
}

export interface LoadedImports {
	/** One per folder under imported/, by folder name. */
	sources: ImportedSource[];
	problems: Problem[];
}

/** The place a line's problem names: `<file>:<line>`. */
export const lineRef = (file: string, line: number) => `${file}:${line}`;

function withImportFix(problems: Problem[]): Problem[] {
	return problems.map((p) => ({ ...p, fix: IMPORT_FIX }));
}

async function readNdjson<T>(
	file: string,
	schema: z.ZodType<T>,
	problems: Problem[],
): Promise<ImportedLine<T>[]> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		problems.push(problem(file, 'file', MESSAGES.unreadable((error as Error).message)));
		return [];
	}
	const lines: ImportedLine<T>[] = [];
	text.split('\n').forEach((raw, i) => {
		if (raw.trim() === '') return;
		const at = lineRef(file, i + 1);
		let data: unknown;
		try {
			data = JSON.parse(raw);
		} catch (error) {
			problems.push(problem(at, 'line', MESSAGES.importedNotJson((error as Error).message)));
			return;
		}
		const result = schema.safeParse(data, { error: friendlyErrorMap });
		if (!result.success) {
			problems.push(...withImportFix(issuesToProblems(at, result.error.issues)));
			return;
		}
		lines.push({ file, line: i + 1, value: result.data });
	});
	return lines;
}

async function readState(file: string, problems: Problem[]): Promise<ImportState | null> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return null; // A source never run has no state yet.
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		problems.push(problem(file, 'file', MESSAGES.importedNotJson((error as Error).message)));
		return null;
	}
	const result = ImportStateSchema.safeParse(data, { error: friendlyErrorMap });
	if (!result.success) {
		problems.push(...withImportFix(issuesToProblems(file, result.error.issues)));
		return null;
	}
	return result.data;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The record files of a source folder: `records.ndjson`, else `records/<hh>.ndjson` in order. */
async function recordFiles(
	dir: string,
	dirents: readonly Dirent[],
	problems: Problem[],
): Promise<string[]> {
	const files: string[] = [];
	if (dirents.some((d) => d.isFile() && d.name === 'records.ndjson')) {
		files.push(join(dir, 'records.ndjson'));
	}
	if (dirents.some((d) => d.isDirectory() && d.name === 'records')) {
		const shards = await readdir(join(dir, 'records'), { withFileTypes: true });
		for (const shard of shards.sort(byName)) {
			const file = join(dir, 'records', shard.name);
			// Only regular files: a link could pull in a file from outside the data dir.
			if (shard.isFile() && /^[0-9a-f]{2}\.ndjson$/.test(shard.name)) files.push(file);
			else problems.push(problem(file, 'file', MESSAGES.importedStrayFile(shard.name)));
		}
	}
	return files;
}

/** Every `imported/<source>/` folder under a data dir; a data dir without imported/ has none. */
export async function loadImports(dataDir: string): Promise<LoadedImports> {
	const root = join(dataDir, 'imported');
	const problems: Problem[] = [];
	const sources: ImportedSource[] = [];
	let folders: Dirent[];
	try {
		folders = await readdir(root, { withFileTypes: true });
	} catch {
		return { sources, problems };
	}
	for (const folder of folders.sort(byName)) {
		if (folder.name.startsWith('.')) continue;
		const dir = join(root, folder.name);
		if (!folder.isDirectory()) {
			problems.push(problem(dir, 'file', MESSAGES.importedStrayFile(folder.name)));
			continue;
		}
		const dirents = await readdir(dir, { withFileTypes: true });
		const files = await recordFiles(dir, dirents, problems);
		const state = await readState(join(dir, 'state.json'), problems);
		if (files.length === 0 && state === null) {
			problems.push(problem(dir, 'file', MESSAGES.importedNoRecords(folder.name)));
			continue;
		}
		const records: ImportedLine<ImportedRecord>[] = [];
		for (const file of files) {
			records.push(...(await readNdjson(file, ImportedRecordSchema, problems)));
		}
		const hasPublishers = dirents.some((d) => d.isFile() && d.name === 'publishers.ndjson');
		const publishers = hasPublishers
			? await readNdjson(join(dir, 'publishers.ndjson'), ImportedPublisherSchema, problems)
			: [];
		sources.push({ source: folder.name, records, publishers, state });
	}
	return { sources, problems };
}
