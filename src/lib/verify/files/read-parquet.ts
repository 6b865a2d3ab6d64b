import {
	type AsyncBuffer,
	type FileMetaData,
	parquetMetadata,
	parquetMetadataAsync,
	parquetSchema,
	type SchemaTree,
} from 'hyparquet';
import { ColumnTypes } from './infer-types.ts';
import type { SchemaRead } from './schema-read.ts';

/** Where a Parquet file's footer can be read from: the bytes already held, or ranges of the file. */
export type ParquetSource =
	| { whole: Uint8Array }
	| {
			size: number;
			initialBytes: number;
			maxBytes: number;
			range: (start: number, end: number) => Promise<Uint8Array>;
	  };

/** A column's type as Parquet names it: the logical type where there is one (STRING, DATE…), else the physical one. */
function columnType(node: SchemaTree): string {
	const { element } = node;
	if (element.repetition_type === 'REPEATED') return 'list';
	if (node.children.length > 0)
		return element.logical_type?.type ?? element.converted_type ?? 'group';
	return String(element.logical_type?.type ?? element.converted_type ?? element.type ?? 'unknown');
}

function schemaRead(metadata: FileMetaData): SchemaRead {
	const types = new ColumnTypes();
	for (const child of parquetSchema(metadata).children)
		types.add(child.element.name, columnType(child));
	const rows = Number(metadata.num_rows);
	return {
		parser: 'hyparquet',
		columns: types.columns(),
		columnsTruncated: types.truncated,
		rows: Number.isSafeInteger(rows) && rows >= 0 ? rows : null,
		rowsComplete: true,
	};
}

/**
 * The columns of a Parquet file and its row count, from its footer (the file metadata Parquet
 * keeps at its end). From a file held whole, or through ranges: hyparquet asks for the last
 * `initialBytes`, then for the rest of the footer if it is longer — never more than `maxBytes`.
 */
export async function readParquet(source: ParquetSource): Promise<SchemaRead> {
	if ('whole' in source) {
		const { buffer, byteOffset, byteLength } = source.whole;
		return schemaRead(
			parquetMetadata(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer),
		);
	}
	const file: AsyncBuffer = {
		byteLength: source.size,
		async slice(start, end = source.size) {
			if (end - start > source.maxBytes) {
				throw new Error(`its footer is larger than ${source.maxBytes} bytes, not read`);
			}
			const bytes = await source.range(start, end);
			return bytes.buffer.slice(
				bytes.byteOffset,
				bytes.byteOffset + bytes.byteLength,
			) as ArrayBuffer;
		},
	};
	return schemaRead(await parquetMetadataAsync(file, { initialFetchSize: source.initialBytes }));
}
