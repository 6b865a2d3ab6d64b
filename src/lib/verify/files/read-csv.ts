import { detect } from 'chardet';
import { parse } from 'csv-parse/sync';
import { ColumnTypes, textCellType } from './infer-types.ts';
import { type SchemaRead, TYPED_ROWS } from './schema-read.ts';

const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Lines parsed with each candidate delimiter to pick one. */
const SNIFF_LINES = 20;

/** Whether the bytes decode as UTF-8; a character cut in half by the byte cap is no error. */
function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return true;
	} catch {
		return false;
	}
}

/** The encoding chardet reads in the bytes, as a label TextDecoder knows; UTF-8 when unsure. */
function sniffEncoding(bytes: Uint8Array): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	// Valid UTF-8 (ASCII included) is UTF-8: chardet, the slow path, is for everything else.
	if (isUtf8(bytes)) return 'utf-8';
	const detected = detect(bytes)?.toLowerCase() ?? 'utf-8';
	try {
		return new TextDecoder(detected).encoding;
	} catch {
		return 'utf-8';
	}
}

/** Whole lines only: the cut made by the byte cap leaves half a line at the end. */
function wholeLines(text: string, truncated: boolean): string {
	if (!truncated) return text;
	const end = text.lastIndexOf('\n');
	return end === -1 ? '' : text.slice(0, end + 1);
}

function parseRows(text: string, delimiter: string, toLine?: number): string[][] {
	return parse(text, {
		delimiter,
		bom: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
		...(toLine ? { to_line: toLine } : {}),
	}) as string[][];
}

/**
 * The delimiter that splits the first lines into the most columns, the same number on every
 * line; csv-parse does the splitting for each candidate, so quoting is honoured.
 */
function sniffDelimiter(text: string): string {
	let best: { delimiter: string; columns: number; consistent: boolean } | undefined;
	for (const delimiter of DELIMITERS) {
		let rows: string[][];
		try {
			rows = parseRows(text, delimiter, SNIFF_LINES);
		} catch {
			continue;
		}
		const columns = rows[0]?.length ?? 0;
		const consistent = rows.every((row) => row.length === columns);
		const better =
			!best ||
			(consistent && !best.consistent && columns > 1) ||
			(consistent === best.consistent && columns > best.columns);
		if (better) best = { delimiter, columns, consistent };
	}
	return best?.delimiter ?? ',';
}

/** The header and column types of a CSV file's first bytes, and how many rows they hold. */
export function readCsv(bytes: Uint8Array, truncated: boolean): SchemaRead {
	const encoding = sniffEncoding(bytes);
	const text = wholeLines(new TextDecoder(encoding).decode(bytes), truncated);
	const delimiter = sniffDelimiter(text);
	const [header = [], ...rows] = parseRows(text, delimiter);
	const types = new ColumnTypes();
	for (const [i, name] of header.entries()) types.add(name.trim() || `column ${i + 1}`, null);
	for (const row of rows.slice(0, TYPED_ROWS)) {
		for (const [i, name] of header.entries()) {
			const value = row[i];
			if (value !== undefined) types.add(name.trim() || `column ${i + 1}`, textCellType(value));
		}
	}
	return {
		parser: 'csv-parse',
		columns: types.columns(),
		columnsTruncated: types.truncated,
		rows: rows.length,
		rowsComplete: !truncated,
		encoding,
		delimiter,
		// Text that parses into a header row is CSV as far as bytes can tell.
		...(header.length > 0 ? { kind: 'csv' as const } : {}),
	};
}
