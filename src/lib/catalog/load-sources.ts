import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import {
	SourceEndpointSchema,
	type SourceFile,
	SourceFileSchema,
	SourceFiltersSchema,
} from '../../schemas/source.ts';
import { CATALOGUES, type Catalogue } from '../vocab/catalogues.ts';
import { HTML_TAG } from './entry-rules.ts';
import { normaliseUrl } from './entry-urls.ts';
import { MESSAGES } from './messages.ts';
import { hasErrors, type Problem, problem } from './problem.ts';
import { readYamlFile } from './read-yaml-file.ts';
import { checkUrlHost } from './url-rules.ts';

const TOP_KEYS = Object.keys(SourceFileSchema.shape);
const NESTED_KEYS: Record<string, readonly string[]> = {
	endpoints: Object.keys(SourceEndpointSchema.shape),
	filters: Object.keys(SourceFiltersSchema.shape),
};
const knownKeys = (path: readonly PropertyKey[]) =>
	path.length === 0 ? TOP_KEYS : (NESTED_KEYS[String(path[0])] ?? []);

export interface SourceFileEntry {
	file: string;
	source: SourceFile;
}

export interface LoadSourcesOptions {
	/** Accept endpoints on loopback, private or raw-IP hosts (tests and loopback benchmarks only). */
	allowPrivate?: boolean;
}

export interface LoadedSources {
	/** Valid sources by id. A file with any error is reported and left out. */
	sources: Map<string, SourceFileEntry>;
	problems: Problem[];
	/** How many files were read from sources/. */
	files: number;
}

/** The rules that need one parsed source: its name, its URLs, its agreement with the vocabulary. */
function checkSource(
	file: string,
	fileId: string,
	source: SourceFile,
	allowPrivate: boolean,
): Problem[] {
	const problems: Problem[] = [];
	if (source.id !== fileId) {
		problems.push(problem(file, 'id', MESSAGES.sourceIdNotFileName(source.id, fileId)));
	}
	for (const field of ['name', 'notes', 'metadataLicenceNote'] as const) {
		if (HTML_TAG.test(source[field] ?? '')) {
			problems.push(problem(file, field, MESSAGES.htmlInText()));
		}
	}
	const urls = [
		['homepage', source.homepage],
		...source.endpoints.map((e, i) => [`endpoints[${i}].url`, e.url]),
	] as const;
	for (const [field, url] of urls) problems.push(...checkUrlHost(file, field, url, allowPrivate));

	// A source that is also a catalogue records cite must describe the same catalogue.
	const catalogue: Catalogue | undefined = (CATALOGUES as Record<string, Catalogue>)[source.id];
	if (catalogue) {
		if (catalogue.country !== undefined && catalogue.country !== source.country) {
			problems.push(
				problem(
					file,
					'country',
					MESSAGES.sourceCatalogueDisagrees(
						source.id,
						'country',
						catalogue.country,
						source.country,
					),
				),
			);
		}
		if (catalogue.official !== source.official) {
			problems.push(
				problem(
					file,
					'official',
					MESSAGES.sourceCatalogueDisagrees(
						source.id,
						'official',
						String(catalogue.official),
						String(source.official),
					),
				),
			);
		}
		// The catalogue's pages for people: its homepage and, when given, its record pages.
		for (const [field, url] of [
			['homepage', source.homepage],
			['recordPage', source.recordPage],
		] as const) {
			if (url === undefined) continue;
			const host = new URL(url).hostname.toLowerCase();
			if (host !== catalogue.domain && !host.endsWith(`.${catalogue.domain}`)) {
				problems.push(
					problem(
						file,
						field,
						MESSAGES.sourceHomepageOffCatalogue(host, catalogue.domain, source.id),
					),
				);
			}
		}
	}
	return problems;
}

const fileIdOf = (file: string) => basename(file, '.yaml');

/** Across files: one file per id, one source per endpoint. */
function checkAcrossSources(parsed: readonly (SourceFileEntry & { problems: Problem[] })[]): void {
	const byId = new Map<string, string>();
	const byEndpoint = new Map<string, { file: string; field: string }>();
	// A file named after its id owns that id; copies under other names are the duplicates.
	const owners = [...parsed].sort(
		(a, b) => Number(b.source.id === fileIdOf(b.file)) - Number(a.source.id === fileIdOf(a.file)),
	);
	for (const item of owners) {
		const first = byId.get(item.source.id);
		if (first) {
			item.problems.push(
				problem(item.file, 'id', MESSAGES.duplicateSourceId(item.source.id, basename(first))),
			);
		} else {
			byId.set(item.source.id, item.file);
		}
		item.source.endpoints.forEach((endpoint, i) => {
			const key = normaliseUrl(endpoint.url);
			const seen = byEndpoint.get(key);
			const field = `endpoints[${i}].url`;
			if (seen && seen.file !== item.file) {
				item.problems.push(
					problem(
						item.file,
						field,
						MESSAGES.duplicateSourceEndpoint(basename(seen.file), seen.field),
					),
				);
			} else if (!seen) {
				byEndpoint.set(key, { file: item.file, field });
			}
		});
	}
}

/**
 * Reads and validates every `sources/<id>.yaml` under a data dir: the catalogues the importers
 * harvest. A data dir without sources/ simply has none.
 */
export async function loadSources(
	dataDir: string,
	options: LoadSourcesOptions = {},
): Promise<LoadedSources> {
	const allowPrivate = options.allowPrivate ?? false;
	const dir = join(dataDir, 'sources');
	const sources = new Map<string, SourceFileEntry>();
	const problems: Problem[] = [];
	let dirents: Dirent[];
	try {
		dirents = await readdir(dir, { withFileTypes: true });
	} catch {
		return { sources, problems, files: 0 };
	}
	dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const parsed: (SourceFileEntry & { problems: Problem[] })[] = [];
	let files = 0;
	for (const dirent of dirents) {
		if (dirent.name.startsWith('.')) continue;
		const file = join(dir, dirent.name);
		// Symbolic links and folders could pull in files from outside the data dir.
		if (!dirent.isFile() || extname(dirent.name) !== '.yaml') {
			problems.push(problem(file, 'file', MESSAGES.sourceFileExtension(dirent.name)));
			continue;
		}
		files += 1;
		const result = await readYamlFile(file, SourceFileSchema, knownKeys);
		if ('problems' in result) {
			problems.push(...result.problems);
			continue;
		}
		parsed.push({
			file,
			source: result.data,
			problems: checkSource(file, fileIdOf(file), result.data, allowPrivate),
		});
	}
	checkAcrossSources(parsed);
	for (const item of parsed) {
		problems.push(...item.problems);
		if (!hasErrors(item.problems)) {
			sources.set(item.source.id, { file: item.file, source: item.source });
		}
	}
	return { sources, problems, files };
}
