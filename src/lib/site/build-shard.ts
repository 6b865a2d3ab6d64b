import { settings } from '../settings/read-settings.ts';
import { inShard, parseShard, type Shard } from '../verify/shard.ts';

/**
 * Sharded builds (`npm run build -- --shard K/N`): each shard renders the pages and files of only
 * the records whose id hashes to it (the key of the nightly verify's shards and of the search
 * partitions, so shard K's index is search partition K). Shard 1 also writes the pages of the whole
 * register (listings, counts, aggregates), so it loads every record; shards 2..N load the
 * measurements of their own records only (see register.ts), write no listing page, and lose the
 * few single pages Astro renders anyway (see shard-output.ts).
 */

/** The shard this build renders, from `C0MM0_SHARD`; undefined for a whole build. */
export function currentShard(): Shard | undefined {
	const text = settings().shard;
	return text ? parseShard(text) : undefined;
}

/** Whether this build renders the record of this id: every record, or its shard's. */
export function ownsRecord(): (id: string) => boolean {
	const shard = currentShard();
	return shard ? (id) => inShard(id, shard) : () => true;
}

/** The records this build renders: all of them, or its shard's. */
export function ownRecords<T extends { id: string }>(records: readonly T[]): T[] {
	const owns = ownsRecord();
	return records.filter((r) => owns(r.id));
}

/** Whether this build writes the pages and files of the whole register (home, listings, exports…). */
export const writesWholeRegister = (): boolean => (currentShard()?.index ?? 1) === 1;

/**
 * The records a build loads when it loads only some — shards 2..N, their own: their pages and files
 * need no other record's measurements or description. Undefined when it loads the whole register
 * (a whole build, or shard 1, which writes the register's own pages).
 */
export function loadedPart(): ((id: string) => boolean) | undefined {
	return writesWholeRegister() ? undefined : ownsRecord();
}
