import { settings } from '../settings/read-settings.ts';
import { inShard, parseShard, type Shard } from '../verify/shard.ts';

/**
 * Sharded builds (`npm run build -- --shard K/N`): each shard loads the whole register — its
 * listings, counts and aggregates need every record — but renders the pages and files of only the
 * records whose id hashes to it (the key of the nightly verify's shards and of the search
 * partitions, so shard K's index is search partition K). The pages of the whole register are
 * kept by shard 1 alone (see shard-output.ts).
 */

/** The shard this build renders, from `C0MM0_SHARD`; undefined for a whole build. */
export function currentShard(): Shard | undefined {
	const text = settings().shard;
	return text ? parseShard(text) : undefined;
}

/** The records this build renders: all of them, or its shard's. */
export function ownRecords<T extends { id: string }>(records: readonly T[]): T[] {
	const shard = currentShard();
	return shard ? records.filter((r) => inShard(r.id, shard)) : [...records];
}

/** Whether this build writes the pages and files of the whole register (home, listings, exports…). */
export const writesWholeRegister = (): boolean => (currentShard()?.index ?? 1) === 1;
