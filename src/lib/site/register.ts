import { getCollection } from 'astro:content';
import { resolveDataDir } from '../cli/data-dir.ts';
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
	const [entries, publisherEntries] = await Promise.all([
		getCollection('records'),
		getCollection('publishers'),
	]);
	const publishers = new Map(publisherEntries.map((p) => [p.id, p.data]));
	const measurements = await loadMeasurements(
		resolveDataDir(),
		entries.map((e) => e.id),
		builtAt,
	);
	const register = assembleRegister(
		entries.map((e) => ({
			id: e.id,
			data: e.data,
			body: e.body ?? '',
			...(e.rendered?.html !== undefined ? { html: e.rendered.html } : {}),
			...(e.filePath ? { filePath: e.filePath } : {}),
		})),
		publishers,
		measurements,
		builtAt,
		renderDescription,
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
