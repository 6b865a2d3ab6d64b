import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportState } from '../../src/schemas/imported.ts';
import type { SourceFile } from '../../src/schemas/source.ts';

/**
 * Fixtures of the import pipeline's files, built the way the importer writes them: a source of
 * the shipped list, a source file of one's own, one line of records.ndjson and a state file.
 * Each test overrides only the facts it is about.
 */

/** The shipped source file `data/sources/<id>.yaml`, as text. */
export function shippedSourceYaml(id: string): Promise<string> {
	return readFile(join(import.meta.dirname, '..', '..', 'data', 'sources', `${id}.yaml`), 'utf8');
}

/** An official national CKAN portal yielding datasets, under CC0 metadata, at its homepage. */
export function ckanSource(
	source: Pick<SourceFile, 'id' | 'name' | 'country' | 'homepage'> & Partial<SourceFile>,
): SourceFile {
	return {
		official: true,
		adapter: 'ckan',
		endpoints: [{ url: new URL('api/3/action/package_search', source.homepage).href }],
		metadataLicence: 'CC0-1.0',
		yields: 'datasets',
		...source,
	};
}

/** One line of records.ndjson: an open DINUM API first seen on 2026-11-10, fields overridable. */
export function importedLine(
	source: string,
	sourceId: string,
	entry: Record<string, unknown>,
	provenance: Record<string, unknown> = {},
): string {
	return JSON.stringify({
		provenance: { source, sourceId, firstSeen: '2026-11-10', ...provenance },
		entry: {
			id: 'fr-imported-api',
			kind: 'api',
			title: 'Imported API',
			summary: 'API published by DINUM, listed in the api.gouv.fr catalogue.',
			country: 'FR',
			publisher: 'dinum',
			access: 'open',
			added: '2026-11-10',
			...entry,
		},
	});
}

/** Lines as an ndjson file: one a line, ending in a newline. */
export const ndjson = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A source's state after a successful import that changed nothing; counts and fields overridable. */
export function importState(
	source: string,
	state: Partial<Omit<ImportState, 'counts'>> & { counts?: Partial<ImportState['counts']> } = {},
): ImportState {
	const { counts, ...rest } = state;
	return {
		source,
		lastRunAt: '2026-11-26T02:00:00Z',
		lastOutcome: 'imported',
		lastSuccessAt: '2026-11-26T02:00:00Z',
		failures: 0,
		counts: { records: 0, added: 0, updated: 0, delisted: 0, removed: 0, skipped: 0, ...counts },
		skipped: [],
		validators: [],
		...rest,
	};
}
