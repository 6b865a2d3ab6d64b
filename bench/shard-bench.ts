/**
 * Sharded build benchmark (issue 15): a synthetic register of N records built as S shards one
 * after another (`npm run build -- --shard K/S`, every OG image drawn, as a nightly shard job with
 * an empty cache would), then merged (`npm run build:merge`), then searched in Chromium like the
 * search benchmark: the bytes of a first query and of a second one in the same visit, now that
 * the search loads S indexes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureSite } from '../src/lib/deploy/site-size.ts';
import { hasChromium } from '../tests/helpers/browser.ts';
import { writeBenchCatalog } from './build-bench.ts';
import { measure, npmScriptNodeArgs } from './measure.ts';
import { measureQueries, type QueryTransfer } from './search-bench.ts';

const ROOT = new URL('..', import.meta.url).pathname;
/** One build time for every shard, so their pages agree. */
const BUILT_AT = '2026-11-26T02:00:00Z';

export interface ShardRun {
	shard: string;
	seconds: number;
	peakTreeRssMb: number | null;
	records: number;
}

export interface ShardBenchResult {
	records: number;
	shards: ShardRun[];
	mergeSeconds: number;
	mergePeakTreeRssMb: number | null;
	distBytes: number;
	files: number;
	queries: QueryTransfer[];
}

export async function benchShards(records: number, shards: number): Promise<ShardBenchResult> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-bench-shards-'));
	try {
		const { env } = await writeBenchCatalog(dir, records);
		const runs: ShardRun[] = [];
		const outputs: string[] = [];
		for (let k = 1; k <= shards; k++) {
			const outDir = join(dir, `shard-${k}`);
			const m = await measure(
				process.execPath,
				npmScriptNodeArgs('build', [
					'--shard',
					`${k}/${shards}`,
					'--built-at',
					BUILT_AT,
					'--outDir',
					outDir,
				]),
				{ cwd: ROOT, env },
			);
			if (m.code !== 0) throw new Error(`shard ${k}/${shards} failed:\n${m.stderr.slice(-3000)}`);
			const held = /shard \d+\/\d+: (\d+) record\(s\)/.exec(m.stdout);
			runs.push({
				shard: `${k}/${shards}`,
				seconds: m.seconds,
				peakTreeRssMb: m.peakTreeRssMb,
				records: Number(held?.[1] ?? 0),
			});
			outputs.push(outDir);
		}
		const merged = join(dir, 'merged');
		const m = await measure(
			process.execPath,
			npmScriptNodeArgs('build:merge', ['--out', merged, ...outputs]),
			{ cwd: ROOT },
		);
		if (m.code !== 0) throw new Error(`merge failed:\n${m.stderr.slice(-3000)}`);
		const size = measureSite(merged);
		return {
			records,
			shards: runs,
			mergeSeconds: m.seconds,
			mergePeakTreeRssMb: m.peakTreeRssMb,
			distBytes: size.bytes,
			files: size.files,
			queries: hasChromium ? await measureQueries(merged) : [],
		};
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
