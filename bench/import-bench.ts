import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, npmScriptNodeArgs } from './measure.ts';

export interface ImportBenchResult {
	records: number;
	/** Which adapter read the loopback pages. */
	adapter: string;
	firstSeconds: number;
	firstRssMb: number | null;
	secondSeconds: number;
	secondRssMb: number | null;
	/** Bytes of data/imported/<source>/ after the run. */
	files: number;
}

const ROOT = new URL('..', import.meta.url).pathname;
const PAGE = 5_000;
const PUBLISHERS = 500;
const THEMES = ['ECON', 'ENVI', 'GOVE', 'SOCI', 'TRAN', 'HEAL', 'REGI', 'EDUC'];
const EU = 'http://publications.europa.eu/resource/authority';

/**
 * A DCAT-AP-like dataset as the DCAT-AP adapter hands it to the pipeline: title, publisher with
 * homepage, licence and theme URIs, language URIs, keywords and two or three distributions.
 */
function syntheticDataset(i: number): string {
	const p = i % PUBLISHERS;
	const host = `https://data.publisher-${p}.example.eu`;
	return JSON.stringify({
		sourceId: `https://catalogue.example.eu/set/data/${i}`,
		sourceUrl: `https://catalogue.example.eu/datasets/dataset-${i}`,
		kind: 'dataset',
		title: `Öffentliche Statistik ${i}: Luftqualität und Verkehr in Region ${i % 97}`,
		country: ['AT', 'DE', 'FR', 'NL', 'IT'][i % 5],
		publisher: { name: `Statistical office number ${p}`, homepage: `${host}/`, key: `pub-${p}` },
		licence: `${EU}/licence/CC_BY_4_0`,
		themes: [`${EU}/data-theme/${THEMES[i % THEMES.length]}`],
		languages: [`${EU}/language/DEU`, `${EU}/language/ENG`],
		keywords: ['statistics', 'air quality', `region ${i % 97}`, 'traffic', 'open data'],
		distributions: [
			{ url: `${host}/files/${i}.csv`, format: `${EU}/file-type/CSV`, mediaType: 'text/csv' },
			{ url: `${host}/files/${i}.json`, format: 'JSON', mediaType: 'application/json' },
			...(i % 3 === 0 ? [{ url: `${host}/api/${i}`, format: 'API' }] : []),
		],
		modified: '2026-10-01T08:00:00Z',
	});
}

async function folderBytes(dir: string): Promise<number> {
	const { stat } = await import('node:fs/promises');
	let total = 0;
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
	}
	return total;
}

/**
 * Imports N synthetic DCAT-AP-like datasets from a loopback server, twice (a first night, then a
 * night with every record already known), measuring the import process alone. Until the DCAT-AP
 * adapter's wire format is settled, the pages are JSON lines read by the test adapter: this
 * measures the pipeline (HTTP, normalising, ids, reconciling, writing), not RDF parsing.
 */
export async function benchImport(records: number): Promise<ImportBenchResult> {
	const pages = Array.from({ length: Math.ceil(records / PAGE) }, (_, page) => {
		const lines: string[] = [];
		for (let i = page * PAGE; i < Math.min(records, (page + 1) * PAGE); i += 1) {
			lines.push(`${syntheticDataset(i)}\n`);
		}
		return lines.join('');
	});
	const server = createServer((req, res) => {
		const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
		res.writeHead(200, { 'content-type': 'application/x-ndjson' });
		res.end(pages[page - 1] ?? '');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/datasets`;
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-bench-import-'));
	try {
		for (const folder of ['sources', 'publishers', 'catalog']) await mkdir(join(dir, folder));
		await writeFile(
			join(dir, 'sources', 'bench-dcat.yaml'),
			`id: bench-dcat\nname: Benchmark catalogue\ncountry: EU\nofficial: true\nadapter: dcat-ap\nendpoints:\n  - url: ${endpoint}\nmetadataLicence: CC0-1.0\nhomepage: https://catalogue.example.eu/\nyields: datasets\n`,
		);
		// The same node flags as `npm run import`, with the test adapter's entry point.
		const script = join(ROOT, 'scripts', 'import.ts');
		const helper = join(ROOT, 'tests', 'import', 'helpers', 'import-cli.ts');
		const args = npmScriptNodeArgs('import', ['--data-dir', dir, '--allow-private']).map((a) =>
			a === script ? helper : a,
		);
		const night = async () => {
			const result = await measure(process.execPath, args, { env: { CI: '1' } });
			if (result.code !== 0 || !result.stderr.includes(`imported, ${records} record(s)`)) {
				throw new Error(`import failed:\n${result.stderr.slice(-2000)}`);
			}
			return result;
		};
		const first = await night();
		const second = await night();
		return {
			records,
			adapter: existsSync(join(ROOT, 'src/lib/import/adapters/dcat-ap.ts'))
				? 'JSON-lines test adapter (the dcat-ap adapter exists but is not wired into this bench)'
				: 'JSON-lines test adapter (no dcat-ap adapter in this tree)',
			firstSeconds: first.seconds,
			firstRssMb: first.peakRssMb,
			secondSeconds: second.seconds,
			secondRssMb: second.peakRssMb,
			files: await folderBytes(join(dir, 'imported', 'bench-dcat')),
		};
	} finally {
		server.close();
		await rm(dir, { recursive: true, force: true });
	}
}
