import { readdir, readFile, rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import {
	distFile,
	recordPath,
	SEARCH_INDEX_FOLDER,
	searchBundlePath,
	searchPartitionFolder,
} from '../register/urls.ts';
import { idsByPartition, type SearchPartitions } from './search-partitions.ts';

/**
 * Builds the Pagefind index of a built site with Pagefind's Node API: record pages only, written
 * to `<outDir>/pagefind/` — or, for a large register, to one folder per partition (see
 * search-partitions.ts). Every step's `errors` array is checked; any error, or a record page
 * that did not make it into the index, throws a SearchIndexError, which fails the build.
 */

/** The search page loads the index's `pagefind.js`, written in SEARCH_INDEX_FOLDER of the output. */
export const INDEX_BUNDLE = distFile(searchBundlePath);

/** Only record pages are searched; other pages list records and would only repeat them. */
export const RECORD_PAGES_GLOB = distFile(recordPath('*'));
/** The folder holding one folder per record page (`records`). */
export const RECORD_PAGES_DIR = posix.dirname(posix.dirname(RECORD_PAGES_GLOB));

/**
 * Parts of record pages left out of the index although inside data-pagefind-body: the same words
 * on every record ("Register record", "Description", "Filterable via the API", table headings,
 * "not checked yet" notes), which would make a search for "register" or "fields" match them all.
 * The sections that are boilerplate throughout carry data-pagefind-ignore in the record page.
 */
export const EXCLUDED_SELECTORS = [
	// Title and summary are indexed as metadata (data-pagefind-meta, searched and weighted), so
	// excerpts show the description and schema a result card does not already show.
	'.record-header h1',
	'.record-header .lede',
	'.record-header .eyebrow',
	'.record-header .checked',
	'.record section.panel > h2',
	'.record section.panel > h3',
	'.record table thead',
	'.record table caption',
	'.record .empty',
];

export class SearchIndexError extends Error {
	override name = 'SearchIndexError';
}

export interface IndexReport {
	pages: number;
	seconds: number;
	/** One folder per partition written, the first partition's first. */
	outputPaths: string[];
}

function fail(step: string, errors: readonly string[], outDir: string): never {
	throw new SearchIndexError(
		`Pagefind could not ${step} for ${outDir}:\n${errors.map((e) => `  - ${e}`).join('\n')}\n` +
			'The build stops here rather than ship a /search/ page whose index misses records.',
	);
}

async function entriesOf(dir: string) {
	return readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return [];
		throw error;
	});
}

/** The ids of the record pages in a built site: one folder each under RECORD_PAGES_DIR. */
export const recordPageIds = async (outDir: string): Promise<string[]> =>
	(await entriesOf(join(outDir, RECORD_PAGES_DIR)))
		.filter((e) => e.isDirectory())
		.map((e) => e.name)
		.sort();

/** Pages in a partition's index: Pagefind writes one fragment file per page it keeps. */
export const countIndexedPages = async (outDir: string, partition = 1) =>
	(await entriesOf(join(outDir, searchPartitionFolder(partition), 'fragment'))).filter((e) =>
		e.isFile(),
	).length;

/**
 * Indexes the record pages of the site in `outDir`: `partitions.own` of `partitions.count`,
 * one after another, each in its own Pagefind process, closed before the next starts so its
 * memory is given back. One partition reads the folder itself; several are fed page by page, as
 * a glob cannot pick pages by the hash of their id.
 */
export async function indexRecordPages(
	outDir: string,
	partitions: SearchPartitions = { count: 1, own: [1] },
): Promise<IndexReport> {
	const started = performance.now();
	const ids = await recordPageIds(outDir);
	// Stale chunks from an earlier build would be served forever under their hashed names, and a
	// partition count that shrank would leave whole partitions behind.
	await rm(join(outDir, SEARCH_INDEX_FOLDER), { recursive: true, force: true });
	let pages = 0;
	const outputPaths: string[] = [];
	const byPartition = idsByPartition(ids, partitions.count);
	for (const partition of partitions.own) {
		const own = byPartition.get(partition);
		if (!own) continue;
		pages += await indexPartition(outDir, partition, partitions.count, own);
		outputPaths.push(join(outDir, searchPartitionFolder(partition)));
	}
	return { pages, seconds: (performance.now() - started) / 1000, outputPaths };
}

async function indexPartition(
	outDir: string,
	partition: number,
	count: number,
	ids: readonly string[],
): Promise<number> {
	const which = count === 1 ? outDir : `${outDir}, search partition ${partition} of ${count}`;
	const outputPath = join(outDir, searchPartitionFolder(partition));
	try {
		const created = await pagefind.createIndex({
			// One index for the whole register: pages are English, and a description written in
			// another language would otherwise split the index in two that never search each other.
			forceLanguage: 'en',
			excludeSelectors: EXCLUDED_SELECTORS,
		});
		if (!created.index || created.errors.length > 0) fail('start', created.errors, which);
		const { index } = created;
		const read =
			count === 1
				? await index.addDirectory({ path: outDir, glob: RECORD_PAGES_GLOB })
				: await addPages(index, outDir, ids);
		if (read.errors.length > 0) fail('index the record pages', read.errors, which);
		if (read.page_count !== ids.length)
			fail(
				'read every record page',
				[`read ${read.page_count} of the ${ids.length} record page(s) under ${RECORD_PAGES_DIR}/`],
				which,
			);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) fail('write the index', written.errors, which);
		// Pagefind reads a page without data-pagefind-body but leaves it out, silently; each page
		// it keeps has one fragment file.
		const indexed = await countIndexedPages(outDir, partition);
		if (indexed !== ids.length)
			fail(
				'index every record page',
				[
					`${indexed} of the ${ids.length} record page(s) are in the index; a record page without data-pagefind-body is left out`,
				],
				which,
			);
		return indexed;
	} finally {
		await pagefind.close();
	}
}

/**
 * Hands the pages of `ids` to Pagefind, under the URL it would give them reading the folder. One
 * at a time and in order (the next page is read from disk meanwhile): Pagefind numbers pages in
 * the order they arrive, and the same pages must give the same index bytes in every build.
 */
async function addPages(
	index: pagefind.PagefindIndex,
	outDir: string,
	ids: readonly string[],
): Promise<{ errors: string[]; page_count: number }> {
	const errors: string[] = [];
	let pageCount = 0;
	const read = (id: string | undefined) =>
		id === undefined ? undefined : readFile(join(outDir, distFile(recordPath(id))), 'utf8');
	let next = read(ids[0]);
	for (const [i, id] of ids.entries()) {
		const content = (await next) ?? '';
		next = read(ids[i + 1]);
		const added = await index.addHTMLFile({
			url: `/${posix.dirname(distFile(recordPath(id)))}/`,
			content,
		});
		errors.push(...added.errors);
		if (added.errors.length === 0) pageCount += 1;
	}
	return { errors, page_count: pageCount };
}
