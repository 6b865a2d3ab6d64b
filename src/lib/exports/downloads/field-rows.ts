import type { DownloadField } from '../../../schemas/download-field.ts';
import type { Snapshot, SpecCapture } from '../../../schemas/snapshot.ts';
import type { RegisterRecord } from '../../register/assemble-register.ts';

/** `in:name` → parameter location and name; the name may itself hold a colon. */
function splitParameter(key: string): { location: string; name: string } {
	const colon = key.indexOf(':');
	return colon < 0
		? { location: '', name: key }
		: { location: key.slice(0, colon), name: key.slice(colon + 1) };
}

/** The first type the detailed list gives each name (one name may recur across operations). */
function firstTypes<T>(items: readonly T[], key: (item: T) => string, type: (item: T) => string) {
	const types = new Map<string, string>();
	for (const item of items) if (!types.has(key(item))) types.set(key(item), type(item));
	return types;
}

/**
 * The complete name lists of a capture, `spec.names` when the capture has them; older captures
 * only hold the detailed lists, whose names then serve (deduplicated as `spec.names` is).
 */
function specNames(spec: SpecCapture): { parameters: string[]; fields: string[] } {
	return (
		spec.names ?? {
			parameters: [...new Set(spec.parameters.map((p) => `${p.in}:${p.name}`))],
			fields: [...new Set(spec.fields.map((f) => f.name))],
		}
	);
}

/** A spec that was read; one that never was holds no names, and counts as none. */
const readSpec = (snapshot: Snapshot | null) =>
	snapshot?.spec && snapshot.spec.version !== null ? snapshot.spec : null;

/** Every parameter, result field and file column the last check captured, one row each. */
export function* fieldRows(record: RegisterRecord): Generator<DownloadField> {
	const spec = readSpec(record.snapshot);
	if (spec) {
		const names = specNames(spec);
		const parameterTypes = firstTypes(
			spec.parameters,
			(p) => `${p.in}:${p.name}`,
			(p) => p.type,
		);
		const fieldTypes = firstTypes(
			spec.fields,
			(f) => f.name,
			(f) => f.type,
		);
		for (const key of names.parameters) {
			const { location, name } = splitParameter(key);
			yield {
				record_id: record.id,
				kind: 'parameter',
				location: location || null,
				name,
				type: parameterTypes.get(key) || null,
			};
		}
		for (const name of names.fields)
			yield {
				record_id: record.id,
				kind: 'field',
				location: null,
				name,
				type: fieldTypes.get(name) || null,
			};
	}
	for (const file of record.snapshot?.files ?? [])
		for (const column of file.columns)
			yield {
				record_id: record.id,
				kind: 'column',
				location: file.url,
				name: column.name,
				type: column.type || null,
			};
}

/**
 * How many parameters and fields (or columns) a record has in fields.csv: the counts of
 * register.csv, so the two files agree. Null when nothing was captured to count.
 */
export function capturedCounts(snapshot: Snapshot | null): {
	parameters: number | null;
	fields: number | null;
} {
	const spec = readSpec(snapshot);
	const names = spec ? specNames(spec) : null;
	const files = snapshot?.files ?? [];
	const columns = files.reduce((sum, file) => sum + file.columns.length, 0);
	return {
		parameters: names ? names.parameters.length : null,
		fields: names || files.length > 0 ? (names?.fields.length ?? 0) + columns : null,
	};
}
