import { createRequire } from 'node:module';
import { ColumnTypes, jsonValueType } from './infer-types.ts';
import { type SchemaRead, TYPED_ROWS } from './schema-read.ts';

/** @bergos/jsonparse, a streaming JSON parser: it reads a cut-off document as far as it goes. */
interface StreamingJsonParser {
	onValue: (this: StreamingJsonParser, value: unknown) => void;
	onError: (error: Error) => void;
	write(chunk: Uint8Array): void;
	stack: { key?: string | number }[];
	key: string | number | undefined;
}
const require = createRequire(import.meta.url);
const JsonParser = require('@bergos/jsonparse') as new () => StreamingJsonParser;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Items of an array: the first ones kept for their types, all counted. */
interface ArraySample {
	items: unknown[];
	count: number;
}

/** What the first bytes of a JSON document hold: its top-level fields, and the items of its arrays. */
interface JsonSample {
	topLevel: 'object' | 'array';
	/** Top-level fields whose value was read whole. */
	fields: [string, unknown][];
	/** Items of the top-level array (key null), or of each array under a top-level key. */
	arrays: Map<string | null, ArraySample>;
}

/**
 * Reads as much of a JSON document as the bytes hold, keeping top-level fields and the first
 * items of the top-level array or of arrays one level down (a GeoJSON's `features`, an API
 * dump's `data`). Throws on bytes that are not JSON.
 */
function sampleJson(bytes: Uint8Array): JsonSample {
	const opening = new TextDecoder()
		.decode(bytes.subarray(0, 64))
		.replace(/^\uFEFF/, '')
		.trimStart();
	const sample: JsonSample = {
		topLevel: opening.startsWith('[') ? 'array' : 'object',
		fields: [],
		arrays: new Map(),
	};
	const addItem = (key: string | null, value: unknown) => {
		const array = sample.arrays.get(key) ?? { items: [], count: 0 };
		if (array.items.length < TYPED_ROWS) array.items.push(value);
		array.count += 1;
		sample.arrays.set(key, array);
	};
	const parser = new JsonParser();
	let failure: Error | undefined;
	parser.onError = (error) => {
		failure ??= error;
	};
	parser.onValue = function onValue(value) {
		const depth = this.stack.length;
		const parent = this.stack[1]?.key;
		if (depth === 1 && typeof this.key === 'string') sample.fields.push([this.key, value]);
		else if (depth === 1 && typeof this.key === 'number') addItem(null, value);
		else if (depth === 2 && typeof this.key === 'number' && typeof parent === 'string')
			addItem(parent, value);
	};
	// A BOM is no JSON token; the streaming parser would stop at it.
	parser.write(
		bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes,
	);
	if (failure) throw new Error(`not JSON: ${failure.message}`);
	return sample;
}

function addRecordFields(types: ColumnTypes, record: unknown, prefix = ''): void {
	if (!isRecord(record)) {
		types.add(prefix || 'value', jsonValueType(record));
		return;
	}
	for (const [name, value] of Object.entries(record))
		types.add(`${prefix}${name}`, jsonValueType(value));
}

/** GeoJSON: the features' properties, and their geometry types as one column. */
function readFeatures(features: readonly unknown[], types: ColumnTypes): void {
	for (const feature of features) {
		if (!isRecord(feature)) continue;
		if (isRecord(feature.properties)) addRecordFields(types, feature.properties);
		const geometry = isRecord(feature.geometry) ? feature.geometry.type : null;
		types.add('geometry', typeof geometry === 'string' ? geometry : 'null');
	}
}

/**
 * The fields of a JSON or GeoJSON document's first bytes: for an array of records (at the top or
 * under a top-level key), the records' fields; for a GeoJSON FeatureCollection, the features'
 * properties; for any other object, its top-level fields.
 */
export function readJson(bytes: Uint8Array, truncated: boolean): SchemaRead {
	const sample = sampleJson(bytes);
	const types = new ColumnTypes();
	const fields = new Map(sample.fields);
	let rows: number | null = null;
	const features = sample.arrays.get('features');
	if (fields.get('type') === 'FeatureCollection' && features) {
		readFeatures(features.items, types);
		rows = features.count;
	} else if (sample.topLevel === 'array') {
		const array = sample.arrays.get(null) ?? { items: [], count: 0 };
		for (const item of array.items) addRecordFields(types, item);
		rows = array.count;
	} else {
		for (const [name, value] of sample.fields) types.add(name, jsonValueType(value));
		// The first array of records under a top-level key: an API dump's `data` or `results`.
		const listed = [...sample.arrays].find(
			([key, array]) => key !== null && array.items.some(isRecord),
		);
		if (listed) {
			const [key, array] = listed;
			if (!fields.has(String(key))) types.add(String(key), 'array');
			for (const item of array.items) addRecordFields(types, item, `${key}[].`);
			rows = array.count;
		}
	}
	return {
		parser: 'jsonparse',
		columns: types.columns(),
		columnsTruncated: types.truncated,
		rows,
		rowsComplete: !truncated && rows !== null,
		...(fields.get('type') === 'FeatureCollection' ? { kind: 'geojson' as const } : {}),
	};
}

/** Newline-delimited JSON: every whole line a record. */
export function readNdjson(bytes: Uint8Array, truncated: boolean): SchemaRead {
	let text = new TextDecoder().decode(bytes);
	if (truncated) text = text.slice(0, text.lastIndexOf('\n') + 1);
	const types = new ColumnTypes();
	let rows = 0;
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		const record = JSON.parse(line) as unknown;
		if (rows < TYPED_ROWS) addRecordFields(types, record);
		rows += 1;
	}
	return {
		parser: 'JSON.parse',
		columns: types.columns(),
		columnsTruncated: types.truncated,
		rows,
		rowsComplete: !truncated,
		encoding: 'utf-8',
	};
}
