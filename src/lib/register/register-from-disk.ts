import { loadCatalog } from '../catalog/load-catalog.ts';
import { formatProblem } from '../catalog/problem.ts';
import { renderDescription } from '../markdown/description.ts';
import { assembleRegister, loadMeasurements, type Register } from './assemble-register.ts';

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
	const errors = catalog.problems.filter((p) => p.severity === 'error');
	if (errors.length > 0)
		throw new Error(
			`The catalog has ${errors.length} error(s):\n${errors.map((p) => formatProblem(p)).join('\n')}`,
		);
	const measurements = await loadMeasurements(
		dataDir,
		catalog.entries.map((e) => e.id),
		now,
	);
	return assembleRegister(
		catalog.entries.map((e) => ({
			id: e.id,
			data: e.data,
			body: e.body,
			filePath: `data/${e.path}`,
			...(e.provenance ? { provenance: e.provenance } : {}),
			...(e.imported ? { imported: true } : {}),
		})),
		catalog.registerPublishers,
		measurements,
		now,
		renderDescription,
		{ sources: catalog.sources, states: catalog.importStates },
	);
}
