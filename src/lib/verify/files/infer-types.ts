import { DATA_FILE_LIMITS, type DataColumn } from '../../../schemas/data-file.ts';
import { clipText } from '../../state/cap-snapshot.ts';

/** The type a text cell reads as (CSV, spreadsheets); null for an empty cell, which says nothing. */
export function textCellType(value: string): string | null {
	const text = value.trim();
	if (text === '') return null;
	if (/^(?:true|false)$/i.test(text)) return 'boolean';
	// A leading zero (postcodes, codes) keeps a value text: read as a number it would lose it.
	if (/^[-+]?(?:0|[1-9]\d*)$/.test(text)) return 'integer';
	if (/^[-+]?(?:(?:0|[1-9]\d*)(?:[.,]\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return 'number';
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'date';
	if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return 'datetime';
	return 'string';
}

/** The type of a parsed JSON value. */
export function jsonValueType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'object')
		return typeof value;
	return 'string';
}

/** One type for all values seen: integer widens to number, date to datetime; else `a|b`. */
function mergedType(seen: ReadonlySet<string>): string {
	const types = new Set([...seen].filter((t) => t !== 'null'));
	if (types.size === 0) return seen.has('null') ? 'null' : 'empty';
	if (types.has('number')) types.delete('integer');
	if (types.has('datetime')) types.delete('date');
	const list = [...types].sort();
	return list.length > 3 ? 'mixed' : list.join('|');
}

/** Columns in the order first seen, each with every type its values showed; capped in count and name length. */
export class ColumnTypes {
	readonly #types = new Map<string, Set<string>>();
	truncated = false;

	add(name: string, type: string | null): void {
		const key = clipText(name, DATA_FILE_LIMITS.nameChars);
		let types = this.#types.get(key);
		if (!types) {
			if (this.#types.size >= DATA_FILE_LIMITS.columns) {
				this.truncated = true;
				return;
			}
			types = new Set();
			this.#types.set(key, types);
		}
		if (type !== null) types.add(type);
	}

	columns(): DataColumn[] {
		return [...this.#types].map(([name, types]) => ({
			name,
			type: clipText(mergedType(types), DATA_FILE_LIMITS.typeChars),
		}));
	}
}
