import type { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';
import { closest } from './closest.ts';
import { fieldPath, type Problem, problem } from './problem.ts';

/** Describes a YAML value for an error message: strings quoted, long values cut. */
export function showValue(value: unknown): string {
	if (value === null) return 'an empty value';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

function exampleOf(issue: $ZodRawIssue): string | undefined {
	const inst = issue.inst as z.ZodType | undefined;
	const meta = inst && 'meta' in inst && typeof inst.meta === 'function' ? inst.meta() : undefined;
	const example = meta?.examples;
	if (Array.isArray(example) && example.length > 0) {
		const first = example[0];
		return Array.isArray(first) ? `[${first.join(', ')}]` : String(first);
	}
	return undefined;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	array: 'a list',
	object: 'a mapping of fields',
	number: 'a number',
	boolean: 'true or false',
};

/**
 * The per-parse error map for catalog files: turns zod's generic issues into `what — fix`
 * messages. Schemas that carry their own messages keep them (zod applies those first).
 */
export const friendlyErrorMap: z.core.$ZodErrorMap = (issue) => {
	const field = String(issue.path?.at(-1) ?? 'this field');
	switch (issue.code) {
		case 'invalid_type': {
			const wanted = TYPE_NAMES[issue.expected] ?? issue.expected;
			if (issue.input === undefined) {
				const example = exampleOf(issue);
				return example
					? `is required — add it, e.g. ${field}: ${example}`
					: `is required — add ${field} (${wanted})`;
			}
			if (issue.expected === 'array') {
				return `must be a list, got ${showValue(issue.input)} — write it as a YAML list, e.g. ${field}: [${String(issue.input)}]`;
			}
			return `must be ${wanted}, got ${showValue(issue.input)} — write ${wanted} here`;
		}
		case 'too_small':
			if (issue.origin === 'array') {
				return `must list at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'} — add one or remove the field`;
			}
			if (issue.origin === 'string') {
				return `is shorter than ${issue.minimum} characters — write it out in full`;
			}
			return undefined;
		case 'too_big':
			if (issue.origin === 'array')
				return `lists more than ${issue.maximum} items — keep the most relevant`;
			if (issue.origin === 'string')
				return `is longer than ${issue.maximum} characters — shorten it`;
			return undefined;
		case 'invalid_value':
			return `got ${showValue(issue.input)}, expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')} — use one of those values`;
		default:
			return undefined;
	}
};

/** Turns the issues of a failed parse into problems, one per bad field (one per unknown key). */
export function issuesToProblems(
	file: string,
	issues: readonly z.core.$ZodIssue[],
	known?: (path: readonly PropertyKey[]) => readonly string[],
): Problem[] {
	const problems: Problem[] = [];
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') {
			const allowed = known?.(issue.path) ?? [];
			for (const key of issue.keys) {
				const guess = closest(key, allowed);
				problems.push(
					problem(
						file,
						fieldPath([...issue.path, key]),
						guess
							? `is not a known field — did you mean ${guess}? Rename it`
							: `is not a known field — check the spelling against CONTRIBUTING.md, or remove it`,
					),
				);
			}
			continue;
		}
		problems.push(problem(file, fieldPath(issue.path), issue.message));
	}
	return problems;
}
