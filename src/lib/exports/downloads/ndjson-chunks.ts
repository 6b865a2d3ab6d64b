/**
 * Rows as newline-delimited JSON, one object per line. U+2028 and U+2029 are valid inside JSON
 * strings but some line readers (Python's splitlines) break lines at them, so they are escaped
 * too: a title holding one still reads as one row everywhere.
 */
export function* ndjsonChunks(rows: Iterable<object>): Generator<string> {
	for (const row of rows)
		yield `${JSON.stringify(row)
			.replace(/\u2028/g, '\\u2028')
			.replace(/\u2029/g, '\\u2029')}\n`;
}
