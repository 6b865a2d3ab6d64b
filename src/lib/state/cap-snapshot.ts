import {
	SNAPSHOT_LIMITS,
	type Snapshot,
	type SpecCapture,
	SpecCaptureSchema,
} from '../../schemas/snapshot.ts';
import { toJsonText } from '../fs/atomic-write.ts';

const ELLIPSIS = '…';

/**
 * `value` cut to at most `max` characters, the last one then being '…' so a reader knows. Never
 * splits a surrogate pair, which would leave half a character in the JSON.
 */
export function clipText(value: string, max: number): string {
	if (value.length <= max) return value;
	let kept = value.slice(0, max - 1);
	const last = kept.charCodeAt(kept.length - 1);
	if (last >= 0xd800 && last <= 0xdbff) kept = kept.slice(0, -1);
	return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Every string of a capture within SNAPSHOT_LIMITS; lists past their caps cut and marked. */
function clipCapture(spec: SpecCapture): SpecCapture {
	const { nameChars, typeChars, descriptionChars, errorChars } = SNAPSHOT_LIMITS;
	const parameters = spec.parameters.slice(0, SNAPSHOT_LIMITS.parameters).map((p) => ({
		...p,
		name: clipText(p.name, nameChars),
		in: clipText(p.in, typeChars),
		type: clipText(p.type, typeChars),
		description: clipText(p.description, descriptionChars),
		operation: clipText(p.operation, nameChars),
	}));
	const fields = spec.fields.slice(0, SNAPSHOT_LIMITS.fields).map((f) => ({
		...f,
		name: clipText(f.name, nameChars),
		type: clipText(f.type, typeChars),
		description: clipText(f.description, descriptionChars),
		operation: clipText(f.operation, nameChars),
	}));
	const names = spec.names && {
		parameters: spec.names.parameters
			.slice(0, SNAPSHOT_LIMITS.nameListParameters)
			.map((n) => clipText(n, nameChars + typeChars)),
		fields: spec.names.fields
			.slice(0, SNAPSHOT_LIMITS.nameListFields)
			.map((n) => clipText(n, nameChars)),
	};
	const unresolved = spec.unresolved
		?.slice(0, SNAPSHOT_LIMITS.unresolved)
		.map((r) => clipText(r, errorChars));
	const cut =
		parameters.length < spec.parameters.length ||
		fields.length < spec.fields.length ||
		spec.errors.length > SNAPSHOT_LIMITS.errors ||
		(names !== undefined &&
			spec.names !== undefined &&
			names.parameters.length + names.fields.length <
				spec.names.parameters.length + spec.names.fields.length);
	return {
		...spec,
		format: clipText(spec.format, typeChars),
		version: spec.version === null ? null : clipText(spec.version, typeChars),
		title: clipText(spec.title, nameChars),
		errors: spec.errors.slice(0, SNAPSHOT_LIMITS.errors).map((e) => clipText(e, errorChars)),
		parameters,
		fields,
		truncated: spec.truncated || cut,
		...(names ? { names } : {}),
		...(unresolved ? { unresolved } : {}),
		fetchError: spec.fetchError === null ? null : clipText(spec.fetchError, errorChars),
	};
}

function byteLength(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/**
 * The capture with only the first `keep` list items, taken in order errors, parameters, fields,
 * then the complete name lists (whose first names are those of the detailed lists anyway).
 */
function keepFirst(spec: SpecCapture, keep: number): SpecCapture {
	const errors = spec.errors.slice(0, keep);
	let left = keep - errors.length;
	const parameters = spec.parameters.slice(0, Math.max(0, left));
	left -= parameters.length;
	const fields = spec.fields.slice(0, Math.max(0, left));
	left -= fields.length;
	const names = spec.names && {
		parameters: spec.names.parameters.slice(0, Math.max(0, left)),
		fields: spec.names.fields.slice(0, Math.max(0, left - spec.names.parameters.length)),
	};
	const namesDropped =
		spec.names && names
			? spec.names.parameters.length +
				spec.names.fields.length -
				names.parameters.length -
				names.fields.length +
				(spec.dropped?.names ?? 0)
			: 0;
	// Parsed again so that `dropped` takes its place in the schema's key order.
	return SpecCaptureSchema.parse({
		...spec,
		errors,
		parameters,
		fields,
		...(names ? { names } : {}),
		truncated: true,
		dropped: {
			errors: spec.errors.length - errors.length + (spec.dropped?.errors ?? 0),
			parameters: spec.parameters.length - parameters.length + (spec.dropped?.parameters ?? 0),
			fields: spec.fields.length - fields.length + (spec.dropped?.fields ?? 0),
			...(namesDropped > 0 ? { names: namesDropped } : {}),
		},
	});
}

/** A snapshot as it is stored, within SNAPSHOT_LIMITS, and its JSON text. */
export interface FittedSnapshot {
	snapshot: Snapshot;
	text: string;
}

/**
 * A snapshot (already parsed through SnapshotSchema, so keys are in schema order) within
 * SNAPSHOT_LIMITS, with its JSON text: strings clipped, and when the text is still over
 * `maxBytes`, spec list items dropped from the end — the complete name lists first, then
 * fields, then parameters, then errors — until it fits, the largest number kept being found by bisection. Throws only when a
 * snapshot without any list item is still too large, which no verifier path can produce.
 */
export function fitSnapshot(
	snapshot: Snapshot,
	maxBytes = SNAPSHOT_LIMITS.maxBytes,
): FittedSnapshot {
	const fitted = (s: SpecCapture | null): FittedSnapshot => {
		const capped = { ...snapshot, spec: s };
		return { snapshot: capped, text: toJsonText(capped) };
	};
	const spec = snapshot.spec === null ? null : clipCapture(snapshot.spec);
	const whole = fitted(spec);
	if (byteLength(whole.text) <= maxBytes) return whole;
	if (spec !== null) {
		const total =
			spec.errors.length +
			spec.parameters.length +
			spec.fields.length +
			(spec.names ? spec.names.parameters.length + spec.names.fields.length : 0);
		let low = 0;
		let high = total - 1;
		let best: FittedSnapshot | undefined;
		while (low <= high) {
			const middle = Math.floor((low + high) / 2);
			const candidate = fitted(keepFirst(spec, middle));
			if (byteLength(candidate.text) <= maxBytes) {
				best = candidate;
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}
		if (best !== undefined) return best;
	}
	throw new Error(
		`the snapshot of ${snapshot.id} is larger than ${maxBytes} bytes even without its spec lists`,
	);
}
