import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { ContactSchema, SourceSchema } from '../../schemas/common.ts';
import {
	ApiEntrySchema,
	DatasetEntrySchema,
	DistributionSchema,
	type Entry,
	EntrySchema,
	SpecSchema,
} from '../../schemas/entry.ts';
import type { ImportState } from '../../schemas/imported.ts';
import type { Publisher, RegisterPublisher } from '../../schemas/publisher.ts';
import type { CatalogEntry } from './catalog-entry.ts';
import { checkEntry } from './entry-rules.ts';
import { normaliseUrl } from './entry-urls.ts';
import { friendlyErrorMap, issuesToProblems } from './friendly-errors.ts';
import { loadImports } from './load-imports.ts';
import { loadPublishers, type PublisherFile } from './load-publishers.ts';
import { loadSources, type SourceFileEntry } from './load-sources.ts';
import { mergeImports } from './merge-imports.ts';
import { MESSAGES } from './messages.ts';
import { parseEntryFile } from './parse-entry-file.ts';
import { hasErrors, type Problem, problem } from './problem.ts';

export type { CatalogEntry };

export interface Catalog {
	dataDir: string;
	/** Valid entries, sorted by id. Entries with any error are left out (and reported). */
	entries: CatalogEntry[];
	/** Hand-written publishers (data/publishers/): the ones with reviewed official domains. */
	publishers: ReadonlyMap<string, Publisher>;
	/** The register's publishers: the hand-written ones and those only imported catalogues name. */
	registerPublishers: ReadonlyMap<string, RegisterPublisher>;
	/** Valid sources (data/sources/). */
	sources: ReadonlyMap<string, SourceFileEntry>;
	/**
	 * The source files' own problems, apart from `problems`: a bad source file is left out of the
	 * register, not a reason to refuse the build. The validator prints them.
	 */
	sourceProblems: Problem[];
	/** How each source's last import went, by source id. */
	importStates: ReadonlyMap<string, ImportState>;
	/** Every problem found, errors and warnings, in file order. */
	problems: Problem[];
	/** How many entry, publisher and source files were read, and how many imported records stand alone. */
	files: { entries: number; publishers: number; sources: number; imported: number };
}

export interface LoadCatalogOptions {
	/** Accept URLs on loopback, private or raw-IP hosts (tests and loopback benchmarks only). */
	allowPrivate?: boolean;
	/** Today's date for the "added in the future" rule; defaults to now. */
	now?: Date;
}

const NESTED_KEYS: Record<string, readonly string[]> = {
	spec: Object.keys(SpecSchema.shape),
	sources: Object.keys(SourceSchema.shape),
	distributions: Object.keys(DistributionSchema.shape),
	contact: Object.keys(ContactSchema.shape),
};

function knownKeysFor(data: Record<string, unknown>) {
	const top = Object.keys(
		data.kind === 'dataset' ? DatasetEntrySchema.shape : ApiEntrySchema.shape,
	);
	return (path: readonly PropertyKey[]) =>
		path.length === 0 ? top : (NESTED_KEYS[String(path[0])] ?? []);
}

/** Unknown keys that belong to the other kind get a message that says so. */
function kindMismatch(data: Record<string, unknown>, problems: Problem[]): Problem[] {
	const other = Object.keys(
		data.kind === 'dataset' ? ApiEntrySchema.shape : DatasetEntrySchema.shape,
	);
	const mine = Object.keys(
		data.kind === 'dataset' ? DatasetEntrySchema.shape : ApiEntrySchema.shape,
	);
	return problems.map((p) =>
		!mine.includes(p.field) &&
		other.includes(p.field) &&
		p.message.startsWith('is not a known field')
			? {
					...p,
					message: `is not a field of a ${String(data.kind)} entry`,
					fix:
						data.kind === 'dataset'
							? 'remove it, or set kind: api if this is an API'
							: 'remove it, or set kind: dataset if this is a dataset',
				}
			: p,
	);
}

async function listEntryFiles(
	catalogDir: string,
): Promise<{ files: string[]; problems: Problem[] }> {
	const problems: Problem[] = [];
	const files: string[] = [];
	const dirents = await readdir(catalogDir, { recursive: true, withFileTypes: true });
	for (const dirent of dirents) {
		if (!dirent.isFile() && !dirent.isSymbolicLink()) continue;
		const full = join(dirent.parentPath, dirent.name);
		const parts = relative(catalogDir, full).split(sep);
		if (parts.some((part) => part.startsWith('.'))) continue;
		if (
			dirent.isSymbolicLink() ||
			parts.length !== 2 ||
			!dirent.name.endsWith('.md') ||
			!/^[a-z]{2}$/.test(parts[0] ?? '')
		) {
			problems.push(problem(full, 'file', MESSAGES.notAnEntryFile(parts.join('/'))));
			continue;
		}
		files.push(full);
	}
	files.sort();
	return { files, problems };
}

interface ParsedEntry {
	file: string;
	path: string;
	entry?: Entry;
	body: string;
	problems: Problem[];
}

function readEntry(
	dataDir: string,
	file: string,
	publishers: ReadonlyMap<string, PublisherFile>,
	options: Required<LoadCatalogOptions>,
): ParsedEntry {
	const path = relative(dataDir, file).split(sep).join('/');
	let source: string;
	try {
		// Synchronous on purpose: for small files readFileSync is ~10x faster than fs.promises.
		source = readFileSync(file, 'utf8');
	} catch (error) {
		return {
			file,
			path,
			body: '',
			problems: [problem(file, 'file', MESSAGES.unreadable((error as Error).message))],
		};
	}
	const parsedFile = parseEntryFile(source);
	if (!parsedFile.ok) {
		return { file, path, body: '', problems: [problem(file, parsedFile.field, parsedFile.text)] };
	}
	const result = EntrySchema.safeParse(parsedFile.data, {
		error: friendlyErrorMap,
		reportInput: true,
	});
	if (!result.success) {
		const problems = kindMismatch(
			parsedFile.data,
			issuesToProblems(file, result.error.issues, knownKeysFor(parsedFile.data)),
		);
		return { file, path, body: parsedFile.body, problems };
	}
	const folder = path.split('/')[1] ?? '';
	const problems = checkEntry(result.data, {
		file,
		fileId: basename(file, '.md'),
		folder,
		body: parsedFile.body,
		publishers,
		allowPrivate: options.allowPrivate,
		today: options.now.toISOString().slice(0, 10),
	});
	return { file, path, entry: result.data, body: parsedFile.body, problems };
}

/** Rules across entries: one id per entry, one entry per API or spec. */
function checkAcrossEntries(parsed: readonly ParsedEntry[]): void {
	const byId = new Map<string, ParsedEntry>();
	const byUrl = new Map<string, { item: ParsedEntry; field: string }>();
	for (const item of parsed) {
		const { entry } = item;
		if (!entry) continue;
		const first = byId.get(entry.id);
		if (first) {
			item.problems.push(problem(item.file, 'id', MESSAGES.duplicateId(entry.id, first.path)));
		} else {
			byId.set(entry.id, item);
		}
		if (entry.kind !== 'api') continue;
		for (const [field, url] of [
			['baseUrl', entry.baseUrl],
			['spec.url', entry.spec?.url],
		] as const) {
			if (!url) continue;
			const key = normaliseUrl(url);
			const seen = byUrl.get(key);
			if (seen && seen.item !== item) {
				item.problems.push(
					problem(item.file, field, MESSAGES.likelyDuplicate(seen.item.path, seen.field)),
				);
			} else if (!seen) {
				byUrl.set(key, { item, field });
			}
		}
	}
}

/**
 * The one catalog loader: reads `catalog/` and `publishers/` under a data dir, parses every
 * entry with gray-matter and zod, and applies every rule. The validator prints its problems, the
 * site build refuses to build on errors, the verifier probes only the valid entries.
 */
export async function loadCatalog(
	dataDir: string,
	options: LoadCatalogOptions = {},
): Promise<Catalog> {
	const resolved: Required<LoadCatalogOptions> = {
		allowPrivate: options.allowPrivate ?? false,
		now: options.now ?? new Date(),
	};
	const catalogDir = join(dataDir, 'catalog');
	const [{ publishers: publisherFiles, problems: publisherProblems }, sources] = await Promise.all([
		loadPublishers(dataDir),
		loadSources(dataDir, { allowPrivate: resolved.allowPrivate }),
	]);
	let listing: { files: string[]; problems: Problem[] };
	try {
		listing = await listEntryFiles(catalogDir);
	} catch {
		return {
			dataDir,
			entries: [],
			publishers: new Map(),
			registerPublishers: new Map(),
			sources: sources.sources,
			sourceProblems: sources.problems,
			importStates: new Map(),
			problems: [...publisherProblems, problem(dataDir, 'catalog', MESSAGES.noCatalog(dataDir))],
			files: { entries: 0, publishers: publisherFiles.size, sources: sources.files, imported: 0 },
		};
	}
	const parsed = listing.files.map((file) => readEntry(dataDir, file, publisherFiles, resolved));
	checkAcrossEntries(parsed);

	const entries: CatalogEntry[] = [];
	for (const item of parsed) {
		if (item.entry && !hasErrors(item.problems)) {
			entries.push({
				id: item.entry.id,
				file: item.file,
				path: item.path,
				data: item.entry,
				body: item.body,
			});
		}
	}
	const imports = await loadImports(dataDir);
	const merged = mergeImports({
		dataDir,
		entries,
		publishers: publisherFiles,
		imports,
		sources: sources.sources,
		allowPrivate: resolved.allowPrivate,
		today: resolved.now.toISOString().slice(0, 10),
	});
	const all: CatalogEntry[] = merged.entries;
	all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return {
		dataDir,
		entries: all,
		publishers: new Map([...publisherFiles].map(([id, { publisher }]) => [id, publisher])),
		registerPublishers: merged.publishers,
		sources: sources.sources,
		sourceProblems: sources.problems,
		importStates: merged.importStates,
		problems: [
			...listing.problems,
			...publisherProblems,
			...parsed.flatMap((item) => item.problems),
			...merged.problems,
		],
		files: {
			entries: listing.files.length,
			publishers: publisherFiles.size,
			sources: sources.files,
			imported: merged.imported,
		},
	};
}
