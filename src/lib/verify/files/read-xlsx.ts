import type ExcelJS from 'exceljs';
import pLimit from 'p-limit';
import { ColumnTypes, textCellType } from './infer-types.ts';
import { listZipMembers, restoreWithinDeclaredSizes } from './read-zip.ts';
import { type SchemaRead, TYPED_ROWS } from './schema-read.ts';

/**
 * Workbooks are read one at a time: exceljs builds every cell of the file in memory, so a few
 * large ones at once would be the run's memory.
 */
const oneAtATime = pLimit(1);

/** The type of an exceljs cell value (formulas by their result). */
function cellType(value: ExcelJS.CellValue): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'string') return textCellType(value) === null ? null : 'string';
	if (value instanceof Date) return 'datetime';
	if ('result' in value) return cellType(value.result as ExcelJS.CellValue);
	if ('error' in value) return 'error';
	return 'string';
}

function cellText(value: ExcelJS.CellValue, index: number): string {
	if (value === null || value === undefined) return `column ${index}`;
	if (typeof value === 'object' && 'richText' in value)
		return value.richText.map((r) => r.text).join('');
	if (typeof value === 'object' && 'text' in value) return String(value.text);
	return String(value).trim() || `column ${index}`;
}

/**
 * The first worksheet's header row and column types, and its row count. Only for a workbook
 * held whole, whose parts declare at most `maxExpandedBytes` in all.
 */
export function readXlsx(bytes: Uint8Array, maxExpandedBytes: number): Promise<SchemaRead> {
	const declared = listZipMembers(bytes).reduce((sum, m) => sum + m.bytes, 0);
	if (declared > maxExpandedBytes) {
		throw new Error(
			`its parts expand to ${declared} bytes, more than the ${maxExpandedBytes} read`,
		);
	}
	return oneAtATime(async () => {
		// Loaded on first use: exceljs is large, and most nights' files are not workbooks.
		const { default: excel } = await import('exceljs');
		const workbook = new excel.Workbook();
		await workbook.xlsx.load(
			Buffer.from(restoreWithinDeclaredSizes(bytes)) as unknown as ArrayBuffer,
		);
		const sheet = workbook.worksheets[0];
		if (!sheet) throw new Error('the workbook has no worksheet');
		const header: string[] = [];
		sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
			header[column - 1] = cellText(cell.value, column);
		});
		const types = new ColumnTypes();
		for (const [i, name] of header.entries()) types.add(name ?? `column ${i + 1}`, null);
		const rows = Math.max(0, sheet.rowCount - 1);
		for (let r = 2; r <= Math.min(sheet.rowCount, TYPED_ROWS + 1); r += 1) {
			const row = sheet.getRow(r);
			for (const [i, name] of header.entries()) {
				types.add(name ?? `column ${i + 1}`, cellType(row.getCell(i + 1).value));
			}
		}
		return {
			parser: 'exceljs',
			columns: types.columns(),
			columnsTruncated: types.truncated,
			rows,
			rowsComplete: true,
			kind: 'xlsx' as const,
			...(workbook.worksheets.length > 1
				? { note: `the first of ${workbook.worksheets.length} worksheets was read` }
				: {}),
		};
	});
}
