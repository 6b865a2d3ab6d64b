import type { RecordsList } from '../../schemas/api-record.ts';
import type { Register } from '../register/assemble-register.ts';
import { pagePath } from '../register/urls.ts';
import { recordSummary } from '../site/record-json.ts';
import type { SiteExport } from './write-exports.ts';

/** Characters gathered before a chunk goes to the file: a hundred records or so per write. */
const CHUNK_CHARS = 64 * 1024;

/**
 * `/api/v1/records.json`, one record's summary after another: the same text as
 * `JSON.stringify(list)`, but never whole in memory (at 100,000 records, some 65 MB). The head is
 * typed by the list's schema and each item by the summary's (src/schemas/api-record.ts).
 */
export function* recordsListChunks(register: Register): Generator<string> {
	const head: Omit<RecordsList, 'records'> = {
		generatedAt: register.builtAt.toISOString(),
		count: register.records.length,
	};
	// `{"generatedAt":…,"count":…` without its closing brace, then the records array.
	let chunk = `${JSON.stringify(head).slice(0, -1)},"records":[`;
	let first = true;
	for (const record of register.records) {
		chunk += `${first ? '' : ','}${JSON.stringify(recordSummary(record))}`;
		first = false;
		if (chunk.length >= CHUNK_CHARS) {
			yield chunk;
			chunk = '';
		}
	}
	yield `${chunk}]}`;
}

export const recordsListExport: SiteExport = {
	name: 'records list',
	files: (register) => [
		{ path: pagePath('recordsJson'), content: () => recordsListChunks(register) },
	],
};
