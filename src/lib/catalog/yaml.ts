import yaml from 'js-yaml';
import { MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';

/**
 * The one YAML reader for catalog files (entries' frontmatter and publishers): js-yaml 4 with
 * its YAML 1.2 core schema, so `2026-11-24` stays a string, `NO` (Norway) stays `NO`, no custom
 * tags or code can be constructed, and duplicate keys are errors. Aliases are shared references,
 * never copies, so an alias "bomb" stays small; nothing walks entries beyond their schema.
 */
export function parseYaml(text: string): unknown {
	return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}

/** The line (1-based) and short reason of a YAML syntax error, or undefined for other errors. */
export function yamlErrorPosition(error: unknown): { line: number; reason: string } | undefined {
	if (!(error instanceof yaml.YAMLException)) return undefined;
	const reason =
		error.reason === 'duplicated mapping key' ? 'a field is written twice' : error.reason;
	return { line: (error.mark?.line ?? 0) + 1, reason };
}

/** The problem of a YAML data file (a publisher, a source) that could not be read or parsed. */
export function yamlFileProblem(file: string, error: unknown): Problem {
	const position = yamlErrorPosition(error);
	return problem(
		file,
		'file',
		position
			? `YAML syntax error on line ${position.line}: ${position.reason} — fix the YAML there`
			: MESSAGES.unreadable((error as Error).message),
	);
}
