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
/** Aliases a document may use (the `yaml` reader); more is how an expansion bomb looks. */
const MAX_ALIASES = 200;
/** A YAML alias (`*name` after a separator), roughly: enough to know whether to look further. */
const ALIAS_LIKE = /(?:^|[\s,[{:-])\*[^\s,[\]{}]+/;

/**
 * Nodes of `value` counted as a tree (a shared object once per place it appears), up to `limit`.
 * js-yaml keeps an alias as a second reference to the same object, so a "billion laughs" text
 * loads in no time but is a tree of billions of nodes to every walk after it.
 */
function treeSize(value: unknown, limit: number): number {
	let count = 0;
	const stack = [value];
	while (stack.length > 0 && count <= limit) {
		const node = stack.pop();
		count++;
		if (typeof node === 'object' && node !== null)
			for (const child of Object.values(node)) stack.push(child);
	}
	return count;
}

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
 * that refuses it too, js-yaml's lenient reading. js-yaml does not cap aliases: a text whose
 * aliases expand it too far is left to `yaml`, which caps them (and refuses a bomb).
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
	let lenient: { document: unknown } | undefined;
	let firstError: unknown;
	try {
		const warnings: string[] = [];
		const document = jsYaml.load(trimmed, {
			schema: JS_YAML_SCHEMA,
			onWarning: (w) => warnings.push(w.message),
		});
		// Legitimate aliases (shared responses, merge keys) expand a spec a few times at most.
		const limit = 4 * trimmed.length + 10_000;
		if (ALIAS_LIKE.test(trimmed) && treeSize(document, limit) > limit) {
			throw new Error('its aliases expand it beyond any real spec (an expansion bomb?)');
		}
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
