import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { friendlyErrorMap, issuesToProblems } from './friendly-errors.ts';
import type { Problem } from './problem.ts';
import { parseYaml, yamlFileProblem } from './yaml.ts';

/**
 * Reads one YAML data file (a publisher, a source) through its schema: the parsed value, or the
 * problems that say what is wrong with it — a file that cannot be read, a YAML syntax error, or
 * each bad field (with the closest known key for a misspelt one).
 */
export async function readYamlFile<T>(
	file: string,
	schema: z.ZodType<T>,
	known: (path: readonly PropertyKey[]) => readonly string[],
): Promise<{ data: T } | { problems: Problem[] }> {
	let data: unknown;
	try {
		data = parseYaml(await readFile(file, 'utf8'));
	} catch (error) {
		return { problems: [yamlFileProblem(file, error)] };
	}
	const result = schema.safeParse(data, { error: friendlyErrorMap, reportInput: true });
	return result.success
		? { data: result.data }
		: { problems: issuesToProblems(file, result.error.issues, known) };
}
