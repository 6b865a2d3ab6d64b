import { relative, sep } from 'node:path';
import { CountryCodeSchema, HttpUrlSchema, SourceSchema } from '../../schemas/common.ts';
import type { Entry } from '../../schemas/entry.ts';
import type { ImportedRecord, ImportState, Provenance } from '../../schemas/imported.ts';
import type { Publisher, RegisterPublisher } from '../../schemas/publisher.ts';
import { type ImportedLine, lineRef } from '../state/imported-files.ts';
import { CATALOGUES } from '../vocab/catalogues.ts';
import type { CatalogEntry } from './catalog-entry.ts';
import { checkEntry, HTML_TAG } from './entry-rules.ts';
import { normaliseUrl } from './entry-urls.ts';
import type { LoadedImports } from './load-imports.ts';
import type { SourceFileEntry } from './load-sources.ts';
import { IMPORT_FIX, MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';
import { checkUrlHost } from './url-rules.ts';

/**
 * Merges imported records into the hand-written catalog, with the rules of the import design:
 * - a hand-written entry wins over an import of the same thing (same normalised spec or base
 *   URL, or the import's source page among the entry's sources) and lists that source;
 * - the same API from two sources becomes one record listing both; the record of the first
 *   source (official national, then EU, then community, then by id) keeps its id;
 * - every imported entry passes the same rules as a hand-written one: one bad record is one
 *   problem, never the load.
 */

export interface MergeInput<E extends CatalogEntry> {
	dataDir: string;
	entries: readonly E[];
	publishers: ReadonlyMap<string, { publisher: Publisher }>;
	imports: LoadedImports;
	sources: ReadonlyMap<string, SourceFileEntry>;
	allowPrivate: boolean;
	today: string;
}

export interface MergeResult<E extends CatalogEntry> {
	/** Hand-written entries (some listing more sources) and the imported ones that stand alone. */
	entries: (E | CatalogEntry)[];
	/** Hand-written publishers and the imported ones records refer to. */
	publishers: Map<string, RegisterPublisher>;
	importStates: Map<string, ImportState>;
	/** Imported records that became records of their own. */
	imported: number;
	problems: Problem[];
}

/** Official national catalogues first, then EU ones, then community ones; then by id. */
function sourceRank(entry: SourceFileEntry | undefined): number {
	if (!entry?.source.official) return 2;
	return entry.source.country === 'EU' ? 1 : 0;
}

/**
 * Normalised URLs that identify an API: the same spec URL, or the same base URL with a path, is
 * the same API. A bare host is not: one gateway serves many APIs (HMRC lists 30 at
 * https://api.service.hmrc.gov.uk), and merging on it would fold them into one record.
 */
function apiKeys(entry: Entry): string[] {
	if (entry.kind !== 'api') return [];
	const spec = entry.spec ? [normaliseUrl(entry.spec.url)] : [];
	const base = entry.baseUrl ? normaliseUrl(entry.baseUrl) : undefined;
	return base?.includes('/') ? [...spec, base] : spec;
}

/** Adds a source's listing to a record: its provenance, and the catalogue among its sources. */
function addListing(target: CatalogEntry, provenance: Provenance): void {
	target.provenance = [...(target.provenance ?? []), provenance];
	const sources = target.data.sources ?? [];
	if (provenance.sourceUrl === undefined || !(provenance.source in CATALOGUES)) return;
	if (sources.some((s) => s.catalogue === provenance.source)) return;
	// The vocabulary checks the page is on the catalogue's own domain; a page elsewhere proves nothing.
	const source = SourceSchema.safeParse({
		catalogue: provenance.source,
		url: provenance.sourceUrl,
	});
	if (source.success) target.data = { ...target.data, sources: [...sources, source.data] };
}

function importProblems(problems: Problem[]): Problem[] {
	// Warnings about an imported record (no base URL, no distribution…) describe the source's
	// data, which nobody here can edit; only errors are reported.
	return problems.filter((p) => p.severity === 'error').map((p) => ({ ...p, fix: IMPORT_FIX }));
}

function importedPublishers(
	input: MergeInput<CatalogEntry>,
	order: readonly LoadedImports['sources'][number][],
	problems: Problem[],
): Map<string, RegisterPublisher> {
	const publishers = new Map<string, RegisterPublisher>(
		[...input.publishers].map(([id, p]) => [id, p.publisher]),
	);
	for (const folder of order) {
		for (const { file, line, value } of folder.publishers) {
			const at = lineRef(file, line);
			if (value.matched) {
				if (!input.publishers.has(value.id)) {
					problems.push(problem(at, 'id', MESSAGES.importedPublisherUnmatched(value.id)));
				}
				continue;
			}
			if (input.publishers.has(value.id)) {
				problems.push(problem(at, 'id', MESSAGES.importedPublisherTaken(value.id)));
				continue;
			}
			// The same body named by two catalogues: the first source's name stands.
			if (publishers.has(value.id)) continue;
			const found: Problem[] = [];
			const country = CountryCodeSchema.safeParse(value.country);
			if (!country.success) {
				found.push(
					problem(
						at,
						'country',
						MESSAGES.importedInvalid(`"${value.country}" is not a country code`),
					),
				);
			}
			if (HTML_TAG.test(value.name)) found.push(problem(at, 'name', MESSAGES.htmlInText()));
			if (value.homepage !== undefined) {
				if (!HttpUrlSchema.safeParse(value.homepage).success) {
					found.push(problem(at, 'homepage', MESSAGES.importedInvalid('is not an http(s) URL')));
				} else {
					found.push(...checkUrlHost(at, 'homepage', value.homepage, input.allowPrivate));
				}
			}
			const errors = importProblems(found);
			if (errors.length > 0 || !country.success) {
				problems.push(...errors);
				continue;
			}
			publishers.set(value.id, {
				id: value.id,
				name: value.name,
				country: country.data,
				...(value.homepage !== undefined ? { homepage: value.homepage } : {}),
				officialDomains: [],
				githubOrgs: [],
				imported: { source: folder.source },
			});
		}
	}
	return publishers;
}

export function mergeImports<E extends CatalogEntry>(input: MergeInput<E>): MergeResult<E> {
	const problems: Problem[] = [...input.imports.problems];
	const known = input.imports.sources.filter((folder) => {
		if (input.sources.has(folder.source)) return true;
		problems.push(
			problem(
				`${input.dataDir}/imported/${folder.source}`,
				'file',
				MESSAGES.importedNoSource(folder.source),
			),
		);
		return false;
	});
	const order = [...known].sort(
		(a, b) =>
			sourceRank(input.sources.get(a.source)) - sourceRank(input.sources.get(b.source)) ||
			(a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
	);
	const publishers = importedPublishers(input, order, problems);
	const publisherFiles = new Map([...publishers].map(([id, publisher]) => [id, { publisher }]));

	const entries: (E | CatalogEntry)[] = [...input.entries];
	const byId = new Map<string, CatalogEntry>(entries.map((e) => [e.id, e]));
	const handByKey = new Map<string, CatalogEntry>();
	for (const entry of input.entries) {
		for (const key of apiKeys(entry.data)) handByKey.set(key, entry);
		for (const s of entry.data.sources ?? []) handByKey.set(normaliseUrl(s.url), entry);
	}
	const importByKey = new Map<string, CatalogEntry>();
	let imported = 0;

	const accept = (folder: string, { file, line, value }: ImportedLine<ImportedRecord>) => {
		const at = lineRef(file, line);
		const { entry, provenance } = value;
		if (provenance.source !== folder) {
			problems.push(
				problem(at, 'provenance.source', MESSAGES.importedWrongSource(provenance.source, folder)),
			);
			return;
		}
		const prefix = entry.country.toLowerCase();
		const errors = importProblems(
			checkEntry(entry, {
				file: at,
				fileId: entry.id,
				folder: prefix,
				body: '',
				publishers: publisherFiles,
				allowPrivate: input.allowPrivate,
				today: input.today,
			}),
		).map((p) => ({ ...p, field: `entry.${p.field}` }));
		if (errors.length > 0) {
			problems.push(...errors);
			return;
		}
		const keys = apiKeys(entry);
		const sourceKey =
			provenance.sourceUrl === undefined ? [] : [normaliseUrl(provenance.sourceUrl)];
		const hand = [...keys, ...sourceKey].map((k) => handByKey.get(k)).find((e) => e !== undefined);
		// Two records of one source are two things, whatever they share: the source lists both.
		const twin =
			hand ??
			keys
				.map((k) => importByKey.get(k))
				.find((e) => e !== undefined && !e.provenance?.some((p) => p.source === provenance.source));
		if (twin) {
			addListing(twin, provenance);
			return;
		}
		const taken = byId.get(entry.id);
		if (taken) {
			problems.push(problem(at, 'entry.id', MESSAGES.importedIdTaken(entry.id, taken.path)));
			return;
		}
		const record: CatalogEntry = {
			id: entry.id,
			file,
			path: relative(input.dataDir, file).split(sep).join('/'),
			data: entry,
			body: '',
			provenance: [],
			imported: true,
		};
		addListing(record, provenance);
		entries.push(record);
		byId.set(record.id, record);
		for (const key of keys) importByKey.set(key, record);
		imported += 1;
	};
	for (const folder of order) {
		for (const line of folder.records) accept(folder.source, line);
	}
	const importStates = new Map(
		order.flatMap((f) => (f.state ? [[f.source, f.state] as const] : [])),
	);
	return { entries, publishers, importStates, imported, problems };
}
