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
export function clipCapture(spec: SpecCapture): SpecCapture {
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
	const cut =
		parameters.length < spec.parameters.length ||
		fields.length < spec.fields.length ||
		spec.errors.length > SNAPSHOT_LIMITS.errors;
	return {
		...spec,
		format: clipText(spec.format, typeChars),
		version: spec.version === null ? null : clipText(spec.version, typeChars),
		title: clipText(spec.title, nameChars),
		errors: spec.errors.slice(0, SNAPSHOT_LIMITS.errors).map((e) => clipText(e, errorChars)),
		parameters,
		fields,
		truncated: spec.truncated || cut,
		fetchError: spec.fetchError === null ? null : clipText(spec.fetchError, errorChars),
	};
}

function byteLength(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** The capture with only the first `keep` list items, taken in order errors, parameters, fields. */
function keepFirst(spec: SpecCapture, keep: number): SpecCapture {
	const errors = spec.errors.slice(0, keep);
	const parameters = spec.parameters.slice(0, Math.max(0, keep - errors.length));
	const fields = spec.fields.slice(0, Math.max(0, keep - errors.length - parameters.length));
	// Parsed again so that `dropped` takes its place in the schema's key order.
	return SpecCaptureSchema.parse({
		...spec,
		errors,
		parameters,
		fields,
		truncated: true,
		dropped: {
			errors: spec.errors.length - errors.length + (spec.dropped?.errors ?? 0),
			parameters: spec.parameters.length - parameters.length + (spec.dropped?.parameters ?? 0),
			fields: spec.fields.length - fields.length + (spec.dropped?.fields ?? 0),
		},
	});
}

/**
 * The JSON text of a snapshot (already parsed through SnapshotSchema, so keys are in schema
 * order), within SNAPSHOT_LIMITS: strings clipped, and when the text is still over `maxBytes`,
 * spec list items dropped from the end — fields first, then parameters, then errors — until it
 * fits, the largest number kept being found by bisection. Throws only when a snapshot without
 * any list item is still too large, which no verifier path can produce.
 */
export function fitSnapshotText(snapshot: Snapshot, maxBytes = SNAPSHOT_LIMITS.maxBytes): string {
	const spec = snapshot.spec === null ? null : clipCapture(snapshot.spec);
	const text = (s: SpecCapture | null) => toJsonText({ ...snapshot, spec: s });
	const whole = text(spec);
	if (byteLength(whole) <= maxBytes) return whole;
	if (spec !== null) {
		const total = spec.errors.length + spec.parameters.length + spec.fields.length;
		let low = 0;
		let high = total - 1;
		let best: string | undefined;
		while (low <= high) {
			const middle = Math.floor((low + high) / 2);
			const candidate = text(keepFirst(spec, middle));
			if (byteLength(candidate) <= maxBytes) {
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
