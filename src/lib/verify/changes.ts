import type { Change } from '../../schemas/history.ts';
import type { Snapshot, SpecCapture } from '../../schemas/snapshot.ts';

function parameterNames(spec: SpecCapture | null): Set<string> {
	return new Set((spec?.parameters ?? []).map((p) => `${p.in}:${p.name}`));
}

function fieldNames(spec: SpecCapture | null): Set<string> {
	return new Set((spec?.fields ?? []).map((f) => f.name));
}

function difference(a: Set<string>, b: Set<string>): string[] {
	return [...a].filter((x) => !b.has(x)).sort();
}

/** A conformance change in the register's words, for every page and feed that lists changes. */
export function contractChangeText(change: { to: boolean }): string {
	return change.to
		? 'the answer now matches its published schema'
		: 'the answer no longer matches its published schema';
}

/**
 * What changed for one record between two runs: its outcome, whether its spec validates,
 * whether its contract check's answer matches its schema, and the parameters and fields its
 * spec exposes. A first run records the outcome it starts with.
 */
export function diffSnapshots(previous: Snapshot | null, next: Snapshot): Change[] {
	const at = next.checkedAt;
	const changes: Change[] = [];
	if (previous?.outcome !== next.outcome) {
		changes.push({
			type: 'outcome',
			id: next.id,
			at,
			from: previous?.outcome ?? null,
			to: next.outcome,
		});
	}
	const [conformed, conforms] = [previous?.contract?.conforms, next.contract?.conforms];
	// Only a judgement against a judgement: a skipped or failed call says nothing of conformance.
	if (typeof conformed === 'boolean' && typeof conforms === 'boolean' && conformed !== conforms) {
		changes.push({ type: 'contract', id: next.id, at, from: conformed, to: conforms });
	}
	const before = previous?.spec ?? null;
	const after = next.spec;
	if (after && before?.sha256 !== after.sha256 && after.fetchError === null) {
		if (before && before.valid !== after.valid) {
			changes.push({ type: 'spec-validity', id: next.id, at, from: before.valid, to: after.valid });
		}
		if (before) {
			const added = {
				parameters: difference(parameterNames(after), parameterNames(before)),
				fields: difference(fieldNames(after), fieldNames(before)),
			};
			const removed = {
				parameters: difference(parameterNames(before), parameterNames(after)),
				fields: difference(fieldNames(before), fieldNames(after)),
			};
			if (
				added.parameters.length +
					added.fields.length +
					removed.parameters.length +
					removed.fields.length >
				0
			) {
				changes.push({ type: 'schema', id: next.id, at, added, removed });
			}
		}
	}
	return changes;
}
