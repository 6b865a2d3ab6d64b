import { parse as parseYamlText } from 'yaml';
import { SNAPSHOT_LIMITS } from '../../../schemas/snapshot.ts';
import { clipText } from '../../state/cap-snapshot.ts';

/**
 * Parses a spec document, JSON or YAML (YAML 1.2; the `yaml` package also reads specs whose
 * flow mappings are under-indented, which js-yaml refuses). Aliases are capped against
 * expansion bombs.
 */
export function parseSpecText(text: string): unknown {
	const trimmed = text.replace(/^\uFEFF/, '').trimStart();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return JSON.parse(trimmed);
		} catch {
			// Some YAML documents start with a flow mapping; fall through to the YAML reader.
		}
	}
	return parseYamlText(trimmed, {
		schema: 'core',
		uniqueKeys: false,
		maxAliasCount: 200,
		merge: true,
	});
}

/** The first line of an error message, cut to a length that fits on a record page. */
export function shortError(error: unknown, max: number = SNAPSHOT_LIMITS.errorChars): string {
	const message = error instanceof Error ? error.message : String(error);
	const line = message.split('\n').find((l) => l.trim() !== '') ?? message;
	return clipText(line.trim(), max);
}
