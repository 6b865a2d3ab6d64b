import { isAbsolute, relative } from 'node:path';

export type Severity = 'error' | 'warning';

/** One thing wrong with a catalog file: where, what, and how to fix it. */
export interface Problem {
	/** Path of the file, absolute or relative to the working directory. */
	file: string;
	/** Dotted path of the field, e.g. `spec.url` or `distributions[0].url`; `frontmatter` or `file` when it is the file itself. */
	field: string;
	/** What is wrong, quoting the bad value where that helps. */
	message: string;
	/** How to fix it. */
	fix: string;
	severity: Severity;
}

/** `<file>: <field>: <what is wrong> — <how to fix>`; warnings say so after the field. */
export function formatProblem(problem: Problem, cwd = process.cwd()): string {
	const file = displayPath(problem.file, cwd);
	const level = problem.severity === 'warning' ? 'warning: ' : '';
	return `${file}: ${problem.field}: ${level}${problem.message} — ${problem.fix}`;
}

/** A path relative to `cwd` when the file lies below it, else as given. */
export function displayPath(file: string, cwd = process.cwd()): string {
	if (!isAbsolute(file)) return file;
	const rel = relative(cwd, file);
	return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** Field paths as people read them: `sources[0].url`. */
export function fieldPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out || 'frontmatter';
}

/** Splits a `what — fix` message into its halves. */
export function splitMessage(text: string, fallbackFix: string): { message: string; fix: string } {
	const at = text.indexOf(' — ');
	if (at === -1) return { message: text, fix: fallbackFix };
	return { message: text.slice(0, at), fix: text.slice(at + 3) };
}

export function problem(
	file: string,
	field: string,
	text: string,
	severity: Severity = 'error',
	fallbackFix = 'see CONTRIBUTING.md',
): Problem {
	return { file, field, severity, ...splitMessage(text, fallbackFix) };
}

export function hasErrors(problems: readonly Problem[]): boolean {
	return problems.some((p) => p.severity === 'error');
}
