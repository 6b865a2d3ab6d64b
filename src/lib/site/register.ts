import { getCollection } from 'astro:content';
import { siteCatalog } from '../content/catalog-loader.ts';
import type { Register } from '../register/assemble-register.ts';
import { registerOfCatalog } from '../register/register-from-disk.ts';
import { shareRegister } from '../register/shared-register.ts';
import { settings } from '../settings/read-settings.ts';
import { planRecords } from './build-plan.ts';
import { ownRecords } from './build-shard.ts';
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
	const register = await registerOfCatalog(catalog, builtAt ? new Date(builtAt) : new Date(), html);
	const own = ownRecords(register.records);
	const { template, keys } = recordKeys({ ...register, records: own });
	const mine = new Set(own.map((r) => r.id));
	const elsewhere = register.records.filter((r) => !mine.has(r.id)).map((r) => r.id);
	const reusable = planRecords(template, keys, elsewhere);
	return { ...register, renderRecords: own.filter((r) => !reusable.has(r.id)) };
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
