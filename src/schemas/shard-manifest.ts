import { z } from 'zod';

/**
 * `<out>/run.json`, written by `npm run verify -- --out <out>`: which shard the run was and which
 * records it checked. `npm run verify:merge` reads it to know what each shard folder holds.
 */
export const ShardManifestSchema = z.object({
	/** `K/N` as passed to --shard; null for an unsharded run. @example "2/4" */
	shard: z.string().nullable(),
	/** The night the run belongs to (UTC). @example "2026-11-25" */
	date: z.iso.date(),
	/** Ids of the records checked; each has `<out>/snapshots/<id>.json`. */
	ids: z.array(z.string()),
});
export type ShardManifest = z.output<typeof ShardManifestSchema>;
