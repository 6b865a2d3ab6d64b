/**
 * node scripts/build-shards.ts [DATA-DIR]
 *
 * Prints, as GitHub Actions outputs, how tonight's build runs (src/lib/site/shard-plan.ts):
 * `shards=[0]` for one build, `shards=[1,2,…]` for a sharded one, and `built-at=` the time every
 * shard puts in its pages. Reads only node: modules, so it runs before `npm ci`.
 */
import { resolve } from 'node:path';
import { buildShards, countCatalogRecords } from '../src/lib/site/shard-plan.ts';

const dataDir = resolve(process.argv[2] ?? 'data');
const records = await countCatalogRecords(dataDir);
const shards = buildShards(records);
console.error(
	`[c0mm0:build-shards] ${records} record(s): ${shards[0] === 0 ? 'one build' : `${shards.length} shards`}`,
);
console.log(`shards=${JSON.stringify(shards)}`);
console.log(`built-at=${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
