import { parse, YAMLParseError } from 'yaml';

/**
 * The one YAML reader for catalog files. YAML 1.2 core schema, so `2026-11-24` stays a string and
 * `NO` (Norway) stays `NO`; duplicate keys are errors; alias expansion is capped against
 * "billion laughs" documents.
 */
export function parseYaml(text: string): unknown {
	return parse(text, { schema: 'core', uniqueKeys: true, maxAliasCount: 50, prettyErrors: true });
}

/** The line (1-based) and short reason of a YAML syntax error, or undefined for other errors. */
export function yamlErrorPosition(error: unknown): { line: number; reason: string } | undefined {
	if (!(error instanceof YAMLParseError)) return undefined;
	const line = error.linePos?.[0].line ?? 1;
	const reason =
		error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? error.code;
	return { line, reason };
}
