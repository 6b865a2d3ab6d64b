import type { z } from 'zod';
import { fieldPath, type Problem, problem } from '../catalog/problem.ts';

/**
 * What JSON.parse objected to in a stored file, for a problem line. V8 names the line for most
 * errors but not for a file that stops short — the usual shape of a truncated write — so that
 * case gets the line the file ends on.
 */
function jsonErrorDetail(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/end of JSON input/.test(message)) {
		return `${message} at line ${text.trimEnd().split('\n').length}`;
	}
	return message;
}

/** The problem of a stored file that exists but cannot be read. */
export function unreadableFile(file: string, error: unknown): Problem {
	return problem(
		file,
		'file',
		`cannot be read (${(error as Error).message}) — check the file's permissions`,
	);
}

/**
 * A stored file's text (a snapshot, a night of history) read through its schema, or the problem
 * naming what is wrong with it: not JSON (with the line), or not its schema (with the first
 * issue's field). `kind` names the schema in the message, `restore` says how to recover the file.
 */
export function parseStoredJson<T>(
	file: string,
	text: string,
	schema: z.ZodType<T>,
	kind: string,
	restore: (file: string) => string,
): { value: T } | { problem: Problem } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return {
			problem: problem(
				file,
				'file',
				`is not valid JSON (${jsonErrorDetail(text, error)}) — ${restore(file)}`,
			),
		};
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return {
			problem: problem(
				file,
				issue?.path.length ? fieldPath(issue.path) : 'file',
				`does not match the ${kind} schema (${issue?.message ?? 'invalid'}) — ${restore(file)}`,
			),
		};
	}
	return { value: parsed.data };
}
