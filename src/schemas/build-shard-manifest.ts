import { z } from 'zod';

/**
 * `<out>/.c0mm0-shard.json`, written last by `npm run build -- --shard K/N`: what the shard's
 * output holds. `npm run build:merge` reads it to check every shard is there and finished, and
 * leaves it out of the merged site.
 */
export const BuildShardManifestSchema = z.strictObject({
	/** `K/N` as passed to --shard. @example "2/4" */
	shard: z.string().regex(/^\d+\/\d+$/),
	/** The build time every page of the shard carries; the same for every shard of one build. */
	builtAt: z.string(),
	/** Ids of the records whose pages and files the shard holds. */
	records: z.array(z.string()),
	/** The search partition the shard indexed (its own number), or null if it held no record. */
	searchFolder: z.string().nullable(),
});
export type BuildShardManifest = z.output<typeof BuildShardManifestSchema>;
