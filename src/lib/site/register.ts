import { getCollection } from 'astro:content';
import { siteCatalog } from '../content/catalog-loader.ts';
import type { Register } from '../register/assemble-register.ts';
import { registerOfCatalog, registerOfCatalogPart } from '../register/register-from-disk.ts';
import { shareRegister } from '../register/shared-register.ts';
import { settings } from '../settings/read-settings.ts';
import { planRecords } from './build-plan.ts';
import { loadedPart, ownRecords } from './build-shard.ts';
import { recordKeys } from './render-key.ts';

async function buildRegister(): Promise<Register> {
	// The collection holds what Astro caches (rendered descriptions); everything else comes from
	// the same catalog load, which the collection cannot hold (provenance, imported publishers,
	// sources). After the collection: its loader starts a fresh catalog load, which this then shares.
	const entries = await getCollection('records');
	const catalog = await siteCatalog();
	const html = new Map<string, string>(
		entries.flatMap((e) => (e.rendered?.html !== undefined ? [[e.id, e.rendered.html]] : [])),
	);
	const { builtAt } = settings();
	const at = builtAt ? new Date(builtAt) : new Date();
	// A shard that writes no whole-register page loads its own records only.
	const part = loadedPart();
	const register = part
		? await registerOfCatalogPart(catalog, at, html, part)
		: await registerOfCatalog(catalog, at, html);
	const own = ownRecords(register.records);
	const { template, keys } = recordKeys({ ...register, records: own });
	const mine = new Set(own.map((r) => r.id));
	const elsewhere = catalog.entries.filter((e) => !mine.has(e.id)).map((e) => e.id);
	const reusable = planRecords(template, keys, elsewhere);
	return { ...register, renderRecords: own.filter((r) => !reusable.has(r.id)) };
}

let register: Promise<Register> | undefined;

/**
 * The whole register (in shards 2..N, their records' part of it), loaded once per build and
 * shared by every page and endpoint.
 */
export function getRegister(): Promise<Register> {
	if (!register) {
		register = buildRegister();
		shareRegister(register);
	}
	return register;
}
