/**
 * Synthetic catalogs for benchmarks and scale tests only — written to temporary folders, never
 * into data/. Entries mix APIs and datasets, field completeness and spec sizes roughly the way
 * the real catalog does, deterministically from a seed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';

const COUNTRIES = [
	'AT',
	'BE',
	'CZ',
	'DE',
	'DK',
	'EE',
	'ES',
	'FI',
	'FR',
	'GB',
	'IE',
	'IT',
	'NL',
	'NO',
	'PL',
	'PT',
	'SE',
	'EU',
];
const THEMES = [
	'AGRI',
	'ECON',
	'EDUC',
	'ENER',
	'ENVI',
	'GOVE',
	'HEAL',
	'JUST',
	'REGI',
	'SOCI',
	'TECH',
	'TRAN',
];
const ACCESS = ['open', 'open', 'open', 'key', 'key', 'oauth2', 'restricted'];
const LICENCES = ['CC-BY-4.0', 'etalab-2.0', 'ODbL-1.0', 'OGL-UK-3.0', 'DL-DE-BY-2.0', 'CC0-1.0'];
const WORDS = [
	'register',
	'traffic',
	'weather',
	'company',
	'address',
	'budget',
	'school',
	'health',
	'energy',
	'transport',
	'tax',
	'population',
	'water',
	'air',
	'land',
	'court',
	'election',
	'museum',
];

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface SyntheticOptions {
	records: number;
	seed?: number;
	/** Where record i's URLs live, e.g. `http://127.0.0.1:40123`; default a public-looking host. */
	originFor?: (i: number) => string;
	/** Share of APIs that declare a spec. */
	specShare?: number;
	/** Share of records that are APIs (default 0.7; the build bench uses issue 15's 0.1). */
	apiShare?: number;
}

export interface SyntheticRecord {
	id: string;
	country: string;
	kind: 'api' | 'dataset';
	hasSpec: boolean;
}

/** Number of operations of record i's synthetic spec: most small, a few large. */
export function specOperations(i: number): number {
	const roll = random(i * 7919 + 13)();
	if (roll < 0.7) return 3 + (i % 5);
	if (roll < 0.95) return 15 + (i % 20);
	return 60 + (i % 40);
}

/** A valid OpenAPI 3.0 document for record i, with `operations` paths sharing component schemas. */
export function syntheticSpec(i: number, operations = specOperations(i)): string {
	const paths: Record<string, unknown> = {};
	for (let op = 0; op < operations; op++) {
		paths[`/items${op}/{id}`] = {
			get: {
				operationId: `getItem${op}`,
				summary: `Reads item kind ${op}`,
				parameters: [
					// An example makes each operation safe to call: the contract check calls one per open API.
					{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: '1' },
					{
						name: `filter${op % 7}`,
						in: 'query',
						schema: { type: 'string' },
						description: 'Filters the result',
					},
					{
						name: 'siret',
						in: 'query',
						schema: { type: 'string' },
						description: 'Establishment number',
					},
				],
				responses: {
					200: {
						description: 'ok',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
					},
				},
			},
		};
	}
	return JSON.stringify({
		openapi: '3.0.3',
		info: { title: `Synthetic API ${i}`, version: '1.0.0' },
		paths,
		components: {
			schemas: {
				Item: {
					type: 'object',
					properties: {
						id: { type: 'string' },
						name: { type: 'string', description: 'Display name' },
						address: { $ref: '#/components/schemas/Address' },
						tags: { type: 'array', items: { type: 'string' } },
					},
				},
				Address: {
					type: 'object',
					properties: { city: { type: 'string' }, postcode: { type: 'string' } },
				},
			},
		},
	});
}

function pick<T>(list: readonly T[], roll: number): T {
	return list[Math.floor(roll * list.length) % list.length] as T;
}

export function syntheticRecord(
	i: number,
	options: SyntheticOptions,
): { record: SyntheticRecord; text: string } {
	const rand = random((options.seed ?? 1) * 1_000_003 + i);
	const country = pick(COUNTRIES, rand());
	const cc = country.toLowerCase();
	const kind = rand() < (options.apiShare ?? 0.7) ? 'api' : 'dataset';
	const id = `${cc}-synthetic-${String(i).padStart(6, '0')}`;
	const origin =
		options.originFor?.(i) ?? `https://api${i % 997}.${cc === 'eu' ? 'europa.eu' : `gov-${cc}.eu`}`;
	const word = pick(WORDS, rand());
	const hasSpec = kind === 'api' && rand() < (options.specShare ?? 0.4);
	const complete = rand();
	const lines = [
		'---',
		`id: ${id}`,
		`kind: ${kind}`,
		`title: Synthetic ${word} ${kind === 'api' ? 'API' : 'dataset'} ${i}`,
		`summary: A generated ${word} ${kind} used only to measure how the register scales.`,
		`country: ${country}`,
		`publisher: synthetic-${cc}`,
		`access: ${kind === 'api' ? pick(ACCESS, rand()) : 'open'}`,
		`added: 2026-0${1 + (i % 9)}-1${i % 10}`,
	];
	if (complete > 0.2) lines.push(`homepage: ${origin}/home/${i}`);
	if (complete > 0.3) lines.push(`docs: ${origin}/docs/${i}`);
	if (complete > 0.4) lines.push(`themes: [${pick(THEMES, rand())}]`);
	if (complete > 0.5) lines.push(`keywords: [${word}, synthetic, r${i}]`);
	if (complete > 0.5) lines.push(`languages: [en]`);
	if (complete > 0.6) lines.push(`contact:\n  email: data${i}@example.org`);
	if (kind === 'api') {
		lines.push(`baseUrl: ${origin}/api/${i}`);
		if (hasSpec) lines.push(`spec:\n  url: ${origin}/spec/${i}.json\n  format: openapi`);
		if (complete > 0.7) lines.push(`licence: ${pick(LICENCES, rand())}`);
	} else {
		lines.push(`licence: ${pick(LICENCES, rand())}`, 'distributions:');
		const n = 1 + Math.floor(rand() * 3);
		for (let d = 0; d < n; d++)
			lines.push(
				`  - url: ${origin}/dist/${i}-${d}.csv`,
				'    format: CSV',
				'    mediaType: text/csv',
			);
	}
	lines.push(
		'---',
		'',
		`Generated record number ${i}, about ${word}. It exists to measure build and verify times; it describes nothing real.`,
		'',
	);
	return { record: { id, country, kind, hasSpec }, text: lines.join('\n') };
}

/** Writes a synthetic data dir (catalog + one publisher per country) and returns its records. */
export async function writeSyntheticCatalog(
	dataDir: string,
	options: SyntheticOptions,
): Promise<SyntheticRecord[]> {
	await mkdir(join(dataDir, 'publishers'), { recursive: true });
	for (const country of COUNTRIES) {
		const cc = country.toLowerCase();
		await writeFile(
			join(dataDir, 'publishers', `synthetic-${cc}.yaml`),
			`id: synthetic-${cc}\nname: Synthetic publisher ${country}\ncountry: ${country}\ntype: public\nhomepage: https://gov-${cc}.eu/\nofficialDomains: [gov-${cc}.eu]\n`,
		);
		await mkdir(join(dataDir, 'catalog', cc), { recursive: true });
	}
	const limit = pLimit(64);
	const records: SyntheticRecord[] = [];
	await Promise.all(
		Array.from({ length: options.records }, (_, i) =>
			limit(async () => {
				const { record, text } = syntheticRecord(i, options);
				records[i] = record;
				await writeFile(
					join(dataDir, 'catalog', record.country.toLowerCase(), `${record.id}.md`),
					text,
				);
			}),
		),
	);
	return records;
}
