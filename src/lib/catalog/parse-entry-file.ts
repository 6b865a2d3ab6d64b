import matter from 'gray-matter';
import { parseYaml, yamlErrorPosition } from './yaml.ts';

export type ParsedFile =
	| { ok: true; data: Record<string, unknown>; body: string }
	| { ok: false; field: string; text: string };

const refuse = (language: string) => () => {
	throw new Error(`${language} frontmatter is not allowed`);
};

/**
 * gray-matter runs `---js` frontmatter through eval(); an entry from a stranger's pull request
 * must never run code, so only YAML is registered, and the opening line must be a bare `---`.
 */
const MATTER_OPTIONS = {
	language: 'yaml',
	engines: {
		yaml: (text: string) => parseYaml(text) as object,
		javascript: refuse('JavaScript'),
		js: refuse('JavaScript'),
		json: refuse('JSON'),
		coffee: refuse('CoffeeScript'),
		toml: refuse('TOML'),
	},
};

/** Splits a catalog entry into frontmatter data and markdown body, or says what is wrong. */
export function parseEntryFile(source: string): ParsedFile {
	const text = source.replace(/^\uFEFF/, '');
	if (!/^---[ \t]*\r?\n/.test(text)) {
		return {
			ok: false,
			field: 'frontmatter',
			text: 'the file does not start with a line holding only --- — begin it with ---, the YAML fields, then --- again',
		};
	}
	if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
		return {
			ok: false,
			field: 'frontmatter',
			text: 'the frontmatter is never closed — add a line holding only --- after the last field',
		};
	}
	// gray-matter hands the YAML over starting with the newline that ends the opening ---, so YAML
	// line numbers are already file line numbers.
	let file: matter.GrayMatterFile<string>;
	try {
		file = matter(text, MATTER_OPTIONS);
	} catch (error) {
		const position = yamlErrorPosition(error);
		return {
			ok: false,
			field: 'frontmatter',
			text: position
				? `YAML syntax error on line ${position.line}: ${position.reason} — fix the YAML there (quote values containing ": " or starting with a special character)`
				: `cannot be read (${(error as Error).message}) — write the frontmatter as YAML`,
		};
	}
	const data: unknown = file.data;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		return {
			ok: false,
			field: 'frontmatter',
			text: 'is not a set of fields — write one "field: value" per line between the --- lines',
		};
	}
	return { ok: true, data: data as Record<string, unknown>, body: file.content.trim() };
}
