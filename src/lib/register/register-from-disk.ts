import { type Catalog, loadCatalog } from '../catalog/load-catalog.ts';
import { formatProblem } from '../catalog/problem.ts';
import { renderDescription } from '../markdown/description.ts';
import { assembleRegister, loadMeasurements, type Register } from './assemble-register.ts';

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
	const measurements = await loadMeasurements(
		catalog.dataDir,
		catalog.entries.map((e) => e.id),
		builtAt,
	);
	return assembleRegister(
		catalog.entries.map((e) => {
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
