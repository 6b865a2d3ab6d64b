import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { ImportedPublisher, ImportedRecord, ImportState } from '../../schemas/imported.ts';
import {
	type ImportedLine,
	importedDir,
	importedRoot,
	readImportedLines,
} from '../state/imported-files.ts';
import { MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';

/**
 * Every source folder under `imported/`, read through the importer's own reader
 * (src/lib/state/imported-files.ts), plus what only the catalog cares about: a stray file or a
 * folder with nothing in it. The files are machine-written, so whatever does not read is
 * corruption: reported with its file, line and field, never silently dropped; the rest loads.
 */

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

/** Every `imported/<source>/` folder under a data dir; a data dir without imported/ has none. */
export async function loadImports(dataDir: string): Promise<LoadedImports> {
	const problems: Problem[] = [];
	const sources: ImportedSource[] = [];
	let folders: Dirent[];
	try {
		folders = await readdir(importedRoot(dataDir), { withFileTypes: true });
	} catch {
		return { sources, problems };
	}
	for (const folder of folders.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		// Staging and swap folders of an import in progress (or interrupted) start with a dot.
		if (folder.name.startsWith('.')) continue;
		let dir: string;
		try {
			dir = importedDir(dataDir, folder.name);
		} catch {
			problems.push(
				problem(
					`${importedRoot(dataDir)}/${folder.name}`,
					'file',
					MESSAGES.importedStrayFile(folder.name),
				),
			);
			continue;
		}
		if (!folder.isDirectory()) {
			problems.push(problem(dir, 'file', MESSAGES.importedStrayFile(folder.name)));
			continue;
		}
		const read = await readImportedLines(dataDir, folder.name);
		problems.push(...read.problems);
		if (read.records.length === 0 && read.state === undefined && read.problems.length === 0) {
			problems.push(problem(dir, 'file', MESSAGES.importedNoRecords(folder.name)));
			continue;
		}
		sources.push({
			source: folder.name,
			records: read.records,
			publishers: read.publishers,
			state: read.state ?? null,
		});
	}
	return { sources, problems };
}
