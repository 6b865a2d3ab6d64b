/**
 * npm run verify -- [--data-dir D] [--out DIR] [--only id,id] [--shard K/N] [--concurrency N]
 *                   [--allow-private] [--canary URL]…
 *
 * Probes every valid catalog entry and writes data/snapshots/<id>.json and the night's history.
 * Exit 0 when the run completed (whatever the records' outcomes), 2 when it refused to write
 * because its own network could not be trusted, 1 on a usage error.
 */

import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/catalog/problem.ts';
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { safeLogLines, safeLogText } from '../src/lib/cli/safe-log-text.ts';
import { consoleReporter } from '../src/lib/verify/report.ts';
import { runVerify, UsageError } from '../src/lib/verify/run-verify.ts';
import { parseShard } from '../src/lib/verify/shard.ts';

const USAGE = `Usage: npm run verify -- [options]

  --data-dir DIR     folder with catalog/, publishers/, snapshots/, history/ (default: $C0MM0_DATA_DIR or ./data)
  --out DIR          write snapshots and history here instead of DIR (shard jobs; merge with npm run verify:merge)
  --only ID,ID       check only these records
  --shard K/N        check only shard K of N (stable partition by id)
  --concurrency N    records checked at once (default 32)
  --allow-private    allow loopback/private addresses (loopback tests only); skips the canary unless --canary is given
  --canary URL       a public URL proving the network works (repeatable; default: well-known public pages)`;

const { values } = parseCommandLine('verify', USAGE, {
	options: {
		'data-dir': { type: 'string' },
		out: { type: 'string' },
		only: { type: 'string' },
		shard: { type: 'string' },
		concurrency: { type: 'string' },
		'allow-private': { type: 'boolean' },
		canary: { type: 'string', multiple: true },
	},
});

function fail(message: string): never {
	console.error(`verify: ${safeLogText(message)}`);
	process.exit(1);
}

const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
	fail(`--concurrency ${values.concurrency}: expected a whole number ≥ 1`);
}
let shard: ReturnType<typeof parseShard> | undefined;
try {
	shard = typeof values.shard === 'string' ? parseShard(values.shard) : undefined;
} catch (error) {
	fail((error as Error).message);
}
const dataDir = resolveDataDir(values['data-dir'] as string | undefined);

try {
	const result = await runVerify({
		dataDir,
		...(typeof values.out === 'string' ? { outDir: resolve(values.out) } : {}),
		...(typeof values.only === 'string'
			? {
					only: values.only
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean),
				}
			: {}),
		...(shard ? { shard } : {}),
		...(concurrency ? { concurrency } : {}),
		allowPrivate: values['allow-private'] === true,
		...(Array.isArray(values.canary) ? { canaries: values.canary as string[] } : {}),
		reporter: consoleReporter(),
	});
	// Problems and reasons quote files and answers strangers wrote: printed inert.
	for (const p of result.problems) console.error(safeLogText(formatProblem(p)));
	if (result.status === 'aborted') {
		console.error(`verify: run abandoned: ${safeLogText(result.reason)}`);
		process.exitCode = 2;
	}
} catch (error) {
	if (error instanceof UsageError) fail(error.message);
	// Not a record's failure (those are the record's inconclusive snapshot): the run itself broke.
	console.error(safeLogLines(`verify: ${error instanceof Error ? error.stack : String(error)}`));
	process.exitCode = 1;
}
