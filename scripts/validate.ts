/**
 * npm run validate [-- --data-dir D] [--allow-private] [--watch]
 *
 * Checks every catalog entry, publisher and source, and that every stored snapshot and history
 * night still reads through its schema. Prints one line per problem,
 * `<file>: <field>: <what is wrong> — <how to fix>`, and exits non-zero when there is any error.
 * Warnings are printed but do not fail.
 */
import { watch } from 'node:fs';
import { loadCatalog } from '../src/lib/catalog/load-catalog.ts';
import { formatProblem, type Problem } from '../src/lib/catalog/problem.ts';
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { safeLogText } from '../src/lib/cli/safe-log-text.ts';
import { measurementProblems } from '../src/lib/state/measurement-problems.ts';

const USAGE = `Usage: npm run validate -- [--data-dir DIR] [--allow-private] [--watch]

  --data-dir DIR    folder holding catalog/ and publishers/ (default: $C0MM0_DATA_DIR or ./data)
  --allow-private   accept URLs on loopback/private hosts (local test catalogs only)
  --watch           check again every time a file under DIR changes`;

const { values } = parseCommandLine('validate', USAGE, {
	options: {
		'data-dir': { type: 'string' },
		'allow-private': { type: 'boolean', default: false },
		watch: { type: 'boolean', default: false },
	},
});

const dataDir = resolveDataDir(values['data-dir']);

function byFileThenSeverity(a: Problem, b: Problem): number {
	if (a.file !== b.file) return a.file < b.file ? -1 : 1;
	if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
	return 0;
}

async function validateOnce(): Promise<boolean> {
	const catalog = await loadCatalog(dataDir, { allowPrivate: values['allow-private'] });
	const problems = [
		...catalog.problems,
		...catalog.sourceProblems,
		...(await measurementProblems(dataDir)),
	].sort(byFileThenSeverity);
	// Problems quote what an entry says, which a contributor wrote: printed inert.
	for (const p of problems) console.log(safeLogText(formatProblem(p)));
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	const imported = catalog.files.imported > 0 ? ` (+${catalog.files.imported} imported)` : '';
	const summary = `${catalog.files.entries} entries${imported}, ${catalog.files.publishers} publishers, ${catalog.files.sources} sources: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`;
	console.error(errors > 0 ? `✗ ${summary}` : `✓ ${summary}`);
	return errors === 0;
}

if (values.watch) {
	let timer: NodeJS.Timeout | undefined;
	const run = () => {
		console.clear();
		void validateOnce();
	};
	run();
	watch(dataDir, { recursive: true }, () => {
		clearTimeout(timer);
		timer = setTimeout(run, 150);
	});
} else {
	process.exitCode = (await validateOnce()) ? 0 : 1;
}
