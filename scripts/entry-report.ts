/**
 * npm run --silent entry-report -- --ids ID,ID [--data-dir D] [--verify-out DIR] [--allow-private]
 *
 * Prints, as Markdown, what the register would show for the given entries: outcome, score with
 * each axis and its reasons, what would raise it, and every problem the validator finds. The pull
 * request check appends it to the job summary. Snapshots are read from DIR/snapshots (the folder
 * `npm run verify -- --only … --out DIR` wrote), else from the data dir. The work is done by
 * src/lib/contrib/collect-entry-reports.ts and entry-report.ts; this script parses and prints.
 */
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { collectEntryReports, parseIdList } from '../src/lib/contrib/collect-entry-reports.ts';
import { renderEntryCheck } from '../src/lib/contrib/entry-report.ts';

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

const dataDir = resolveDataDir(values['data-dir']);
const reports = await collectEntryReports(parseIdList(values.ids ?? ''), {
	dataDir,
	snapshotsDir: resolveDataDir(values['verify-out'] ?? dataDir),
	allowPrivate: values['allow-private'] === true,
});
process.stdout.write(renderEntryCheck(reports));
