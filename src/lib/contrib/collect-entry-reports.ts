import { basename, dirname, join } from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { displayPath, type Problem } from '../catalog/problem.ts';
import { scoreRecord } from '../score/score-record.ts';
import { readSnapshots } from '../state/snapshot-store.ts';
import type { EntryReport } from './entry-report.ts';

/**
 * Gathers what `npm run entry-report` renders: for each id, the entry, its publisher, the
 * snapshot this check's verify run wrote, the score, and every problem of its files. The
 * rendering is `renderEntryCheck` in entry-report.ts.
 */

export interface CollectOptions {
	dataDir: string;
	/** Folder holding `snapshots/`: the one `npm run verify -- --out DIR` wrote, or the data dir. */
	snapshotsDir: string;
	allowPrivate: boolean;
}

/** `--ids a, b,a` → `['a', 'b']`: trimmed, without blanks or repeats, sorted. */
export function parseIdList(text: string): string[] {
	return [
		...new Set(
			text
				.split(',')
				.map((id) => id.trim())
				.filter(Boolean),
		),
	].sort();
}

/** An entry's file is `catalog/<cc>/<id>.md`; an invalid entry is known only by its problems. */
function isEntryFileOf(file: string, id: string): boolean {
	return basename(file) === `${id}.md` && basename(dirname(dirname(file))) === 'catalog';
}

export async function collectEntryReports(
	ids: readonly string[],
	options: CollectOptions,
): Promise<EntryReport[]> {
	const { dataDir } = options;
	const catalog = await loadCatalog(dataDir, { allowPrivate: options.allowPrivate });
	const byId = new Map(catalog.entries.map((entry) => [entry.id, entry]));
	const { snapshots, problems: snapshotProblems } = await readSnapshots(
		options.snapshotsDir,
		ids.filter((id) => byId.has(id)),
	);
	const allProblems = [...catalog.problems, ...snapshotProblems];
	const problemsOf = (id: string, files: readonly string[]): Problem[] =>
		allProblems.filter(
			(p) =>
				isEntryFileOf(p.file, id) || files.includes(p.file) || basename(p.file) === `${id}.json`,
		);

	return ids.map((id): EntryReport => {
		const entry = byId.get(id);
		if (!entry) {
			const problems = problemsOf(id, []);
			const file = problems.find((p) => isEntryFileOf(p.file, id))?.file;
			return {
				id,
				file: file ? displayPath(file) : null,
				entry: null,
				publisher: null,
				snapshot: null,
				score: null,
				problems,
			};
		}
		const publisher = catalog.publishers.get(entry.data.publisher) ?? null;
		const snapshot = snapshots.get(id) ?? null;
		const publisherFile = join(dataDir, 'publishers', `${entry.data.publisher}.yaml`);
		return {
			id,
			file: displayPath(entry.file),
			entry: entry.data,
			publisher,
			snapshot,
			score: publisher
				? scoreRecord({
						entry: entry.data,
						description: entry.body,
						publisher,
						snapshot,
						// A pull request has no nights behind it yet.
						uptime30: { ratio: null, counted: 0 },
					})
				: null,
			problems: problemsOf(id, [entry.file, publisherFile]),
		};
	});
}
