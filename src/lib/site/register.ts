import { getCollection } from 'astro:content';
import { resolveDataDir } from '../cli/data-dir.ts';
import { siteCatalog } from '../content/catalog-loader.ts';
import { renderDescription } from '../markdown/description.ts';
import {
	assembleRegister,
	loadMeasurements,
	type Register,
} from '../register/assemble-register.ts';
import { shareRegister } from '../register/shared-register.ts';
import { planRecords } from './build-plan.ts';
import { recordKeys } from './render-key.ts';

async function buildRegister(): Promise<Register> {
	const builtAt = new Date();
	// The collection holds what Astro caches (entries, bodies, rendered HTML); provenance, imported
	// publishers and sources come from the same catalog load, which the collection cannot hold.
	// After the collection: its loader starts a fresh catalog load, which this then shares.
	const entries = await getCollection('records');
	const catalog = await siteCatalog();
	const byId = new Map(catalog.entries.map((e) => [e.id, e]));
	const measurements = await loadMeasurements(
		resolveDataDir(),
		entries.map((e) => e.id),
		builtAt,
	);
	const register = assembleRegister(
		entries.map((e) => {
			const loaded = byId.get(e.id);
			return {
				id: e.id,
				data: e.data,
				body: e.body ?? '',
				...(e.rendered?.html !== undefined ? { html: e.rendered.html } : {}),
				...(e.filePath ? { filePath: e.filePath } : {}),
				...(loaded?.provenance ? { provenance: loaded.provenance } : {}),
				...(loaded?.imported ? { imported: true } : {}),
			};
		}),
		catalog.registerPublishers,
		measurements,
		builtAt,
		renderDescription,
		{ sources: catalog.sources, states: catalog.importStates },
	);
	const { template, keys } = recordKeys(register);
	const reusable = planRecords(template, keys);
	return { ...register, renderRecords: register.records.filter((r) => !reusable.has(r.id)) };
}

let register: Promise<Register> | undefined;

/** The whole register, loaded once per build and shared by every page and endpoint. */
export function getRegister(): Promise<Register> {
	if (!register) {
		register = buildRegister();
		shareRegister(register);
	}
	return register;
}
