/**
 * npm run bench [-- --only verify,build,og,search,import] [--records N] [--build-sizes 1000,10000,100000]
 *                 [--build-passes cold,full,incremental,sharded] [--shards N] [--search-records N]
 *                 [--import-records N]
 *
 * The `sharded` pass builds each size as N shards (default 4) one after another and merges them.
 *
 * Measures the register's budgets (../shared/DESIGN.md) on this machine and prints one table.
 * Synthetic catalogs live in temporary folders and are removed afterwards. See PERFORMANCE.md.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import {
	BUILD_API_SHARE,
	BUILD_PASSES,
	type BuildPass,
	type BuildRun,
	benchBuild,
} from '../bench/build-bench.ts';
import { benchFloor } from '../bench/floor-bench.ts';
import { benchImport } from '../bench/import-bench.ts';
import { benchOg } from '../bench/og-bench.ts';
import { benchSearch, QUERY_BUDGET_BYTES } from '../bench/search-bench.ts';
import { benchShards } from '../bench/shard-bench.ts';
import { benchVerify } from '../bench/verify-bench.ts';

const { values } = parseArgs({
	options: {
		only: { type: 'string', default: 'verify,build,og,search' },
		records: { type: 'string', default: '10000' },
		'build-sizes': { type: 'string', default: '1000,10000' },
		'build-passes': { type: 'string', default: [...BUILD_PASSES, 'sharded'].join(',') },
		shards: { type: 'string', default: '4' },
		'search-records': { type: 'string', default: '10000' },
		'import-records': { type: 'string', default: '100000' },
	},
});
const wanted = new Set(values.only.split(','));
const passes = new Set<BuildPass>();
/** The sharded build is measured apart from the one-job passes, on its own synthetic register. */
let sharded = false;
for (const pass of values['build-passes'].split(',')) {
	if (pass === 'sharded') {
		sharded = true;
		continue;
	}
	if (!(BUILD_PASSES as readonly string[]).includes(pass)) {
		console.error(
			`bench: --build-passes: unknown pass "${pass}" — use any of ${BUILD_PASSES.join(', ')}, sharded`,
		);
		process.exit(2);
	}
	passes.add(pass as BuildPass);
}
const rows: [string, string, string][] = [];
/** Lines printed under the table (breakdowns too wide for a row). */
const notes: string[] = [];
const fmt = (n: number | null | undefined, unit: string, digits = 1) =>
	n === null || n === undefined ? 'n/a' : `${n.toFixed(digits)} ${unit}`;
const mb = (n: number | null) => fmt(n, 'MB', 0);
const say = (line: string) => console.error(`[bench] ${line}`);

const started = Date.now();
console.log(
	`c0mm0 bench — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);

if (wanted.has('verify')) {
	const records = Number(values.records);
	say(`verify: ${records} synthetic records against a loopback server in another process…`);
	const v = await benchVerify(records);
	rows.push(
		[
			`verify ${v.records} records, first night (every spec parsed)`,
			fmt(v.coldSeconds, 's'),
			'≤ 30 s',
		],
		['  peak RSS', mb(v.coldRssMb), '≤ 512 MB'],
		[
			`verify ${v.records} records, a later night (specs unchanged)`,
			fmt(v.warmSeconds, 's'),
			'≤ 30 s',
		],
		['  peak RSS', mb(v.warmRssMb), '≤ 512 MB'],
		[
			`  reference: curl --parallel over the ${v.urls} base and spec URLs`,
			fmt(v.curlSeconds, 's'),
			'—',
		],
		[
			'  git objects of one nightly commit (thin pack)',
			fmt(v.nightlyCommitBytes / 2 ** 20, 'MB', 2),
			'~2 MB',
		],
	);
}

if (wanted.has('build')) {
	for (const size of values['build-sizes'].split(',').map(Number)) {
		if (sharded) benchShardedBuild(size, await benchShards(size, Number(values.shards)));
		if (passes.size === 0) continue;
		say(`build: ${size} synthetic records (${[...passes].join(', ')})…`);
		const b = await benchBuild(size, 0.05, passes);
		const ratio = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
		const memoryBudget = size <= 10_000 ? '≤ 4 GB' : 'no OOM';
		rows.push(
			[`build ${size} records, cold (every OG image drawn)`, fmt(b.cold.seconds, 's'), '—'],
			['  peak RSS (build + children)', mb(b.cold.peakTreeRssMb), memoryBudget],
		);
		if (!b.warm) rows.push(['  of which Pagefind indexing', fmt(b.cold.pagefindSeconds, 's'), '—']);
		if (b.warm)
			rows.push(
				[
					`build ${size} records, every page (OG images from cache)`,
					fmt(b.warm.seconds, 's'),
					size === 10_000 ? '≤ 90 s' : '—',
				],
				['  peak RSS (build + children)', mb(b.warm.peakTreeRssMb), memoryBudget],
				['  per record', fmt((b.warm.seconds * 1000) / size, 'ms'), '—'],
				['  of which Pagefind indexing', fmt(b.warm.pagefindSeconds, 's'), '—'],
			);
		if (b.rebuild)
			rows.push(
				[
					`rebuild after ${(b.changedShare * 100).toFixed(0)}% of entries changed (incremental)`,
					fmt(b.rebuild.seconds, 's'),
					'≤ 20% of cold',
				],
				[
					'  as a share of the cold build' + (b.warm ? ' / of the full build' : ''),
					ratio(b.rebuild.seconds, b.cold.seconds) +
						(b.warm ? ` / ${ratio(b.rebuild.seconds, b.warm.seconds)}` : ''),
					'≤ 20%',
				],
			);
		if (b.deployAfterChange)
			rows.push([
				`  deploy after it: upload ${b.deployAfterChange.files} files, delete ${b.deployAfterChange.deleted}`,
				fmt(b.deployAfterChange.bytes / 2 ** 20, 'MB'),
				'—',
			]);
		// The budget of issue 15 is for what each record adds (HTML, JSON, badges, images); the
		// whole-register exports of issue 16 (downloads, DCAT-AP, records.json) came after it and
		// are reported beside it, file by file.
		const exportBytes = b.exports.reduce((sum, e) => sum + (e.bytes ?? 0), 0);
		rows.push(
			[
				`  dist/ per record without the exports (${BUILD_API_SHARE * 100} % APIs, ${100 - BUILD_API_SHARE * 100} % datasets)`,
				fmt((b.distBytes - exportBytes) / size / 1024, 'KB'),
				'≤ 30 KB',
			],
			['  whole-register exports per record', fmt(exportBytes / size / 1024, 'KB'), '—'],
			['  exports written in (of the full build)', fmt(built(b).exportSeconds, 's'), '—'],
		);
		for (const e of b.exports)
			rows.push([
				`    ${e.path}`,
				e.bytes === null ? 'not written' : fmt(e.bytes / 2 ** 20, 'MB'),
				'—',
			]);
		const page = b.recordPage;
		say(
			`build: the floor, a bare Astro site of ${size} pages of ${page.bytes} bytes plus Pagefind…`,
		);
		const floor = await benchFloor(size, page);
		const builtRun = built(b);
		rows.push(
			[
				`floor: bare Astro + Pagefind, ${size} pages of ${fmt(page.bytes / 1024, 'KB')} (${fmt(page.textBytes / 1024, 'KB')} text)`,
				fmt(floor.seconds, 's'),
				'—',
			],
			['  peak RSS (build + children)', mb(floor.peakTreeRssMb), '—'],
			['  of which Pagefind indexing', fmt(floor.pagefindSeconds, 's'), '—'],
			[
				`  ratio of the ${b.warm ? 'full build (OG images cached)' : 'cold build'} to the floor`,
				`×${(builtRun.seconds / floor.seconds).toFixed(2)}`,
				'≤ ×1.5',
			],
		);
	}
}

/** The build a size's later rows describe: the full build when it ran, else the cold one. */
function built(b: { warm: BuildRun | null; cold: BuildRun }): BuildRun {
	return b.warm ?? b.cold;
}

/** Rows of the sharded build: each shard, the merge, the merged site's size and search bytes. */
function benchShardedBuild(size: number, r: Awaited<ReturnType<typeof benchShards>>): void {
	const total = r.shards.reduce((sum, s) => sum + s.seconds, 0) + r.mergeSeconds;
	rows.push([
		`build ${size} records as ${r.shards.length} shards one after another, then merged (cold)`,
		fmt(total, 's'),
		'—',
	]);
	for (const s of r.shards)
		rows.push(
			[`  shard ${s.shard} (${s.records} records)`, fmt(s.seconds, 's'), '—'],
			['    peak RSS (build + children)', mb(s.peakTreeRssMb), '≤ 4 GB'],
		);
	rows.push(
		['  merge', fmt(r.mergeSeconds, 's'), '—'],
		['    peak RSS', mb(r.mergePeakTreeRssMb), '—'],
		['  merged site per record', fmt(r.distBytes / size / 1024, 'KB'), '≤ 30 KB'],
	);
	for (const q of r.queries) {
		const next = q.name.startsWith('next');
		rows.push([
			`  query "${q.query}" on the merged site (${q.results} results${next ? ', next query' : ''}), transferred`,
			fmt(q.gzipBytes / 1024, 'KB'),
			next ? '—' : `≤ ${QUERY_BUDGET_BYTES / 1024} KB`,
		]);
	}
	if (r.queries.length === 0) rows.push(['  query transfers', 'n/a (no Chromium)', '—']);
}

if (wanted.has('og')) {
	say('OG images: 50 cards, cold then cached…');
	const o = await benchOg(50);
	rows.push(
		['OG image, drawn (main thread, cache write included)', fmt(o.coldMsPerImage, 'ms'), '≤ 40 ms'],
		[
			`OG image, drawn in ${o.threads} worker threads (wall time per image)`,
			fmt(o.pooledMsPerImage, 'ms'),
			'—',
		],
		['OG image, unchanged (content-hash cache hit)', fmt(o.cachedMsPerImage, 'ms', 2), '~2 ms'],
		['  first image of a process (satori and fonts set up)', fmt(o.firstRenderMs, 'ms', 0), '—'],
		['  mean PNG size', fmt(o.meanPngBytes / 1024, 'KB'), '—'],
	);
}

if (wanted.has('search')) {
	const records = Number(values['search-records']);
	say(`search: ${records} synthetic records, built and queried in Chromium…`);
	const s = await benchSearch(records);
	rows.push(
		[`Pagefind index of ${s.indexedPages} record pages (alone)`, fmt(s.indexSeconds, 's'), '—'],
		['  index on disk', `${s.indexFiles} files, ${fmt(s.indexBytes / 2 ** 20, 'MB')}`, '—'],
	);
	for (const q of s.queries) {
		const next = q.name.startsWith('next');
		rows.push([
			`  query "${q.query}" (${q.results} results${next ? ', next query in the same visit' : ''}), transferred`,
			fmt(q.gzipBytes / 1024, 'KB'),
			next ? '—' : `≤ ${QUERY_BUDGET_BYTES / 1024} KB`,
		]);
		const parts = Object.entries(q.byKind)
			.sort((a, b) => b[1].bytes - a[1].bytes)
			.map(
				([kind, { requests, bytes }]) =>
					`${kind} ${(bytes / 1024).toFixed(1)} KB${requests > 1 ? ` (${requests})` : ''}`,
			);
		notes.push(`search "${q.query}": ${parts.join(', ')}`);
	}
	if (s.queries.length === 0)
		rows.push(['  query transfers', 'n/a (no Chromium)', `≤ ${QUERY_BUDGET_BYTES / 1024} KB`]);
}

if (wanted.has('import')) {
	const records = Number(values['import-records']);
	say(`import: ${records} synthetic DCAT-AP-like datasets from a loopback server…`);
	const im = await benchImport(records);
	rows.push(
		[`import ${im.records} datasets, first night (all new)`, fmt(im.firstSeconds, 's'), '≤ 120 s'],
		['  peak RSS', mb(im.firstRssMb), '≤ 1 GB'],
		[
			`import ${im.records} datasets, a later night (all known)`,
			fmt(im.secondSeconds, 's'),
			'≤ 120 s',
		],
		['  peak RSS', mb(im.secondRssMb), '≤ 1 GB'],
		['  data/imported/<source>/ on disk', fmt(im.files / 2 ** 20, 'MB'), '—'],
	);
	notes.push(`import: pages read by the ${im.adapter}`);
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log('');
console.log(`${'measure'.padEnd(width)}  ${'result'.padStart(16)}  budget`);
for (const [name, value, budget] of rows)
	console.log(`${name.padEnd(width)}  ${value.padStart(16)}  ${budget}`);
if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
console.log(`\n(${((Date.now() - started) / 60000).toFixed(1)} min)`);
