import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
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

const PAGE = 5_000;
const PUBLISHERS = 500;
const THEMES = ['ECON', 'ENVI', 'GOVE', 'SOCI', 'TRAN', 'HEAL', 'REGI', 'EDUC'];
const EU = 'http://publications.europa.eu/resource/authority';

const DCAT_PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
`;

/**
 * One DCAT-AP dataset in Turtle, as a national portal publishes it: title in two languages,
 * landing page, publisher with name and homepage, licence, theme and language URIs, keywords,
 * modified date and two or three distributions.
 */
function syntheticDataset(i: number): string {
	const p = i % PUBLISHERS;
	const host = `https://data.publisher-${p}.example.eu`;
	const distributions = [
		`[ a dcat:Distribution ; dcat:downloadURL <${host}/files/${i}.csv> ; dct:format <${EU}/file-type/CSV> ; dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ]`,
		`[ a dcat:Distribution ; dcat:accessURL <${host}/files/${i}.json> ; dct:format <${EU}/file-type/JSON> ]`,
		...(i % 3 === 0 ? [`[ a dcat:Distribution ; dcat:accessURL <${host}/api/${i}> ]`] : []),
	];
	return `<https://catalogue.example.eu/set/data/${i}> a dcat:Dataset ;
  dct:title "Öffentliche Statistik ${i}: Luftqualität und Verkehr in Region ${i % 97}"@de , "Official statistics ${i}: air quality and traffic in region ${i % 97}"@en ;
  dcat:landingPage <https://catalogue.example.eu/datasets/dataset-${i}> ;
  dct:publisher [ a foaf:Agent ; foaf:name "Statistical office number ${p}" ; foaf:homepage <${host}/> ] ;
  dct:license <${EU}/licence/CC_BY_4_0> ;
  dcat:theme <${EU}/data-theme/${THEMES[i % THEMES.length]}> ;
  dct:language <${EU}/language/DEU> , <${EU}/language/ENG> ;
  dcat:keyword "statistics" , "air quality" , "region ${i % 97}" , "traffic" , "open data" ;
  dct:modified "2026-10-01T08:00:00Z"^^xsd:dateTime ;
  dcat:distribution ${distributions.join(' , ')} .
`;
}

/** One page of the catalogue as a hydra-paged Turtle document, with a link to the next page. */
function cataloguePage(
	base: string,
	page: number,
	pages: number,
	from: number,
	to: number,
): string {
	const lines = [DCAT_PREFIXES];
	const view = `<${base}?page=${page}> a hydra:PartialCollectionView`;
	lines.push(page < pages ? `${view} ; hydra:next <${base}?page=${page + 1}> .\n` : `${view} .\n`);
	for (let i = from; i < to; i += 1) lines.push(syntheticDataset(i));
	return lines.join('');
}

async function folderBytes(dir: string): Promise<number> {
	let total = 0;
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
	}
	return total;
}

/**
 * Imports N synthetic DCAT-AP datasets in Turtle from a loopback server through the real dcat-ap
 * adapter, twice (a first night, then a night with every record already known), measuring the
 * import process alone: HTTP, Turtle parsing, normalising, ids, reconciling, writing.
 */
export async function benchImport(records: number): Promise<ImportBenchResult> {
	const pages = Math.ceil(records / PAGE);
	let base = '';
	const server = createServer((req, res) => {
		const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
		if (!(page >= 1 && page <= pages)) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'content-type': 'text/turtle; charset=utf-8' });
		res.end(cataloguePage(base, page, pages, (page - 1) * PAGE, Math.min(records, page * PAGE)));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl`;
	const endpoint = `${base}?page=1`;
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-bench-import-'));
	try {
		// No hand-written publishers: every dataset's publisher is an imported one.
		for (const folder of ['sources', 'publishers', 'catalog']) await mkdir(join(dir, folder));
		await writeFile(
			join(dir, 'sources', 'bench-dcat.yaml'),
			`id: bench-dcat\nname: Benchmark catalogue\ncountry: EU\nofficial: true\nadapter: dcat-ap\nendpoints:\n  - url: ${endpoint}\n    format: turtle\nmetadataLicence: CC0-1.0\nhomepage: https://catalogue.example.eu/\nyields: datasets\n`,
		);
		// The same node flags and script as `npm run import`.
		const args = npmScriptNodeArgs('import', ['--data-dir', dir, '--allow-private']);
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
			adapter: 'dcat-ap (Turtle, hydra-paged)',
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
