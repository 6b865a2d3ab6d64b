import { getCollection } from 'astro:content';
import type { Entry } from '../../schemas/entry.ts';
import type { Publisher } from '../../schemas/publisher.ts';
import { type CountryCode, countryName } from '../vocab/countries.ts';

/** One record as the site shows it: the entry and its publisher. */
export interface RegisterRecord {
	id: string;
	entry: Entry;
	publisher: Publisher;
	descriptionHtml: string;
	/** Path of the entry file in the repository, for "edit this entry". */
	sourcePath: string;
}

export interface Register {
	records: RegisterRecord[];
	byId: ReadonlyMap<string, RegisterRecord>;
	publishers: ReadonlyMap<string, Publisher>;
	countries: { code: CountryCode; name: string; count: number }[];
}

let register: Promise<Register> | undefined;

async function buildRegister(): Promise<Register> {
	const [entries, publisherEntries] = await Promise.all([
		getCollection('records'),
		getCollection('publishers'),
	]);
	const publishers = new Map(publisherEntries.map((p) => [p.id, p.data]));
	const records: RegisterRecord[] = entries.map((item) => {
		const publisher = publishers.get(item.data.publisher);
		if (!publisher) throw new Error(`${item.id}: publisher ${item.data.publisher} is missing`);
		return {
			id: item.id,
			entry: item.data,
			publisher,
			descriptionHtml: item.rendered?.html ?? '',
			sourcePath: item.filePath ?? `data/catalog/${item.data.country.toLowerCase()}/${item.id}.md`,
		};
	});
	records.sort((a, b) => a.entry.title.localeCompare(b.entry.title, 'en'));
	const counts = new Map<CountryCode, number>();
	for (const r of records) counts.set(r.entry.country, (counts.get(r.entry.country) ?? 0) + 1);
	const countries = [...counts]
		.map(([code, count]) => ({ code, name: countryName(code), count }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
	return { records, byId: new Map(records.map((r) => [r.id, r])), publishers, countries };
}

/** The whole register, loaded once per build and shared by every page. */
export function getRegister(): Promise<Register> {
	register ??= buildRegister();
	return register;
}
