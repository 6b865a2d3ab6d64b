import { z } from 'zod';

/**
 * `.cache/build/manifest.json` (and `pending.json` while a build runs): what the last build
 * rendered, so the next one renders only the records whose inputs changed. A manifest that does
 * not match this schema is ignored and the build renders everything.
 */
export const BuildManifestSchema = z.object({
	/** The output folder the manifest describes; another folder means a full build. */
	outDir: z.string(),
	/** Hash of the site's own source: when it changes, every record is rendered again. */
	templateKey: z.string(),
	/** Each record's key: a hash of everything its pages are rendered from. */
	records: z.record(z.string(), z.string()),
	/** Ids whose files were reused (not rendered) in the build that wrote this manifest. */
	reused: z.array(z.string()).default([]),
});

export type BuildManifest = z.output<typeof BuildManifestSchema>;
