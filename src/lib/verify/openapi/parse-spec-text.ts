import jsYaml from 'js-yaml';
import { parse as parseYamlText } from 'yaml';
import { SNAPSHOT_LIMITS, type SpecParser } from '../../../schemas/snapshot.ts';
import { clipText } from '../../state/cap-snapshot.ts';

/**
 * YAML 1.2 core scalars (no timestamps: a `version: 2024-01-01` stays a string) and merge keys,
 * as the `yaml` reader is set up below.
 */
const JS_YAML_SCHEMA = jsYaml.CORE_SCHEMA.extend({
	// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
	implicit: [(jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge],
});
/** Aliases a document may use; more is how an expansion bomb looks. */
const MAX_ALIASES = 200;
/** A rough count of YAML aliases (`*name` after a separator): enough to keep js-yaml off a bomb. */
const ALIAS_LIKE = /(?:^|[\s,[{:-])\*[^\s,[\]{}]+/g;

export interface ReadSpec {
	document: unknown;
	/** Which reader read it: the snapshot says so, as a lenient read may differ from the author's intent. */
	parser: SpecParser;
}

function readYaml(text: string): unknown {
	return parseYamlText(text, {
		schema: 'core',
		uniqueKeys: false,
		maxAliasCount: MAX_ALIASES,
		merge: true,
	});
}

/**
 * Reads a spec document, JSON or YAML, with the most exacting reader that accepts it:
 * JSON; then js-yaml (what swagger-parser and most tools use); when js-yaml rejects the text, or
 * reads it only with a warning such as "deficient indentation" (a flow mapping whose closing
 * brace is under-indented, which older js-yaml refused outright), the `yaml` package; and when
 * that refuses it too, js-yaml's lenient reading. js-yaml keeps aliases as shared objects
 * without a cap, so a text with many aliases goes to `yaml` only, which caps them.
 */
export function readSpecText(text: string): ReadSpec {
	const trimmed = text.replace(/^\uFEFF/, '').trimStart();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return { document: JSON.parse(trimmed), parser: 'json' };
		} catch {
			// Some YAML documents start with a flow mapping; fall through to the YAML readers.
		}
	}
	if ((trimmed.match(ALIAS_LIKE)?.length ?? 0) > MAX_ALIASES) {
		return { document: readYaml(trimmed), parser: 'yaml' };
	}
	let lenient: { document: unknown } | undefined;
	let firstError: unknown;
	try {
		const warnings: string[] = [];
		const document = jsYaml.load(trimmed, {
			schema: JS_YAML_SCHEMA,
			onWarning: (w) => warnings.push(w.message),
		});
		if (warnings.length === 0) return { document, parser: 'js-yaml' };
		lenient = { document };
	} catch (error) {
		firstError = error;
	}
	try {
		return { document: readYaml(trimmed), parser: 'yaml' };
	} catch (error) {
		if (lenient) return { document: lenient.document, parser: 'js-yaml-lenient' };
		throw firstError ?? error;
	}
}

/** A spec document, JSON or YAML, read as readSpecText reads it. */
export function parseSpecText(text: string): unknown {
	return readSpecText(text).document;
}

/** The first line of an error message, cut to a length that fits on a record page. */
export function shortError(error: unknown, max: number = SNAPSHOT_LIMITS.errorChars): string {
	const message = error instanceof Error ? error.message : String(error);
	const line = message.split('\n').find((l) => l.trim() !== '') ?? message;
	return clipText(line.trim(), max);
}
