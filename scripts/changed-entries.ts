/**
 * npm run --silent changed-entries -- --base REF [--head REF] [--data-dir D] [--valid-only] [--allow-private]
 *
 * Prints, comma-separated on one line, the ids of the catalog entries that the changes from
 * REF to HEAD touch (git diff REF...HEAD): entries added or modified, and every entry of a
 * publisher whose file was added or modified. Deleted files are ignored. With --valid-only, only
 * the ids of entries that pass validation (the ones `npm run verify -- --only` accepts).
 *
 * Exits 1, naming each file, when the changes add, modify, delete or rename anything the nightly
 * job alone writes (snapshots, history, imported records): a pull request could otherwise plant
 * a record's measured past.
 */
import { execFileSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import { loadCatalog } from '../src/lib/catalog/load-catalog.ts';
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import {
	changedEntryIds,
	machineWrittenChanges,
	machineWrittenRefusal,
	parseNameStatus,
} from '../src/lib/contrib/changed-entries.ts';

const USAGE = `Usage: npm run --silent changed-entries -- --base REF [options]

  --base REF        the commit the changes are compared with (a pull request's base SHA)
  --head REF        the commit holding the changes (default: HEAD)
  --data-dir DIR    folder holding catalog/ and publishers/ (default: $C0MM0_DATA_DIR or ./data)
  --valid-only      print only entries that pass validation (what verify --only accepts)
  --allow-private   accept loopback/private URLs when validating (local test catalogs only)

Exits 1 when the changes touch a machine-written file (<data-dir>/snapshots, history, imported).`;

function fail(message: string): never {
	console.error(`changed-entries: ${message}`);
	process.exit(1);
}

const { values } = parseCommandLine('changed-entries', USAGE, {
	options: {
		base: { type: 'string' },
		head: { type: 'string', default: 'HEAD' },
		'data-dir': { type: 'string' },
		'valid-only': { type: 'boolean', default: false },
		'allow-private': { type: 'boolean', default: false },
	},
});
const base = values.base;
const head = values.head ?? 'HEAD';
if (!base) fail(`--base is required — pass the commit to compare with\n\n${USAGE}`);
for (const [flag, ref] of [
	['--base', base],
	['--head', head],
] as const) {
	// A ref beginning with "-" would be read by git as an option.
	if (ref.startsWith('-')) fail(`${flag} ${ref}: not a git ref — pass a commit SHA or branch name`);
}

function git(args: string[]): string {
	try {
		return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
		fail(
			`git ${args.join(' ')} failed${stderr ? ` (${stderr.split('\n')[0]})` : ''} — make sure both commits are fetched (actions/checkout with fetch-depth: 0)`,
		);
	}
}

const dataDir = resolveDataDir(values['data-dir']);
const root = git(['rev-parse', '--show-toplevel']).trim();
const dataPrefix = relative(root, dataDir).split(sep).join('/');
if (dataPrefix.startsWith('..')) {
	fail(`${dataDir} is outside the git repository at ${root} — pass a --data-dir inside it`);
}

const changes = parseNameStatus(
	git(['diff', '--name-status', '-z', '--no-renames', `${base}...${head}`, '--']),
);
// Checked before the catalog is loaded, so that the refusal does not depend on the catalog's state.
const planted = machineWrittenChanges(changes, dataPrefix);
if (planted.length > 0) fail(machineWrittenRefusal(planted, dataPrefix));
const catalog = await loadCatalog(dataDir, { allowPrivate: values['allow-private'] === true });
let ids = changedEntryIds(
	changes,
	catalog.entries.map((entry) => ({ id: entry.id, publisher: entry.data.publisher })),
	dataPrefix,
);
if (values['valid-only']) {
	const valid = new Set(catalog.entries.map((entry) => entry.id));
	ids = ids.filter((id) => valid.has(id));
}
console.log(ids.join(','));
