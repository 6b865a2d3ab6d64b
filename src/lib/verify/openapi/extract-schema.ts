import {
	SNAPSHOT_LIMITS,
	type SpecField,
	type SpecNames,
	type SpecParameter,
} from '../../../schemas/snapshot.ts';
import { clipText } from '../../state/cap-snapshot.ts';

/**
 * Pulls the parameters and response fields out of an OpenAPI / Swagger document.
 *
 * Pure: no I/O. The input is a document that @apidevtools/swagger-parser has ALREADY dereferenced
 * with `dereference: { circular: true }`, so `$ref`s are replaced by the objects they point to and
 * reference cycles are real object cycles. Every walk below is guarded against those cycles and
 * bounded by the caps of SNAPSHOT_LIMITS — list lengths, depth, and the length of every string
 * kept — and nothing throws on odd input: what is not understood is skipped.
 */

/**
 * A parameter is deduplicated by (name, in) across all operations; a field is one property of a
 * 2xx response body (dotted path such as 'data.siret' or 'results[].name'), deduplicated by name.
 * Their shapes are the snapshot's, defined once in src/schemas/snapshot.ts.
 */
export type { SpecField, SpecParameter };

export interface ExtractedSchema {
	/** '2.0', '3.0.1', '3.1.0' … from `swagger` / `openapi`; '' if absent. */
	version: string;
	/** info.title or ''. */
	title: string;
	/** Number of operations (path × HTTP method). */
	operations: number;
	parameters: SpecParameter[];
	fields: SpecField[];
	/** Every parameter (`in:name`) and field name, within SNAPSHOT_LIMITS.nameList*. */
	names: SpecNames;
	/** True when a list cap left something out, or a field name grew too long to follow. */
	truncated: boolean;
}

const { nameChars, typeChars, descriptionChars } = SNAPSHOT_LIMITS;
/** Bound on nested array / oneOf / allOf levels when naming a single type. */
const MAX_TYPE_DEPTH = 8;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Output order of parameter locations; path and query share the first rank. */
const LOCATION_RANK: Readonly<Record<string, number>> = {
	path: 0,
	query: 0,
	header: 1,
	cookie: 2,
	body: 3,
	formData: 4,
};

type Json = Record<string, unknown>;
type Schema = Json;

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** Trims, collapses whitespace and cuts to descriptionChars characters (the last one being '…'). */
function cleanDescription(value: unknown): string {
	return clipText(text(value).replace(/\s+/g, ' ').trim(), descriptionChars);
}

function members(schema: Schema, key: 'allOf' | 'oneOf' | 'anyOf'): Schema[] {
	const list = schema[key];
	return Array.isArray(list) ? list.filter(isRecord) : [];
}

interface TypeOptions {
	/** For a 3.1 type array, keep only the first non-null type instead of joining them. */
	firstOfTypeArray: boolean;
}

/**
 * The type of a schema as a short string: 'string', 'array<integer>', 'string | integer', 'object'.
 * `format` is ignored; 'unknown' when nothing says what it is. At most typeChars characters at
 * every level, so a spec's type names cannot grow the string however they nest.
 */
function schemaType(schema: unknown, options: TypeOptions, stack: Set<Schema> = new Set()): string {
	return clipText(describeType(schema, options, stack), typeChars);
}

function describeType(schema: unknown, options: TypeOptions, stack: Set<Schema>): string {
	if (!isRecord(schema) || stack.has(schema) || stack.size >= MAX_TYPE_DEPTH) return 'unknown';
	stack.add(schema);
	try {
		const declared = schema.type;
		if (typeof declared === 'string') return namedType(declared, schema, options, stack);
		if (Array.isArray(declared)) {
			const names = declared.filter(
				(t): t is string => typeof t === 'string' && t !== 'null' && t !== '',
			);
			if (names.length === 0) return declared.includes('null') ? 'null' : 'unknown';
			const chosen = options.firstOfTypeArray ? names.slice(0, 1) : names;
			return joinTypes(chosen.map((t) => () => namedType(t, schema, options, stack))) || 'unknown';
		}
		for (const key of ['oneOf', 'anyOf'] as const) {
			const type = joinTypes(members(schema, key).map((m) => () => schemaType(m, options, stack)));
			if (type !== '') return type;
		}
		if (isRecord(schema.properties) || isRecord(schema.additionalProperties)) return 'object';
		const parts = members(schema, 'allOf');
		if (parts.length > 0) {
			if (collectProperties(schema, new Set()).length > 0) return 'object';
			for (const part of parts) {
				const type = schemaType(part, options, stack);
				if (type !== 'unknown') return type;
			}
		}
		if (isRecord(schema.items)) return `array<${schemaType(schema.items, options, stack)}>`;
		if (Array.isArray(schema.enum)) return 'string';
		return 'unknown';
	} finally {
		stack.delete(schema);
	}
}

function namedType(name: string, schema: Schema, options: TypeOptions, stack: Set<Schema>): string {
	if (name !== 'array') return clipText(name, typeChars);
	return isRecord(schema.items) ? `array<${schemaType(schema.items, options, stack)}>` : 'array';
}

/**
 * The distinct known types of a union, joined with ' | '; '' when none is known. Members are
 * typed lazily and no more once the text is past the cap: a union of thousands of members costs
 * no more than one that fills typeChars.
 */
function joinTypes(types: readonly (() => string)[]): string {
	const seen = new Set<string>();
	let length = 0;
	for (const typeOf of types) {
		if (length > typeChars) break;
		const type = typeOf();
		if (type === 'unknown' || type === 'null' || seen.has(type)) continue;
		seen.add(type);
		length += type.length + 3;
	}
	return [...seen].join(' | ');
}

const FIELD_TYPES: TypeOptions = { firstOfTypeArray: false };
const PARAMETER_TYPES: TypeOptions = { firstOfTypeArray: true };

/**
 * The properties of an object schema, merged across allOf (all members), oneOf / anyOf and the
 * subtypes of a discriminator mapping (the union of the members). The first schema that names a property wins. `seen` guards against
 * cyclic compositions.
 */
function collectProperties(schema: Schema, seen: Set<Schema>): [string, Schema][] {
	const found = new Map<string, Schema>();
	const visit = (current: Schema): void => {
		if (seen.has(current)) return;
		seen.add(current);
		if (isRecord(current.properties)) {
			for (const [name, value] of Object.entries(current.properties)) {
				if (isRecord(value) && !found.has(name)) found.set(name, value);
			}
		}
		for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
			for (const member of members(current, key)) visit(member);
		}
		// Subtypes named by a discriminator's mapping (put in place by dereference-spec.ts).
		const mapping = isRecord(current.discriminator) ? current.discriminator.mapping : undefined;
		if (isRecord(mapping)) {
			for (const subtype of Object.values(mapping)) if (isRecord(subtype)) visit(subtype);
		}
	};
	visit(schema);
	return [...found];
}

/** True when the schema is an array (declared, or by having `items` and no properties). */
function isArraySchema(schema: Schema): boolean {
	const declared = schema.type;
	if (declared === 'array') return true;
	if (Array.isArray(declared) && declared.includes('array')) return true;
	return declared === undefined && isRecord(schema.items) && !isRecord(schema.properties);
}

/** The first description on the schema itself or, failing that, on one of its allOf members. */
function descriptionOf(schema: Schema): string {
	if (typeof schema.description === 'string') return cleanDescription(schema.description);
	for (const member of members(schema, 'allOf')) {
		if (typeof member.description === 'string') return cleanDescription(member.description);
	}
	return '';
}

/** Schemas on the path from a response body's root to the value being walked. */
interface Ancestors {
	schema: Schema;
	parent: Ancestors | null;
}

function within(ancestors: Ancestors | null, schema: Schema): boolean {
	for (let a = ancestors; a !== null; a = a.parent) if (a.schema === schema) return true;
	return false;
}

/** A value still to walk: its schema, its name ('' for a body's root) and property depth. */
interface Pending {
	schema: Schema;
	prefix: string;
	depth: number;
	ancestors: Ancestors | null;
	operation: string;
}

/** Values queued at most, whatever the spec: the caps fill long before on any real one. */
const MAX_PENDING = 200_000;

/**
 * Accumulates the fields of every operation breadth first: the top-level fields of every
 * response body of every operation, then the fields one level down in all of them, and so on —
 * so that a few deeply nested early operations can no longer fill the cap before later
 * operations are read. The first operation that names a field is the one kept with it.
 * `fields` holds the first SNAPSHOT_LIMITS.fields with their types; `names` every name, up to
 * SNAPSHOT_LIMITS.nameListFields.
 */
class FieldCollector {
	readonly fields = new Map<string, SpecField>();
	readonly names = new Set<string>();
	/** A name arrived once the detailed list was full (it may still be in `names`). */
	overflow = false;
	/** A name arrived once `names` was full: nothing more could be kept. */
	namesOverflow = false;
	/** Some object lay deeper than SNAPSHOT_LIMITS.fieldDepth and its properties were left out. */
	tooDeep = false;
	/** Some name grew past nameChars: it was kept clipped, and nothing below it was walked. */
	tooLong = false;
	readonly #queue: Pending[] = [];
	/** (name, schema) pairs already queued: the same schema under the same name is walked once. */
	readonly #queued = new Map<string, Set<Schema>>();

	/** Queues the body schema of one operation's response. */
	add(schema: Schema, operation: string): void {
		this.#enqueue({ schema, prefix: '', depth: 0, ancestors: null, operation });
	}

	#full(): boolean {
		return this.fields.size >= SNAPSHOT_LIMITS.fields && this.namesOverflow;
	}

	#enqueue(item: Pending): void {
		if (this.#queue.length >= MAX_PENDING) return;
		let schemas = this.#queued.get(item.prefix);
		if (schemas === undefined) {
			schemas = new Set();
			this.#queued.set(item.prefix, schemas);
		}
		if (schemas.has(item.schema)) return;
		schemas.add(item.schema);
		this.#queue.push(item);
	}

	/** Walks everything queued, level by level, within the caps. */
	collect(): void {
		// The queue is first in, first out, and each item queues only the level below its own.
		for (let next = 0; next < this.#queue.length && !this.#full(); next++) {
			this.#walkValue(this.#queue[next] as Pending);
		}
	}

	/** Unwraps arrays into `prefix[]`, then takes the object's properties. */
	#walkValue(item: Pending): void {
		let current = item.schema;
		let name = item.prefix;
		let ancestors = item.ancestors;
		while (isArraySchema(current) && isRecord(current.items) && !within(ancestors, current)) {
			ancestors = { schema: current, parent: ancestors };
			current = current.items;
			// A top-level array of objects gives plain names ('id', not '[].id').
			if (name !== '') name = `${name}[]`;
			if (name.length > nameChars) {
				this.tooLong = true;
				return;
			}
		}
		if (within(ancestors, current)) return;
		const properties = collectProperties(current, new Set());
		if (properties.length === 0) return;
		if (item.depth >= SNAPSHOT_LIMITS.fieldDepth) {
			this.tooDeep = true;
			return;
		}
		const below = { schema: current, parent: ancestors };
		for (const [key, child] of properties) {
			const fullName = name === '' ? key : `${name}.${key}`;
			// A name past the cap is kept clipped but not followed: each level below would only
			// repeat its long prefix, which is how a 1.2 MB spec once made a 112 MB snapshot.
			const tooLong = fullName.length > nameChars;
			const kept = tooLong ? clipText(fullName, nameChars) : fullName;
			if (tooLong) this.tooLong = true;
			this.#keep(kept, child, item.operation);
			if (!tooLong) {
				this.#enqueue({
					schema: child,
					prefix: kept,
					depth: item.depth + 1,
					ancestors: below,
					operation: item.operation,
				});
			}
		}
	}

	#keep(name: string, schema: Schema, operation: string): void {
		if (this.names.has(name)) return;
		if (this.names.size < SNAPSHOT_LIMITS.nameListFields) this.names.add(name);
		else this.namesOverflow = true;
		if (this.fields.has(name)) return;
		if (this.fields.size >= SNAPSHOT_LIMITS.fields) {
			this.overflow = true;
			return;
		}
		this.fields.set(name, {
			name,
			type: schemaType(schema, FIELD_TYPES),
			description: descriptionOf(schema),
			operation,
		});
	}
}

/** 2xx response codes in numeric order, wildcard '2XX' after the exact codes. */
function successCodes(responses: Json): string[] {
	return Object.keys(responses)
		.filter((code) => /^2(?:\d\d|xx)$/i.test(code))
		.sort((a, b) => codeRank(a) - codeRank(b));
}

function codeRank(code: string): number {
	const exact = Number(code);
	return Number.isInteger(exact) ? exact : 300;
}

/**
 * The body schemas of a response or request body: OpenAPI 3 `content` (JSON media types first,
 * then the others: an API that answers JSON and XML describes the same fields twice, and one that
 * answers only `application/hal+json` or `text/csv` still has fields) or Swagger 2 `schema`.
 */
function bodySchemas(response: Json): Schema[] {
	if (isRecord(response.content)) return mediaSchemas(response.content);
	return isRecord(response.schema) ? [response.schema] : [];
}

function mediaSchemas(content: Json): Schema[] {
	const types = Object.keys(content);
	const json = (t: string) => t.toLowerCase().includes('json');
	const ordered = [
		...types.filter((t) => t.toLowerCase() === 'application/json'),
		...types.filter((t) => json(t) && t.toLowerCase() !== 'application/json'),
		...types.filter((t) => !json(t)),
	];
	const schemas: Schema[] = [];
	for (const type of ordered) {
		const media = content[type];
		if (isRecord(media) && isRecord(media.schema) && !schemas.includes(media.schema)) {
			schemas.push(media.schema);
		}
	}
	return schemas;
}

/** From an OpenAPI 3 content map: the first schema in the order of mediaSchemas. */
function mediaSchema(content: Json): Schema | undefined {
	return mediaSchemas(content)[0];
}

interface SeenParameter {
	parameter: SpecParameter;
	order: number;
}

/** (in, name) with the name as it is kept: names alike up to the cap count as one parameter. */
function parameterKey(parameter: Json): string | undefined {
	const { name, in: location } = parameter;
	if (typeof name !== 'string' || name === '' || typeof location !== 'string') return undefined;
	if (!Object.hasOwn(LOCATION_RANK, location)) return undefined;
	return `${location}\u0000${clipText(name, nameChars)}`;
}

/** Path-level parameters overridden by operation-level ones with the same (name, in). */
function effectiveParameters(pathLevel: unknown, operationLevel: unknown): Map<string, Json> {
	const merged = new Map<string, Json>();
	for (const list of [pathLevel, operationLevel]) {
		if (!Array.isArray(list)) continue;
		for (const parameter of list) {
			if (!isRecord(parameter)) continue;
			const key = parameterKey(parameter);
			if (key !== undefined) merged.set(key, parameter);
		}
	}
	return merged;
}

function toSpecParameter(parameter: Json, operation: string): SpecParameter {
	const location = String(parameter.in);
	const schema = parameterSchema(parameter);
	return {
		name: clipText(String(parameter.name), nameChars),
		in: location,
		type: schemaType(schema, PARAMETER_TYPES),
		description: cleanDescription(parameter.description ?? schema?.description),
		required: parameter.required === true || location === 'path',
		operation,
		operations: 0,
	};
}

/**
 * Where the type of a parameter lives: `schema` (OpenAPI 3, Swagger 2 body), the schema of its
 * first `content` media type (OpenAPI 3), or the parameter itself (Swagger 2 `type` / `items`).
 */
function parameterSchema(parameter: Json): Schema | undefined {
	if (isRecord(parameter.schema)) return parameter.schema;
	if (isRecord(parameter.content)) return mediaSchema(parameter.content);
	return parameter;
}

function versionOf(document: Json): string {
	for (const key of ['openapi', 'swagger'] as const) {
		const value = document[key];
		if (typeof value === 'string') return value;
		// An unquoted `swagger: 2.0` in YAML loads as the number 2.
		if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(1) : `${value}`;
	}
	return '';
}

/**
 * The operations of a document, in order: those under `paths`, then those under `webhooks`
 * (OpenAPI 3.1), whose request body is what the API sends — for a webhooks-only spec, its data.
 */
function* operationsOf(document: Json): Generator<{
	item: Json;
	operation: Json;
	label: string;
	bodies: Schema[];
}> {
	const groups: [Json, boolean][] = [];
	if (isRecord(document.paths)) groups.push([document.paths, false]);
	if (isRecord(document.webhooks)) groups.push([document.webhooks, true]);
	for (const [group, webhook] of groups) {
		for (const [path, item] of Object.entries(group)) {
			if (!isRecord(item) || path.startsWith('x-')) continue;
			for (const method of METHODS) {
				const operation = item[method];
				if (!isRecord(operation)) continue;
				const label = clipText(
					text(operation.operationId).trim() ||
						(webhook ? `webhook ${path}` : `${method.toUpperCase()} ${path}`),
					nameChars,
				);
				const bodies: Schema[] = [];
				if (webhook && isRecord(operation.requestBody)) {
					bodies.push(...bodySchemas(operation.requestBody));
				}
				if (isRecord(operation.responses)) {
					for (const code of successCodes(operation.responses)) {
						const response = operation.responses[code];
						if (isRecord(response)) bodies.push(...bodySchemas(response));
					}
				}
				yield { item, operation, label, bodies };
			}
		}
	}
}

/** Extracts operations, parameters and 2xx response fields from a dereferenced OpenAPI document. */
export function extractSchema(document: unknown): ExtractedSchema {
	const result: ExtractedSchema = {
		version: '',
		title: '',
		operations: 0,
		parameters: [],
		fields: [],
		names: { parameters: [], fields: [] },
		truncated: false,
	};
	if (!isRecord(document)) return result;
	result.version = clipText(versionOf(document), typeChars);
	result.title = clipText(isRecord(document.info) ? text(document.info.title) : '', nameChars);

	const parameters = new Map<string, SeenParameter>();
	const fields = new FieldCollector();
	for (const { item, operation, label, bodies } of operationsOf(document)) {
		result.operations++;
		for (const [key, parameter] of effectiveParameters(item.parameters, operation.parameters)) {
			let seen = parameters.get(key);
			if (seen === undefined) {
				seen = { parameter: toSpecParameter(parameter, label), order: parameters.size };
				parameters.set(key, seen);
			}
			seen.parameter.operations++;
		}
		for (const body of bodies) fields.add(body, label);
	}
	// Every operation's bodies are queued before any is walked: top-level fields come first.
	fields.collect();

	const sorted = [...parameters.values()]
		.sort((a, b) => rank(a.parameter) - rank(b.parameter) || a.order - b.order)
		.map((seen) => seen.parameter);
	result.parameters = sorted.slice(0, SNAPSHOT_LIMITS.parameters);
	result.fields = [...fields.fields.values()];
	result.names = {
		parameters: sorted.slice(0, SNAPSHOT_LIMITS.nameListParameters).map((p) => `${p.in}:${p.name}`),
		fields: [...fields.names],
	};
	// Only the caps count: fields nested deeper than fieldDepth are left out by design.
	result.truncated =
		sorted.length > SNAPSHOT_LIMITS.parameters || fields.overflow || fields.tooLong;
	return result;
}

function rank(parameter: SpecParameter): number {
	return LOCATION_RANK[parameter.in] ?? Number.MAX_SAFE_INTEGER;
}
