import type { Loader } from 'astro/loaders';
import { EntrySchema } from '../../schemas/entry.ts';
import { PublisherSchema } from '../../schemas/publisher.ts';
import { type Catalog, loadCatalog } from '../catalog/load-catalog.ts';
import { formatProblem } from '../catalog/problem.ts';
import { resolveDataDir } from '../cli/data-dir.ts';
import { renderDescription } from '../markdown/description.ts';
import { assertCatalogValid } from '../register/register-from-disk.ts';
import { settings } from '../settings/read-settings.ts';
import { loadedPart } from '../site/build-shard.ts';

/** Loading twice in one build (records, then publishers) reads the files once. */
let pending: Promise<Catalog> | undefined;

export function siteCatalog(): Promise<Catalog> {
	pending ??= loadCatalog(resolveDataDir(), {
		allowPrivate: settings().allowPrivate,
	})
		.then((catalog) => {
			assertCatalogValid(catalog, '; run npm run validate for details');
			return catalog;
		})
		.catch((error: unknown) => {
			// A failed load is not kept: the next one reads the files again.
			pending = undefined;
			throw error;
		});
	return pending;
}

/** Catalog entries as an Astro content collection, through the same loader the validator uses. */
export function recordsLoader(): Loader {
	return {
		name: 'c0mm0-records',
		schema: EntrySchema,
		async load({ store, logger, generateDigest }) {
			pending = undefined;
			const catalog = await siteCatalog();
			for (const p of catalog.problems) logger.warn(formatProblem(p));
			store.clear();
			// A shard after the first renders its own records' descriptions only (build-shard.ts).
			const part = loadedPart();
			for (const entry of catalog.entries) {
				if (part && !part(entry.id)) continue;
				const digest = generateDigest({ data: entry.data, body: entry.body });
				store.set({
					id: entry.id,
					data: entry.data,
					body: entry.body,
					filePath: `data/${entry.path}`,
					digest,
					rendered: { html: renderDescription(entry.body) },
				});
			}
			logger.info(
				`${catalog.entries.length} records (${catalog.files.imported} imported) from ${catalog.dataDir}`,
			);
		},
	};
}

export function publishersLoader(): Loader {
	return {
		name: 'c0mm0-publishers',
		schema: PublisherSchema,
		async load({ store }) {
			const catalog = await siteCatalog();
			store.clear();
			// Reviewed publishers only: imported ones reach the register through siteCatalog().
			for (const [id, publisher] of catalog.publishers) store.set({ id, data: publisher });
		},
	};
}
