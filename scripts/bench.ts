/**
 * npm run bench [-- --only verify] [--records N]
 *
 * Measures the register's budgets on this machine and prints a table. See PERFORMANCE.md.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchVerify } from '../bench/verify-bench.ts';

const { values } = parseArgs({
	options: {
		only: { type: 'string' },
		records: { type: 'string' },
	},
});
const wanted = new Set((values.only ?? 'verify').split(','));
const records = Number(values.records ?? 10_000);

const rows: [string, string, string][] = [];
const fmt = (n: number | null, unit: string, digits = 1) =>
	n === null ? 'n/a' : `${n.toFixed(digits)} ${unit}`;

console.log(
	`c0mm0 bench — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

if (wanted.has('verify')) {
	console.log(`verify: ${records} synthetic records against a loopback server…`);
	const v = await benchVerify(records);
	rows.push(
		[`verify ${v.records} records, cold (all specs parsed)`, fmt(v.coldSeconds, 's'), '≤ 30 s'],
		['  peak RSS', fmt(v.coldRssMb, 'MB', 0), '≤ 512 MB'],
		[`verify ${v.records} records, nightly (specs unchanged)`, fmt(v.warmSeconds, 's'), '≤ 30 s'],
		['  peak RSS', fmt(v.warmRssMb, 'MB', 0), '≤ 512 MB'],
		[`  reference: curl --parallel, ${v.urls} base+spec URLs`, fmt(v.curlSeconds, 's'), '—'],
		[
			'  git objects of one nightly commit (thin pack)',
			fmt(v.nightlyCommitBytes / 2 ** 20, 'MB', 2),
			'~2 MB',
		],
	);
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log('');
console.log(`${'measure'.padEnd(width)}  ${'result'.padStart(10)}  budget`);
for (const [name, value, budget] of rows)
	console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${budget}`);
