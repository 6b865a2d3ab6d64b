import { type Catalog, loadCatalog } from '../catalog/load-catalog.ts';
import { formatProblem } from '../catalog/problem.ts';
import { renderDescription } from '../markdown/description.ts';
import {
	assembleRegister,
	loadMeasurements,
	type Measurements,
	type RecordInBrief,
	type Register,
} from './assemble-register.ts';

/** Throws, every error listed, when the catalog has errors: no register is built from it. */
export function assertCatalogValid(catalog: Catalog, hint = ''): void {
	const errors = catalog.problems.filter((p) => p.severity === 'error');
	if (errors.length > 0)
		throw new Error(
			`The catalog has ${errors.length} error(s)${hint}:\n${errors.map((p) => formatProblem(p)).join('\n')}`,
		);
}

/**
 * The register of a loaded catalog, with the measurements of its records. `html` holds
 * descriptions already rendered, by record id (the pages' content collection caches them);
 * the others are rendered on first use.
 */
export async function registerOfCatalog(
	catalog: Catalog,
	builtAt: Date,
	html: ReadonlyMap<string, string> = new Map(),
): Promise<Register> {
	const ids = catalog.entries.map((e) => e.id);
	const measurements = await loadMeasurements(catalog.dataDir, ids, builtAt);
	return assembleOf(catalog, catalog.entries, measurements, builtAt, html);
}

/**
 * The register of some of a catalog's records — one shard's (build-shard.ts): the snapshots and
 * history of those records only, and `records` of those only, so a shard's memory follows its own
 * records rather than the catalog. What their files need of the others comes from the catalog
 * entries, which are small: `everyRecord` (publisher cards' counts, badge clashes); a record's
 * publisher and the sources that list it are the catalog's anyway. Listings, counts and changes
 * cover the kept records only: a shard that keeps some records writes no whole-register page.
 */
export async function registerOfCatalogPart(
	catalog: Catalog,
	builtAt: Date,
	html: ReadonlyMap<string, string>,
	keep: (id: string) => boolean,
): Promise<Register> {
	const entries = catalog.entries.filter((e) => keep(e.id));
	const { snapshots, days } = await loadMeasurements(
		catalog.dataDir,
		entries.map((e) => e.id),
		builtAt,
	);
	// Each night holds every record's outcome: the others' are dropped before assembly keeps them.
	const measurements: Measurements = {
		snapshots,
		days: days.map((day) => ({
			...day,
			outcomes: Object.fromEntries(Object.entries(day.outcomes).filter(([id]) => keep(id))),
			changes: day.changes.filter((c) => keep(c.id)),
		})),
	};
	const everyRecord = catalog.entries.map((e): RecordInBrief => {
		const publisher = catalog.registerPublishers.get(e.data.publisher);
		if (!publisher) throw new Error(`${e.id}: publisher ${e.data.publisher} is missing`);
		return { id: e.id, kind: e.data.kind, publisher };
	});
	return { ...assembleOf(catalog, entries, measurements, builtAt, html), everyRecord };
}

function assembleOf(
	catalog: Catalog,
	entries: Catalog['entries'],
	measurements: Measurements,
	builtAt: Date,
	html: ReadonlyMap<string, string>,
): Register {
	return assembleRegister(
		entries.map((e) => {
			const rendered = html.get(e.id);
			return {
				id: e.id,
				data: e.data,
				body: e.body,
				filePath: `data/${e.path}`,
				...(rendered !== undefined ? { html: rendered } : {}),
				...(e.provenance ? { provenance: e.provenance } : {}),
				...(e.imported ? { imported: true } : {}),
			};
		}),
		catalog.registerPublishers,
		measurements,
		builtAt,
		renderDescription,
		{ sources: catalog.sources, states: catalog.importStates },
	);
}

/**
 * The register outside Astro, through the same catalog loader and the same assembly as the
 * pages: for build steps that write files directly (badges, JSON, OG images) and for scripts.
 */
export async function registerFromDisk(
	dataDir: string,
	options: { allowPrivate?: boolean; now?: Date } = {},
): Promise<Register> {
	const now = options.now ?? new Date();
	const catalog = await loadCatalog(dataDir, { allowPrivate: options.allowPrivate ?? false, now });
	assertCatalogValid(catalog);
	return registerOfCatalog(catalog, now);
}
