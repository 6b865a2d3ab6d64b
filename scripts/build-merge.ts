/**
 * npm run build:merge -- --out DIR SHARD-DIR…
 *
 * Assembles the outputs of `npm run build -- --shard K/N --outDir SHARD-DIR` (every K of one N)
 * into one site in DIR, which must be empty or absent: see src/lib/site/merge-site-shards.ts.
 * Fails when a shard is missing, unfinished or of another build, or when two shards hold the same
 * path with different bytes; then weighs the site as `npm run build` does.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, measureSite, pagesSizeWarning } from '../src/lib/deploy/site-size.ts';
import { mergeShards } from '../src/lib/site/merge-site-shards.ts';

const { values, positionals } = parseArgs({
	options: { out: { type: 'string' } },
	allowPositionals: true,
});
if (!values.out || positionals.length === 0) {
	console.error('usage: npm run build:merge -- --out DIR SHARD-DIR…  (every shard of one build)');
	process.exit(2);
}
const outDir = resolve(values.out);
const log = (line: string) => console.log(`[c0mm0:build:merge] ${line}`);
const started = performance.now();
try {
	const report = await mergeShards(
		positionals.map((d) => resolve(d)),
		outDir,
	);
	log(
		`merged ${report.shards} shard(s), ${report.records} record(s): ${report.files} file(s), ${report.shared} shared by several shards, in ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`,
	);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
const { bytes, files } = measureSite(outDir);
const warning = pagesSizeWarning(bytes);
if (warning) console.warn(`[c0mm0:build:merge] ${warning}`);
else log(`the site holds ${formatBytes(bytes)} in ${files} files`);
