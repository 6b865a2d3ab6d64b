import type { SchemaDialect } from './plan-contract.ts';

/**
 * Schema nodes one response schema may expand to. A dereferenced spec shares one object for
 * every use of a component, so a tree walk can grow far past the document's size; this stops it.
 */
const MAX_NODES = 20_000;

/** Keys that would make the validator look elsewhere, or reject the schema, once it stands alone. */
const DROPPED_KEYS = new Set(['$id', 'id', '$schema', '$anchor', '$dynamicAnchor', '$comment']);

type Node = Record<string, unknown>;

class TooLarge extends Error {}

/**
 * A dereferenced response schema as standalone JSON Schema text for the validator: a reference
 * back into itself (a recursive schema) becomes `{}` — anything is accepted there — and a
 * `$ref` left unresolved likewise. OpenAPI 3.0's `nullable: true` (and Swagger's
 * `x-nullable`), which JSON Schema lacks, becomes "this, or null". Undefined when the text would
 * be larger than `maxBytes`.
 */
export function serializeResponseSchema(
	schema: unknown,
	dialect: SchemaDialect,
	maxBytes: number,
): string | undefined {
	let nodes = 0;
	const onPath = new Set<object>();
	const walk = (value: unknown, key: string | undefined): unknown => {
		if (value === null || typeof value !== 'object') return value;
		nodes += 1;
		if (nodes > MAX_NODES) throw new TooLarge();
		if (onPath.has(value)) return {};
		onPath.add(value);
		try {
			if (Array.isArray(value)) return value.map((item) => walk(item, undefined));
			const node = value as Node;
			// Inside `properties`, `enum`, `example`… keys are data, not keywords.
			const isData =
				key === 'properties' ||
				key === 'patternProperties' ||
				key === '$defs' ||
				key === 'definitions';
			if (!isData && typeof node.$ref === 'string') return {};
			const out: Node = {};
			for (const [k, v] of Object.entries(node)) {
				if (!isData && (DROPPED_KEYS.has(k) || k === 'nullable' || k === 'x-nullable')) continue;
				if (
					!isData &&
					(k === 'example' || k === 'examples' || k === 'enum' || k === 'default' || k === 'const')
				) {
					out[k] = copyData(v);
					continue;
				}
				out[k] = walk(v, isData ? undefined : k);
			}
			if (dialect === 'openapi-3.1' || isData) return out;
			const nullable = node.nullable === true || node['x-nullable'] === true;
			return nullable ? { anyOf: [out, { type: 'null' }] } : out;
		} finally {
			onPath.delete(value);
		}
	};
	// Values (examples, enums, defaults) are copied as they are, but cycle-safe too: a `$ref` in
	// an example is dereferenced like any other.
	const copyData = (value: unknown): unknown => {
		if (value === null || typeof value !== 'object') return value;
		nodes += 1;
		if (nodes > MAX_NODES) throw new TooLarge();
		if (onPath.has(value)) return null;
		onPath.add(value);
		try {
			return Array.isArray(value)
				? value.map(copyData)
				: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyData(v)]));
		} finally {
			onPath.delete(value);
		}
	};
	try {
		const text = JSON.stringify(walk(schema, undefined));
		return text.length > maxBytes ? undefined : text;
	} catch (error) {
		if (error instanceof TooLarge) return undefined;
		throw error;
	}
}
