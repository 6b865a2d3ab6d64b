import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ColumnDescription } from './column-types.ts';

/**
 * Rows as CSV text, made as they are read: RFC 4180 quoting, a header row, UTF-8 without a
 * byte-order mark (notebooks read it as is), `true`/`false` for booleans and an empty cell for
 * null. Values come from strangers' catalogues, so a cell that a spreadsheet would run as a
 * formula — starting with = + - @, a tab or a carriage return, or their full-width forms — is
 * prefixed with ' (csv-stringify's `escape_formulas`, OWASP's advice); the data dictionary says so.
 */
export function csvChunks<Row extends object>(
	rows: Iterable<Row>,
	columns: readonly ColumnDescription[],
): AsyncIterable<Buffer> {
	const stringifier = stringify({
		header: true,
		columns: columns.map((c) => c.name),
		escape_formulas: true,
		cast: { boolean: (value) => (value ? 'true' : 'false') },
	});
	// pipeline, not pipe: a row that fails to build destroys the stringifier with its error, so
	// the file's writer sees it and keeps the last good file.
	return pipeline(Readable.from(rows), stringifier, () => {});
}
