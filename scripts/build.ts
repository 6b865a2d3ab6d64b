/**
 * npm run build [-- --outDir DIR] [--shard K/N] [--built-at ISO-TIME]
 *
 * Builds the site in three steps: Astro renders the pages and the register writes every record's
 * files (in a process of its own, so all its memory is given back when it ends); then Pagefind
 * indexes the record pages, unless no record page changed since the last index; then the finished
 * site is weighed against what GitHub Pages publishes. Any step that fails fails the build.
 *
 * With --shard K/N the build renders one shard of the register into its own output (see
 * src/lib/site/build-shard.ts): the pages and files of its records, its search partition, and on
 * shard 1 the pages of the whole register; `npm run build:merge` assembles the shards. Give every
 * shard of one build the same --built-at, so their pages agree.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, measureSite, pagesSizeWarning } from '../src/lib/deploy/site-size.ts';
import { searchPartitionFolder } from '../src/lib/register/urls.ts';
import { indexRecordPages, recordPageIds } from '../src/lib/search/index-site.ts';
import { searchIndexIsCurrent } from '../src/lib/search/search-index-current.ts';
import { searchPartitions } from '../src/lib/search/search-partitions.ts';
import { readSettings } from '../src/lib/settings/read-settings.ts';
import { pruneToRecordFiles, writeShardManifest } from '../src/lib/site/shard-output.ts';
import { countCatalogRecords } from '../src/lib/site/shard-plan.ts';
import { formatShard, parseShard } from '../src/lib/verify/shard.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The Astro process's heap, by the size of the catalog: 1 GB and 20 KB a record, at least 2 GB.
 * A cap that fits is what keeps the build's memory within issue 15's 4 GB at 100,000 records
 * (3 GB of heap): with 8 GB allowed, V8 collected late and the process grew to 4.4 GB for the
 * same pages, and to 4.1 GB with a 3 GB heap. Shard 1 loads the whole register, so its heap
 * follows the whole catalog; shards 2..N load their own records only, so theirs follows their
 * share (src/lib/site/register.ts).
 */
function astroHeapMb(records: number): number {
	return Math.max(2048, Math.round(1024 + records * 0.02));
}

const { values } = parseArgs({
	options: {
		outDir: { type: 'string' },
		shard: { type: 'string' },
		'built-at': { type: 'string' },
	},
});
const outDir = resolve(values.outDir ?? join(ROOT, 'dist'));
const log = (line: string) => console.log(`[c0mm0:build] ${line}`);
let shard: ReturnType<typeof parseShard> | undefined;
try {
	shard = values.shard ? parseShard(values.shard) : undefined;
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(2);
}
// Passed on as settings, so they are checked like any other and reach the pages. A sharded build
// without --built-at still needs one time for its manifest: the time it starts.
const builtAt =
	values['built-at'] ??
	process.env.C0MM0_BUILT_AT ??
	(shard ? new Date().toISOString() : undefined);
const env = {
	...process.env,
	...(builtAt ? { C0MM0_BUILT_AT: builtAt } : {}),
	...(shard ? { C0MM0_SHARD: formatShard(shard) } : {}),
};
const settings = readSettings(env);
const catalogRecords = await countCatalogRecords(resolve(settings.dataDir));
const heapRecords =
	shard && shard.index > 1 ? Math.ceil(catalogRecords / shard.total) : catalogRecords;

const astroCode = await new Promise<number>((done, fail) => {
	const child = spawn(
		process.execPath,
		[
			`--max-old-space-size=${astroHeapMb(heapRecords)}`,
			join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
			'build',
			'--outDir',
			outDir,
		],
		{ cwd: ROOT, stdio: 'inherit', env },
	);
	child.on('error', fail);
	child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
});
if (astroCode !== 0) process.exit(astroCode);

if (shard && shard.index > 1) {
	const { removed } = await pruneToRecordFiles(outDir);
	log(
		`shard ${formatShard(shard)}: removed ${removed} page(s) of the whole register (shard 1 keeps them)`,
	);
}

// Counted from the pages written, as the search page counted the register's records.
const records = await recordPageIds(outDir);
const partitions = searchPartitions(records.length, {
	size: settings.searchPartitionSize,
	shard: settings.shard,
});
if (await searchIndexIsCurrent(outDir, partitions)) {
	log('no record page changed since the last build: the search index stands');
} else {
	try {
		const report = await indexRecordPages(outDir, partitions);
		log(
			`indexed ${report.pages} record page(s) in ${report.seconds.toFixed(2)} s, ${report.outputPaths.length} index(es) → ${report.outputPaths.join(', ')}`,
		);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}

if (shard) {
	// Written last: a shard without its manifest did not finish, and the merge refuses it.
	await writeShardManifest(outDir, {
		shard: formatShard(shard),
		builtAt: builtAt ?? '',
		records,
		searchFolder:
			records.length > 0 || shard.index === 1 ? searchPartitionFolder(shard.index) : null,
	});
	log(
		`shard ${formatShard(shard)}: ${records.length} record(s); merge the shards with npm run build:merge`,
	);
} else {
	const { bytes, files } = measureSite(outDir);
	const warning = pagesSizeWarning(bytes);
	if (warning) console.warn(`[c0mm0:build] ${warning}`);
	else log(`dist/ holds ${formatBytes(bytes)} in ${files} files`);
}
