/**
 * npm run verify:merge -- [--data-dir D] [--require-all] <shard-out-dir>…
 *
 * Merges the folders written by `npm run verify -- --shard K/N --out <dir>` into the data dir.
 * Nothing is written unless every folder reads back cleanly.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/catalog/problem.ts';
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { safeLogText } from '../src/lib/cli/safe-log-text.ts';
import { mergeShards } from '../src/lib/verify/merge-shards.ts';

const USAGE = `Usage: npm run verify:merge -- [--data-dir DIR] [--require-all] <shard-out-dir>…

  <shard-out-dir>   a folder written by npm run verify -- --shard K/N --out DIR (one or more)
  --data-dir DIR    folder the snapshots and history are merged into (default: $C0MM0_DATA_DIR or ./data)
  --require-all     refuse to merge unless every shard of the run reported`;

const { values, positionals } = parseCommandLine('verify:merge', USAGE, {
	allowPositionals: true,
	options: {
		'data-dir': { type: 'string' },
		'require-all': { type: 'boolean', default: false },
	},
});
if (positionals.length === 0) {
	console.error(`verify:merge: give at least one shard folder\n\n${USAGE}`);
	process.exit(1);
}

const result = await mergeShards(
	resolveDataDir(values['data-dir']),
	positionals.map((p) => resolve(p)),
	{
		requireAll: values['require-all'],
	},
);
// Shard folders hold what servers answered: their problems are printed inert.
for (const p of result.problems) console.error(safeLogText(formatProblem(p)));
if (result.problems.some((p) => p.severity === 'error')) {
	console.error('verify:merge: nothing was written.');
	process.exit(1);
}
const missing =
	result.missing.length > 0
		? ` Shard(s) ${result.missing.join(', ')} did not report; their records keep last night's snapshots.`
		: '';
console.log(`Merged ${result.merged} snapshot(s) from ${result.shards.length} shard(s).${missing}`);
