import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitSnapshot } from '../../src/lib/state/cap-snapshot.ts';
import { readSnapshots } from '../../src/lib/state/snapshot-store.ts';
import { runVerify, type VerifyResult } from '../../src/lib/verify/run-verify.ts';
import { DATA_FILE_LIMITS, type DataFile, DataFilesSchema } from '../../src/schemas/data-file.ts';
import { SNAPSHOT_LIMITS, type Snapshot, SnapshotSchema } from '../../src/schemas/snapshot.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

const HEAD_BYTES = 64 * 1024;
const LIMITS = {
	...FAST_LIMITS,
	dataFileHeadBytes: HEAD_BYTES,
	dataFileTailBytes: 2048,
	dataFileWholeBytes: 1024 * 1024,
	requestDeadlineMs: 8_000,
};
const NOW = new Date('2026-11-26T03:00:00Z');
const TWO_GB = 2 * 1024 * 1024 * 1024;
const DAY = 24 * 60 * 60 * 1000;

/** A CSV of communes in windows-1252 with semicolons, as many French portals still publish. */
const LATIN1_CSV = Buffer.from(
	[
		'commune;département;population;superficie;préfecture',
		...Array.from(
			{ length: 200 },
			(_, i) => `Besançon-${i};Doubs;${116_000 + i};65,05;${i % 2 === 0 ? 'oui' : 'non'}`,
		),
		'Orléans;Loiret;116238;27,48;oui',
		'Évry-Courcouronnes;Essonne;66667;16,14;non',
	].join('\r\n'),
	'latin1',
);

const GEOJSON = JSON.stringify({
	type: 'FeatureCollection',
	features: Array.from({ length: 12 }, (_, i) => ({
		type: 'Feature',
		properties: { name: `Station ${i}`, capacity: i * 2, open: i % 2 === 0 },
		geometry: { type: 'Point', coordinates: [2.35 + i / 100, 48.85] },
	})),
});

const NDJSON = Array.from({ length: 30 }, (_, i) =>
	JSON.stringify({ id: i, label: `row ${i}`, score: i / 4 }),
).join('\n');

/** A JSON array cut by the byte cap: far longer than the head read. */
const LONG_JSON = JSON.stringify(
	Array.from({ length: 20_000 }, (_, i) => ({ id: i, city: `Ville ${i}`, lat: 45.5 + i / 1e5 })),
);

const HTML_PAGE =
	'<!DOCTYPE html>\n<html><head><title>Portail open data</title></head><body><p>Cette ressource a été déplacée.</p></body></html>';

const GZIP_BOMB_CSV = gzipSync(
	Buffer.concat([Buffer.from('a,b,c\n'), Buffer.alloc(64 * 1024 * 1024, '1,2,3\n')]),
	{ level: 9 },
);

/** The huge CSV's bytes [start, end): a header, then fixed-width rows, made on demand. */
const HUGE_HEADER = 'id,label,value\n';
const HUGE_ROW = '0000000,abcdef,1\n';
function hugeBytes(start: number, end: number): Buffer {
	const out = Buffer.alloc(end - start);
	for (let p = start; p < end; p += 1) {
		out[p - start] =
			p < HUGE_HEADER.length
				? HUGE_HEADER.charCodeAt(p)
				: HUGE_ROW.charCodeAt((p - HUGE_HEADER.length) % HUGE_ROW.length);
	}
	return out;
}

interface FileServer {
	url: string;
	/** Body bytes written per path. */
	sent: Map<string, number>;
	close(): Promise<void>;
}

type Body = Buffer | { size: number; bytes: (start: number, end: number) => Buffer };

interface Route {
	body: Body;
	type: string;
	/** Answer Range requests with 206 (default true). */
	ranges?: boolean;
	headers?: Record<string, string>;
}

function rangeOf(header: string | undefined, size: number): [number, number] | null {
	const match = header?.match(/^bytes=(\d*)-(\d*)$/);
	if (!match) return null;
	if (match[1] === '') return [Math.max(0, size - Number(match[2])), size];
	return [Number(match[1]), Math.min(size, match[2] === '' ? size : Number(match[2]) + 1)];
}

/** Writes [start, end) of a body in 64 KB chunks, minding back-pressure, until the client hangs up. */
async function stream(
	res: ServerResponse,
	body: Body,
	start: number,
	end: number,
	count: (n: number) => void,
) {
	for (let p = start; p < end && !res.destroyed; p += 65_536) {
		const chunk = Buffer.isBuffer(body)
			? body.subarray(p, Math.min(end, p + 65_536))
			: body.bytes(p, Math.min(end, p + 65_536));
		count(chunk.length);
		if (!res.write(chunk))
			await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
	}
	res.end();
}

async function startFileServer(routes: Record<string, Route>): Promise<FileServer> {
	const sent = new Map<string, number>();
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		const route = routes[path];
		if (!route) {
			res.writeHead(404).end();
			return;
		}
		const size = Buffer.isBuffer(route.body) ? route.body.length : route.body.size;
		const count = (n: number) => sent.set(path, (sent.get(path) ?? 0) + n);
		const range = route.ranges === false ? null : rangeOf(req.headers.range, size);
		const headers = { 'content-type': route.type, ...route.headers };
		if (range) {
			const [start, end] = range;
			res.writeHead(206, {
				...headers,
				'accept-ranges': 'bytes',
				'content-range': `bytes ${start}-${end - 1}/${size}`,
				'content-length': String(end - start),
			});
			void stream(res, route.body, start, end, count);
			return;
		}
		res.writeHead(200, {
			...headers,
			...(route.headers?.['content-encoding'] ? {} : { 'content-length': String(size) }),
		});
		void stream(res, route.body, 0, size, count);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		sent,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

async function parquetFile(rows: number): Promise<Buffer> {
	const buffer = parquetWriteBuffer({
		columnData: [
			{ name: 'station', data: Array.from({ length: rows }, (_, i) => `S${i}`), type: 'STRING' },
			{
				name: 'year',
				data: Int32Array.from({ length: rows }, (_, i) => 2000 + (i % 25)),
				type: 'INT32',
			},
			{ name: 'level', data: Float64Array.from({ length: rows }, (_, i) => i / 7), type: 'DOUBLE' },
		],
	});
	return Buffer.from(buffer);
}

async function workbookFile(): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Budget');
	sheet.addRow(['Année', 'Poste', 'Montant', 'Voté le']);
	for (let i = 0; i < 40; i += 1)
		sheet.addRow([2020 + (i % 5), `Poste ${i}`, i * 1000.5, new Date(Date.UTC(2024, 0, 1 + i))]);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

let server: FileServer;
let result: VerifyResult;
let cleanup: () => Promise<void>;
const snapshots = new Map<string, Snapshot>();

/**
 * A workbook whose sheet declares 100 bytes but inflates to 256 MB of zeros (about 250 KB
 * deflated): inflating it costs the reader a good half-second of CPU whatever it keeps.
 */
function workbookBomb(): Promise<Buffer> {
	return new Promise((done, fail) => {
		const parts: Uint8Array[] = [];
		const zip = new Zip((error, chunk, final) => {
			if (error) return fail(error);
			parts.push(chunk);
			if (final) {
				const bytes = Buffer.concat(parts);
				const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
				for (let i = 0; i + 4 <= bytes.length; i += 1) {
					const signature = view.getUint32(i, true);
					if (signature === 0x04034b50) view.setUint32(i + 22, 100, true);
					if (signature === 0x02014b50) view.setUint32(i + 24, 100, true);
				}
				done(bytes);
			}
		});
		const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
		zip.add(sheet);
		const zeros = new Uint8Array(1024 * 1024);
		for (let i = 0; i < 256; i += 1) sheet.push(zeros, i === 255);
		zip.end();
	});
}

/** The longest the test process's event loop waited during the verify run, in ms. */
let longestStall = 0;

beforeAll(async () => {
	const parquet = await parquetFile(20_000);
	const routes: Record<string, Route> = {
		'/communes.csv': { body: LATIN1_CSV, type: 'text/csv' },
		'/archive.zip': {
			body: Buffer.from(
				zipSync({
					'communes.csv': new Uint8Array(LATIN1_CSV),
					'README.txt': new TextEncoder().encode('Origine : tests.'),
				}),
			),
			type: 'application/zip',
		},
		'/stations.parquet': { body: parquet, type: 'application/octet-stream' },
		'/no-range.parquet': { body: parquet, type: 'application/octet-stream', ranges: false },
		'/bomb.xlsx': {
			body: await workbookBomb(),
			type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		},
		'/budget.xlsx': {
			body: await workbookFile(),
			type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		},
		'/moved.json': { body: Buffer.from(HTML_PAGE), type: 'application/json' },
		'/huge.csv': { body: { size: TWO_GB, bytes: hugeBytes }, type: 'text/csv' },
		'/huge-no-range.csv': {
			body: { size: TWO_GB, bytes: hugeBytes },
			type: 'text/csv',
			ranges: false,
		},
		'/bomb.csv': {
			body: GZIP_BOMB_CSV,
			type: 'text/csv',
			ranges: false,
			headers: { 'content-encoding': 'gzip' },
		},
		'/stations.geojson': { body: Buffer.from(GEOJSON), type: 'application/geo+json' },
		'/rows.ndjson': { body: Buffer.from(NDJSON), type: 'application/x-ndjson' },
		'/long.json': { body: Buffer.from(LONG_JSON), type: 'application/json' },
		'/stale.csv': {
			body: Buffer.from('a,b\n1,2\n'),
			type: 'text/csv',
			headers: { 'last-modified': new Date(NOW.getTime() - 10 * DAY).toUTCString(), etag: '"v1"' },
		},
		'/fresh.csv': {
			body: Buffer.from('a,b\n1,2\n'),
			type: 'text/csv',
			headers: { 'last-modified': new Date(NOW.getTime() - 12 * 60 * 60 * 1000).toUTCString() },
		},
	};
	server = await startFileServer(routes);
	const u = server.url;
	/** One dataset entry per scenario, each download with its declared format. */
	const dataset = (
		id: string,
		files: [path: string, format: string][],
		updateFrequency?: string,
	) => ({
		id,
		kind: 'dataset' as const,
		distributions: files.map(([path, format]) => ({ url: `${u}${path}`, format })),
		...(updateFrequency ? { updateFrequency } : {}),
	});
	const made = await scenarioDataDir([
		dataset('fr-latin1-csv', [['/communes.csv', 'CSV']]),
		dataset('fr-zip', [['/archive.zip', 'ZIP']]),
		dataset('fr-parquet', [['/stations.parquet', 'Parquet']]),
		dataset('fr-parquet-no-range', [['/no-range.parquet', 'Parquet']]),
		dataset('fr-xlsx', [['/budget.xlsx', 'XLSX']]),
		dataset('fr-xlsx-bomb', [['/bomb.xlsx', 'XLSX']]),
		dataset('fr-html-as-json', [['/moved.json', 'JSON']]),
		dataset('fr-huge', [['/huge.csv', 'CSV']]),
		dataset('fr-huge-no-range', [['/huge-no-range.csv', 'CSV']]),
		dataset('fr-bomb', [['/bomb.csv', 'CSV']]),
		dataset('fr-geo-nd', [
			['/stations.geojson', 'GeoJSON'],
			['/rows.ndjson', 'NDJSON'],
			['/long.json', 'JSON'],
		]),
		dataset('fr-stale', [['/stale.csv', 'CSV']], 'DAILY'),
		dataset('fr-fresh', [['/fresh.csv', 'CSV']], 'DAILY'),
	]);
	cleanup = made.cleanup;
	const stalls = monitorEventLoopDelay({ resolution: 10 });
	stalls.enable();
	result = await runVerify({
		dataDir: made.dir,
		allowAddresses: ['127.0.0.1'],
		limits: LIMITS,
		now: () => NOW,
	});
	stalls.disable();
	longestStall = stalls.max / 1e6;
	for (const [id, s] of (await readSnapshots(made.dir)).snapshots) snapshots.set(id, s);
}, 120_000);

afterAll(async () => {
	await server?.close();
	await cleanup?.();
});

function snapshot(id: string): Snapshot {
	const found = snapshots.get(id);
	if (!found) throw new Error(`no snapshot for ${id}`);
	return found;
}

function file(id: string, index = 0): DataFile {
	const found = snapshot(id).files?.[index];
	if (!found) throw new Error(`no file ${index} for ${id}`);
	return found;
}

describe('dataset files read, not just pinged', () => {
	it('completes the run with a snapshot per dataset', () => {
		expect(result.status).toBe('completed');
		expect(snapshots.size).toBe(13);
	});

	it('reads a Latin-1 CSV with semicolons: encoding, delimiter, columns and types', () => {
		expect(file('fr-latin1-csv')).toMatchObject({
			format: 'CSV',
			mediaType: 'text/csv',
			contentType: 'text/csv',
			match: 'match',
			parser: 'csv-parse',
			encoding: 'windows-1252',
			delimiter: ';',
			rows: 202,
			rowsComplete: true,
			bytes: LATIN1_CSV.length,
			columns: [
				{ name: 'commune', type: 'string' },
				{ name: 'département', type: 'string' },
				{ name: 'population', type: 'integer' },
				{ name: 'superficie', type: 'number' },
				{ name: 'préfecture', type: 'string' },
			],
		});
		expect(snapshot('fr-latin1-csv').outcome).toBe('up');
	});

	it('lists the members of a ZIP', () => {
		expect(file('fr-zip')).toMatchObject({
			mediaType: 'application/zip',
			match: 'match',
			parser: 'fflate',
			members: [
				{ name: 'communes.csv', bytes: LATIN1_CSV.length },
				{ name: 'README.txt', bytes: 16 },
			],
		});
	});

	it('reads a Parquet file’s columns and row count from its footer with suffix ranges, not the whole file', () => {
		const parquet = file('fr-parquet');
		expect(parquet).toMatchObject({
			mediaType: 'application/vnd.apache.parquet',
			match: 'match',
			parser: 'hyparquet',
			ranges: true,
			rows: 20_000,
			rowsComplete: true,
			columns: [
				{ name: 'station', type: 'UTF8' },
				{ name: 'year', type: 'INT32' },
				{ name: 'level', type: 'DOUBLE' },
			],
		});
		expect(parquet.bytes).toBeGreaterThan(HEAD_BYTES * 2);
		expect(parquet.bytesRead).toBeLessThan(HEAD_BYTES + LIMITS.dataFileWholeBytes);
		expect(parquet.bytesRead).toBeLessThan(parquet.bytes ?? 0);
	});

	it('skips a Parquet file with a reason when the server ignores Range requests', () => {
		expect(file('fr-parquet-no-range')).toMatchObject({
			mediaType: 'application/vnd.apache.parquet',
			ranges: false,
			parser: null,
			columns: [],
			note: 'not read: the server ignores Range requests, and a Parquet file keeps its schema at its end',
		});
		expect(snapshot('fr-parquet-no-range').outcome).toBe('up');
	});

	it('reads a workbook bomb in a worker: the verifier’s own thread never stalls on it', () => {
		// Inflated on the main thread, the bomb stalled it for about half a second or more.
		expect(longestStall).toBeLessThan(250);
		expect(file('fr-xlsx-bomb').columns).toEqual([]);
	});

	it('reads the header row and types of an XLSX workbook', () => {
		expect(file('fr-xlsx')).toMatchObject({
			mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			match: 'match',
			parser: 'exceljs',
			rows: 40,
			columns: [
				{ name: 'Année', type: 'integer' },
				{ name: 'Poste', type: 'string' },
				{ name: 'Montant', type: 'number' },
				{ name: 'Voté le', type: 'datetime' },
			],
		});
	});

	it('degrades a dataset whose JSON file is an HTML page, saying so', () => {
		expect(file('fr-html-as-json')).toMatchObject({
			mediaType: 'text/html',
			contentType: 'application/json',
			match: 'mismatch',
			columns: [],
		});
		expect(snapshot('fr-html-as-json')).toMatchObject({
			outcome: 'degraded',
			reason: 'A download answered 206, but the file is an HTML page, not the declared JSON.',
		});
	});

	it('reads only the first bytes of a 2 GB file served with ranges', () => {
		const huge = file('fr-huge');
		expect(huge).toMatchObject({
			bytes: TWO_GB,
			bytesRead: HEAD_BYTES,
			ranges: true,
			rowsComplete: false,
			columns: [
				{ name: 'id', type: 'string' },
				{ name: 'label', type: 'string' },
				{ name: 'value', type: 'integer' },
			],
		});
		expect(server.sent.get('/huge.csv')).toBe(HEAD_BYTES);
	});

	it('reads only the first bytes of a 2 GB file from a server that ignores Range', () => {
		const huge = file('fr-huge-no-range');
		expect(huge).toMatchObject({ bytes: TWO_GB, bytesRead: HEAD_BYTES, ranges: false });
		// What the server wrote before the client hung up: socket buffers, not gigabytes.
		expect(server.sent.get('/huge-no-range.csv')).toBeLessThan(32 * 1024 * 1024);
		expect(snapshot('fr-huge-no-range').outcome).toBe('up');
	});

	it('cuts a gzip bomb served as a CSV at the cap and still reads its header', () => {
		expect(file('fr-bomb')).toMatchObject({
			bytesRead: HEAD_BYTES,
			bytes: null,
			columns: [
				{ name: 'a', type: 'integer' },
				{ name: 'b', type: 'integer' },
				{ name: 'c', type: 'integer' },
			],
		});
	});

	it('reads GeoJSON properties, NDJSON lines and a JSON array cut by the cap', () => {
		expect(file('fr-geo-nd', 0)).toMatchObject({
			mediaType: 'application/geo+json',
			match: 'match',
			parser: 'jsonparse',
			rows: 12,
			rowsComplete: true,
			columns: [
				{ name: 'name', type: 'string' },
				{ name: 'capacity', type: 'integer' },
				{ name: 'open', type: 'boolean' },
				{ name: 'geometry', type: 'Point' },
			],
		});
		expect(file('fr-geo-nd', 1)).toMatchObject({
			mediaType: 'application/x-ndjson',
			match: 'match',
			rows: 30,
			columns: [
				{ name: 'id', type: 'integer' },
				{ name: 'label', type: 'string' },
				{ name: 'score', type: 'number' },
			],
		});
		const long = file('fr-geo-nd', 2);
		expect(long).toMatchObject({
			mediaType: 'application/json',
			rowsComplete: false,
			columns: [
				{ name: 'id', type: 'integer' },
				{ name: 'city', type: 'string' },
				{ name: 'lat', type: 'number' },
			],
		});
		expect(long.rows).toBeGreaterThan(100);
		expect(long.rows).toBeLessThan(20_000);
	});

	it('flags a file older than its daily frequency allows as stale, and a recent one as not', () => {
		expect(file('fr-stale')).toMatchObject({
			lastModified: new Date(NOW.getTime() - 10 * DAY).toISOString(),
			etag: '"v1"',
			ageDays: 10,
			stale: true,
		});
		expect(file('fr-fresh')).toMatchObject({ ageDays: 0, stale: false });
	});
});

describe('the size of a snapshot with files', () => {
	it('stays within the snapshot byte cap with every file list and string at its cap', () => {
		// Control characters are written as \u0001 in JSON: six bytes each, the worst a name can cost.
		const name = '\u0001'.repeat(DATA_FILE_LIMITS.nameChars);
		const worst: DataFile = {
			url: `https://example.org/${'a'.repeat(DATA_FILE_LIMITS.urlChars - 20)}`,
			format: 'X'.repeat(DATA_FILE_LIMITS.typeChars),
			mediaType: 'x'.repeat(DATA_FILE_LIMITS.typeChars),
			contentType: 'x'.repeat(DATA_FILE_LIMITS.typeChars),
			match: 'mismatch',
			bytes: TWO_GB,
			bytesRead: HEAD_BYTES,
			ranges: true,
			lastModified: NOW.toISOString(),
			etag: '\u0001'.repeat(DATA_FILE_LIMITS.noteChars),
			ageDays: 10,
			stale: true,
			parser: 'x'.repeat(DATA_FILE_LIMITS.typeChars),
			encoding: 'x'.repeat(DATA_FILE_LIMITS.typeChars),
			delimiter: ';',
			columns: Array.from({ length: DATA_FILE_LIMITS.columns }, () => ({
				name,
				type: '\u0001'.repeat(DATA_FILE_LIMITS.typeChars),
			})),
			columnsTruncated: true,
			rows: 1,
			rowsComplete: false,
			members: Array.from({ length: DATA_FILE_LIMITS.members }, () => ({ name, bytes: 1 })),
			note: '\u0001'.repeat(DATA_FILE_LIMITS.noteChars),
		};
		const parsed = SnapshotSchema.parse({
			id: 'fr-worst',
			checkedAt: NOW.toISOString(),
			outcome: 'degraded',
			reason: 'x',
			lastUpAt: null,
			checks: [],
			spec: null,
			proofs: [],
			files: Array.from({ length: DATA_FILE_LIMITS.files }, () => worst),
		});
		const { text } = fitSnapshot(parsed);
		expect(Buffer.byteLength(text)).toBeLessThan(SNAPSHOT_LIMITS.maxBytes);
	});

	it('accepts a files list at its cap and refuses one longer', () => {
		// Real files from the run: a list of invalid ones would be refused whatever the cap.
		const list = (length: number) => Array.from({ length }, () => file('fr-fresh'));
		expect(DataFilesSchema.parse(list(DATA_FILE_LIMITS.files))).toHaveLength(
			DATA_FILE_LIMITS.files,
		);
		expect(() => DataFilesSchema.parse(list(DATA_FILE_LIMITS.files + 1))).toThrow();
	});
});
