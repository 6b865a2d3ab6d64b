/**
 * npm run --silent entry-report -- --ids ID,ID [--data-dir D] [--verify-out DIR] [--allow-private]
 *
 * Prints, as Markdown, what the register would show for the given entries: outcome, score with
 * each axis and its reasons, what would raise it, and every problem the validator finds. The pull
 * request check appends it to the job summary. Snapshots are read from DIR/snapshots (the folder
 * `npm run verify -- --only … --out DIR` wrote), else from the data dir.
 */
import { basename, dirname, join } from 'node:path';
import { loadCatalog } from '../src/lib/catalog/load-catalog.ts';
import { displayPath, type Problem } from '../src/lib/catalog/problem.ts';
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { type EntryReport, renderEntryCheck } from '../src/lib/contrib/entry-report.ts';
import { scoreRecord } from '../src/lib/score/score-record.ts';
import { readSnapshots } from '../src/lib/state/snapshot-store.ts';

const USAGE = `Usage: npm run --silent entry-report -- --ids ID,ID [options]

  --ids ID,ID        entries to report on (npm run --silent changed-entries prints them)
  --data-dir DIR     folder holding catalog/ and publishers/ (default: $C0MM0_DATA_DIR or ./data)
  --verify-out DIR   folder a verify run wrote with --out (default: the data dir)
  --allow-private    accept loopback/private URLs (local test catalogs only)`;

const { values } = parseCommandLine('entry-report', USAGE, {
	options: {
		ids: { type: 'string', default: '' },
		'data-dir': { type: 'string' },
		'verify-out': { type: 'string' },
		'allow-private': { type: 'boolean', default: false },
	},
});

const ids = [
	...new Set(
		(values.ids ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean),
	),
].sort();
const dataDir = resolveDataDir(values['data-dir']);
const catalog = await loadCatalog(dataDir, { allowPrivate: values['allow-private'] === true });
const byId = new Map(catalog.entries.map((entry) => [entry.id, entry]));
const { snapshots, problems: snapshotProblems } = await readSnapshots(
	resolveDataDir(values['verify-out'] ?? dataDir),
	ids.filter((id) => byId.has(id)),
);

/** An entry's file is `catalog/<cc>/<id>.md`; an invalid entry is known only by its problems. */
function isEntryFileOf(file: string, id: string): boolean {
	return basename(file) === `${id}.md` && basename(dirname(dirname(file))) === 'catalog';
}

function problemsOf(id: string, files: readonly string[]): Problem[] {
	return [...catalog.problems, ...snapshotProblems].filter(
		(p) => isEntryFileOf(p.file, id) || files.includes(p.file) || basename(p.file) === `${id}.json`,
	);
}

const reports: EntryReport[] = ids.map((id) => {
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

process.stdout.write(renderEntryCheck(reports));
