import { z } from 'zod';

/** The value types a download column can hold. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean';

/** One column of a download, as the writers and the data dictionary need it. */
export interface ColumnDescription {
	name: string;
	type: ColumnType;
	/** ISO 8601 date-time text. */
	dateTime: boolean;
	nullable: boolean;
	/** The values an enumerated column takes, when it says. */
	values: string[];
	description: string;
}

interface JsonSchemaNode {
	type?: string | string[];
	anyOf?: JsonSchemaNode[];
	enum?: unknown[];
	const?: unknown;
	format?: string;
	description?: string;
}

/** Every alternative of a node (a union or a nullable), flattened. */
const alternatives = (node: JsonSchemaNode): JsonSchemaNode[] =>
	node.anyOf ? node.anyOf.flatMap(alternatives) : [node];

function describeColumn(name: string, node: JsonSchemaNode): ColumnDescription {
	const options = alternatives(node);
	const types = new Set(options.flatMap((o) => (Array.isArray(o.type) ? o.type : [o.type])));
	const nullable = types.delete('null');
	const [type, ...others] = [...types];
	if (
		type === undefined ||
		others.length > 0 ||
		!['string', 'integer', 'number', 'boolean'].includes(type)
	)
		throw new Error(
			`The download column ${name} must hold one scalar type, not ${[...types].join(', ')}`,
		);
	return {
		name,
		type: type as ColumnType,
		dateTime: options.some((o) => o.format === 'date-time'),
		nullable,
		values: options.flatMap((o) => [
			...(o.enum ?? []).map(String),
			...(o.const !== undefined ? [String(o.const)] : []),
		]),
		description: node.description ?? '',
	};
}

/**
 * The columns of a flat row schema, read from its JSON Schema so that zod's own view of each
 * column (nullable, integer, enum) is what the Parquet schema and the data dictionary show. Only
 * flat rows of scalars are allowed: a nested value has no CSV cell.
 */
export function describeColumns(schema: z.ZodObject): ColumnDescription[] {
	const json = z.toJSONSchema(schema, { io: 'output' }) as {
		properties: Record<string, JsonSchemaNode>;
	};
	return Object.entries(json.properties).map(([name, node]) => describeColumn(name, node));
}

const TYPE_NAMES: Record<ColumnType, string> = {
	string: 'text',
	integer: 'integer',
	number: 'number',
	boolean: 'true / false',
};

/** The type as the data dictionary states it: "text (ISO 8601 date-time), or null". */
export function columnTypeText(column: ColumnDescription): string {
	const type = column.dateTime ? 'text (ISO 8601 date-time)' : TYPE_NAMES[column.type];
	return column.nullable ? `${type}, or null` : type;
}
