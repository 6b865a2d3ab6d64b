import { DownloadFieldSchema } from '../../../schemas/download-field.ts';
import { DownloadRowSchema } from '../../../schemas/download-row.ts';
import type { Register } from '../../register/assemble-register.ts';
import { pagePath } from '../../register/urls.ts';
import type { ExportFile, SiteExport } from '../write-exports.ts';
import { describeColumns } from './column-types.ts';
import { csvChunks } from './csv-chunks.ts';
import { downloadRow } from './download-row.ts';
import { fieldRows } from './field-rows.ts';
import { ndjsonChunks } from './ndjson-chunks.ts';
import { parquetChunks } from './parquet-chunks.ts';

export const REGISTER_COLUMNS = describeColumns(DownloadRowSchema);
export const FIELD_COLUMNS = describeColumns(DownloadFieldSchema);

/** One row per record, built as it is written. */
function* registerRows(register: Register) {
	for (const record of register.records) yield downloadRow(record);
}

/** Every captured parameter, field and column of every record, built as written. */
function* fieldRowsOf(register: Register) {
	for (const record of register.records) yield* fieldRows(record);
}

/** A file whose rows are counted as they pass, for the downloads page. */
function countedFile<Row>(
	path: string,
	rows: () => Iterable<Row>,
	chunks: (rows: Iterable<Row>) => ReturnType<ExportFile['content']>,
): ExportFile {
	let count = 0;
	function* counting() {
		count = 0;
		for (const row of rows()) {
			count += 1;
			yield row;
		}
	}
	return { path, content: () => chunks(counting()), rows: () => count };
}

/**
 * The bulk downloads: the register as CSV, NDJSON and Parquet (the same rows and columns,
 * DownloadRowSchema), and every captured field as CSV (DownloadFieldSchema).
 */
export const DOWNLOADS_EXPORT: SiteExport = {
	name: 'downloads',
	files: (register) => [
		countedFile(
			pagePath('downloadCsv'),
			() => registerRows(register),
			(rows) => csvChunks(rows, REGISTER_COLUMNS),
		),
		countedFile(pagePath('downloadNdjson'), () => registerRows(register), ndjsonChunks),
		countedFile(
			pagePath('downloadParquet'),
			() => registerRows(register),
			(rows) => parquetChunks(rows, REGISTER_COLUMNS),
		),
		countedFile(
			pagePath('downloadFields'),
			() => fieldRowsOf(register),
			(rows) => csvChunks(rows, FIELD_COLUMNS),
		),
	],
};
