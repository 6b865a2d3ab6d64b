import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnDescription } from '../../src/lib/exports/downloads/column-types.ts';
import { downloadRow } from '../../src/lib/exports/downloads/download-row.ts';
import {
	DOWNLOADS_EXPORT,
	FIELD_COLUMNS,
	REGISTER_COLUMNS,
} from '../../src/lib/exports/downloads/downloads-export.ts';
import { fieldRows } from '../../src/lib/exports/downloads/field-rows.ts';
import { parquetChunks } from '../../src/lib/exports/downloads/parquet-chunks.ts';
import { type ExportReport, writeExports } from '../../src/lib/exports/write-exports.ts';
import { distFile, pagePath } from '../../src/lib/register/urls.ts';
import { DownloadFieldSchema } from '../../src/schemas/download-field.ts';
import { DownloadRowSchema } from '../../src/schemas/download-row.ts';
import { fixtureRegister, HOSTILE } from './downloads-fixture.ts';

const register = fixtureRegister();
const expectedRows = register.records.map(downloadRow);
const expectedFields = register.records.flatMap((r) => [...fieldRows(r)]);

/** What a careful reader does with a cell the writer protected: drop the ' before a formula. */
const FORMULA_START = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A CSV cell back to its value, by the column's type: an empty cell is null. */
function cellValue(cell: string, column: ColumnDescription): unknown {
	if (cell === '' && column.nullable) return null;
	if (column.type === 'integer' || column.type === 'number') return Number(cell);
	if (column.type === 'boolean') return cell === 'true';
	return FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

function readCsv(text: string, columns: readonly ColumnDescription[]): Record<string, unknown>[] {
	const [header, ...records] = parse(text, { relax_column_count: false }) as string[][];
	expect(header).toEqual(columns.map((c) => c.name));
	return records.map((cells) =>
		Object.fromEntries(columns.map((c, i) => [c.name, cellValue(cells[i] ?? '', c)])),
	);
}

async function readParquet(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
	const file = bytes.buffer.slice(
		bytes.byteOffset,
		bytes.byteOffset + bytes.byteLength,
	) as ArrayBuffer;
	return (await parquetReadObjects({ file })).map((row) =>
		// hyparquet reads a null cell as null or undefined depending on the page; both mean null.
		Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? null])),
	);
}

describe('the bulk downloads, read back with well-kept readers', () => {
	let outDir: string;
	let reports: ExportReport[];
	const file = (page: Parameters<typeof pagePath>[0]) =>
		readFile(join(outDir, distFile(pagePath(page))));
	beforeAll(async () => {
		outDir = await mkdtemp(join(tmpdir(), 'c0mm0-downloads-'));
		reports = await writeExports(outDir, register, [DOWNLOADS_EXPORT]);
	});
	afterAll(() => rm(outDir, { recursive: true, force: true }));

	it('reports each file with its real size and row count', async () => {
		expect(reports.map((r) => [r.path, r.rows])).toEqual([
			[pagePath('downloadCsv'), register.records.length],
			[pagePath('downloadNdjson'), register.records.length],
			[pagePath('downloadParquet'), register.records.length],
			[pagePath('downloadFields'), expectedFields.length],
		]);
		for (const report of reports)
			expect(report.bytes).toBe((await readFile(join(outDir, distFile(report.path)))).length);
	});

	it('gives back the same rows from the CSV (csv-parse), every one valid against the schema', async () => {
		const rows = readCsv((await file('downloadCsv')).toString('utf8'), REGISTER_COLUMNS);
		for (const row of rows) DownloadRowSchema.strict().parse(row);
		expect(rows).toEqual(expectedRows);
	});

	it('gives back the same rows from the NDJSON, one JSON object per line', async () => {
		const text = (await file('downloadNdjson')).toString('utf8');
		const lines = text.split('\n');
		expect(lines.pop()).toBe('');
		expect(text).not.toMatch(/[\u2028\u2029]/);
		const rows = lines.map((line) => DownloadRowSchema.strict().parse(JSON.parse(line)));
		expect(rows).toEqual(expectedRows);
	});

	it('gives back the same rows from the Parquet file (hyparquet), with typed columns', async () => {
		const bytes = await file('downloadParquet');
		const rows = await readParquet(bytes);
		for (const row of rows) DownloadRowSchema.strict().parse(row);
		expect(rows).toEqual(expectedRows);
		const schema = parquetMetadata(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
		).schema;
		const element = (name: string) => schema.find((s) => s.name === name);
		expect(element('score')).toMatchObject({ type: 'INT32', repetition_type: 'REQUIRED' });
		expect(element('uptime_30d')).toMatchObject({ type: 'DOUBLE', repetition_type: 'OPTIONAL' });
		expect(element('score_provisional')).toMatchObject({ type: 'BOOLEAN' });
		expect(element('title')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
	});

	it('keeps hostile titles whole in all three files: formulas, delimiters, quotes, line breaks, emoji, 2,000 characters', async () => {
		const csv = readCsv((await file('downloadCsv')).toString('utf8'), REGISTER_COLUMNS);
		const ndjson = (await file('downloadNdjson'))
			.toString('utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as { id: string; title: string });
		const parquet = await readParquet(await file('downloadParquet'));
		for (const [name, title] of Object.entries(HOSTILE)) {
			const id = `fr-hostile-${name}`;
			for (const rows of [csv, ndjson, parquet])
				expect(rows.find((r) => r.id === id)).toMatchObject({ title, summary: title });
		}
		expect(HOSTILE.long).toHaveLength(2000);
	});

	it('writes no CSV cell that a spreadsheet would run as a formula', async () => {
		for (const page of ['downloadCsv', 'downloadFields'] as const) {
			const cells = (parse((await file(page)).toString('utf8')) as string[][]).flat();
			const formulas = cells.filter((cell) => /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell));
			expect(formulas).toEqual([]);
			expect(cells.filter((cell) => FORMULA_START.test(cell)).length).toBeGreaterThan(0);
		}
		const csv = (await file('downloadCsv')).toString('utf8');
		expect(csv).toContain(`"'${HOSTILE.formula.replaceAll('"', '""')}"`);
	});

	it('gives back every captured name from fields.csv, the hostile ones whole', async () => {
		const rows = readCsv((await file('downloadFields')).toString('utf8'), FIELD_COLUMNS);
		for (const row of rows) DownloadFieldSchema.strict().parse(row);
		expect(rows).toEqual(expectedFields);
		expect(rows.map((r) => r.name)).toEqual(
			expect.arrayContaining([HOSTILE.formula, HOSTILE.emoji, HOSTILE.punctuation]),
		);
	});
});

describe('the Parquet writer', () => {
	it('writes row groups of the size asked, which read back as the same rows', async () => {
		const chunks = [...parquetChunks(expectedRows, REGISTER_COLUMNS, 4)];
		// One chunk per full group of 4, then the last group with the footer.
		expect(chunks).toHaveLength(Math.floor(expectedRows.length / 4) + 1);
		const bytes = Buffer.concat(chunks);
		const metadata = parquetMetadata(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
		);
		expect(metadata.row_groups.map((g) => Number(g.num_rows))).toEqual(
			Array.from({ length: Math.ceil(expectedRows.length / 4) }, (_, i) =>
				Math.min(4, expectedRows.length - 4 * i),
			),
		);
		expect(await readParquet(bytes)).toEqual(expectedRows);
	});

	it('writes a valid file with no rows for an empty register', async () => {
		const bytes = Buffer.concat([...parquetChunks([], REGISTER_COLUMNS)]);
		expect(await readParquet(bytes)).toEqual([]);
		const metadata = parquetMetadata(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
		);
		expect(metadata.schema.slice(1).map((s) => s.name)).toEqual(
			REGISTER_COLUMNS.map((c) => c.name),
		);
	});
});
