import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { ColumnDescription, ColumnType } from './column-types.ts';

/** Rows per row group: each group is built, encoded and handed on before the next is read. */
export const PARQUET_ROW_GROUP = 10_000;

const PHYSICAL: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
	string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
	integer: { type: 'INT32' },
	number: { type: 'DOUBLE' },
	boolean: { type: 'BOOLEAN' },
};

/** The file's schema, from the row schema's columns: nullable columns are OPTIONAL. */
function parquetSchema(columns: readonly ColumnDescription[]): SchemaElement[] {
	return [
		{ name: 'root', num_children: columns.length },
		...columns.map(
			(c): SchemaElement => ({
				name: c.name,
				...PHYSICAL[c.type],
				repetition_type: c.nullable ? 'OPTIONAL' : 'REQUIRED',
			}),
		),
	];
}

/** The bytes written since the last call, copied out; the writer's buffer is then reused. */
function takeBytes(writer: ByteWriter): Uint8Array {
	const bytes = writer.getBytes().slice();
	writer.index = 0;
	return bytes;
}

/**
 * Rows as a Parquet file (Snappy-compressed), in row groups of `rowGroup` rows: memory holds one
 * group of rows, its columns and its encoded bytes, whatever the number of rows. The writer's
 * `offset` keeps counting the whole file, so the footer's offsets stay right while each group's
 * bytes are handed on and dropped.
 */
export function* parquetChunks<Row extends object>(
	rows: Iterable<Row>,
	columns: readonly ColumnDescription[],
	rowGroup = PARQUET_ROW_GROUP,
): Generator<Uint8Array> {
	const writer = new ByteWriter();
	const parquet = new ParquetWriter({ writer, schema: parquetSchema(columns), createdBy: 'c0mm0' });
	const writeGroup = (group: Row[]) => {
		const cells = group as unknown as Record<string, unknown>[];
		parquet.write({
			columnData: columns.map((c) => ({ name: c.name, data: cells.map((row) => row[c.name]) })),
			rowGroupSize: group.length,
		});
	};
	let group: Row[] = [];
	for (const row of rows) {
		group.push(row);
		if (group.length === rowGroup) {
			writeGroup(group);
			group = [];
			yield takeBytes(writer);
		}
	}
	if (group.length > 0) writeGroup(group);
	parquet.finish();
	yield takeBytes(writer);
}
