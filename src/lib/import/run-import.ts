import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { SourceFile } from '../../schemas/source.ts';
import { loadPublishers } from '../catalog/load-publishers.ts';
import { loadSources } from '../catalog/load-sources.ts';
import type { Problem } from '../catalog/problem.ts';
import { listImportedSources, readImportedIds } from '../state/imported-files.ts';
import type { ImportHttp, ImportLimits } from './adapter.ts';
import { type AdapterLoader, loadAdapter } from './adapters/index.ts';
import { IMPORT_DEFAULTS } from './constants.ts';
import { createImportHttp } from './import-http.ts';
import { importSource, type SourceReport } from './import-source.ts';

export class UsageError extends Error {}

/** What an import run tells the person or CI log watching it. */
export interface ImportReporter {
	sourceStart(source: SourceFile, index: number, total: number): void;
	item(): void;
	sourceDone(report: SourceReport): void;
	finish(reports: readonly SourceReport[], seconds: number): void;
}

export interface RunImportOptions {
	dataDir: string;
	/** Source ids to import; all valid sources when absent. */
	only?: readonly string[];
	allowPrivate: boolean;
	dryRun: boolean;
	now?: Date;
	reporter?: ImportReporter;
	/** Tests and the benchmark: their own adapters, HTTP client or limits. */
	loadAdapter?: AdapterLoader;
	http?: ImportHttp;
	limits?: Partial<ImportLimits>;
	/** Time limits (tests shorten them). */
	sourceDeadlineMs?: number;
	runBudgetMs?: number;
}

export interface RunImportResult {
	/** completed: every source ran (whatever its outcome); unreachable: no source could be read. */
	status: 'completed' | 'unreachable';
	reports: SourceReport[];
	problems: Problem[];
}

function notReached(source: string, budgetMs: number): SourceReport {
	return {
		source,
		outcome: 'failed',
		records: 0,
		counts: { records: 0, added: 0, updated: 0, delisted: 0, removed: 0, skipped: 0 },
		skipped: [],
		dropped: { count: 0, first: [] },
		error: `not started: the night's import ran past ${Math.round(budgetMs / 60000)} min; its previous import stands`,
		seconds: 0,
		ids: [],
		problems: [],
	};
}

/** Ids of hand-written entries: the file names under catalog/ (an entry's id is its file name). */
async function handWrittenIds(dataDir: string): Promise<Set<string>> {
	try {
		const files = await readdir(join(dataDir, 'catalog'), { recursive: true });
		return new Set(files.filter((f) => f.endsWith('.md')).map((f) => basename(f, '.md')));
	} catch {
		return new Set();
	}
}

/**
 * The night's import: every source in turn, each through {@link importSource}. One bad source
 * never costs the night. When every source failed, the fault is most likely ours (the runner's
 * network): nothing is recorded against the sources and the run reports `unreachable`.
 */
export async function runImport(options: RunImportOptions): Promise<RunImportResult> {
	const started = Date.now();
	const now = options.now ?? new Date();
	const { sources, problems } = await loadSources(options.dataDir, {
		allowPrivate: options.allowPrivate,
	});
	const unknown = (options.only ?? []).filter((id) => !sources.has(id));
	if (unknown.length > 0) {
		throw new UsageError(
			`no valid source called ${unknown.join(', ')} in ${join(options.dataDir, 'sources')}`,
		);
	}
	const selected = [...sources.values()]
		.map((s) => s.source)
		.filter((s) => !options.only || options.only.includes(s.id));
	const { publishers, problems: publisherProblems } = await loadPublishers(options.dataDir);
	problems.push(...publisherProblems);
	const handWritten = await handWrittenIds(options.dataDir);
	const owners = new Map<string, string>();
	for (const id of await listImportedSources(options.dataDir)) {
		for (const recordId of await readImportedIds(options.dataDir, id)) owners.set(recordId, id);
	}

	const http = options.http ?? createImportHttp({ allowPrivate: options.allowPrivate });
	const reports: SourceReport[] = [];
	const failures: (() => Promise<void>)[] = [];
	try {
		const budget = options.runBudgetMs ?? IMPORT_DEFAULTS.runBudgetMs;
		for (const [index, source] of selected.entries()) {
			options.reporter?.sourceStart(source, index, selected.length);
			if (Date.now() - started > budget) {
				// Not the source's fault: nothing is recorded against it.
				const report = notReached(source.id, budget);
				reports.push(report);
				options.reporter?.sourceDone(report);
				continue;
			}
			const { report, recordFailure } = await importSource({
				source,
				adapter: () => (options.loadAdapter ?? loadAdapter)(source.adapter),
				http,
				dataDir: options.dataDir,
				now,
				allowPrivate: options.allowPrivate,
				dryRun: options.dryRun,
				publishers,
				handWritten,
				otherImports: { has: (id) => (owners.get(id) ?? source.id) !== source.id },
				...(options.limits ? { limits: options.limits } : {}),
				...(options.sourceDeadlineMs ? { deadlineMs: options.sourceDeadlineMs } : {}),
				...(options.reporter ? { onItem: () => options.reporter?.item() } : {}),
			});
			for (const [id, owner] of owners) if (owner === source.id) owners.delete(id);
			for (const id of report.ids) owners.set(id, source.id);
			if (recordFailure) failures.push(recordFailure);
			problems.push(...report.problems);
			reports.push(report);
			options.reporter?.sourceDone(report);
		}
	} finally {
		if (!options.http) await (http as { close?: () => Promise<void> }).close?.();
	}
	const unreachable = reports.length > 0 && reports.every((r) => r.outcome === 'failed');
	if (!unreachable) for (const record of failures) await record();
	options.reporter?.finish(reports, (Date.now() - started) / 1000);
	return { status: unreachable ? 'unreachable' : 'completed', reports, problems };
}
