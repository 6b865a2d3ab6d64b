import { readdir, rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { distFile, recordPath, SEARCH_INDEX_FOLDER, searchBundlePath } from '../register/urls.ts';

/**
 * Builds the Pagefind index of a built site with Pagefind's Node API: record pages only, written
 * to `<outDir>/pagefind/`. Every step's `errors` array is checked; any error, or a record page
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
	outputPath: string;
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

const countRecordPages = async (outDir: string) =>
	(await entriesOf(join(outDir, RECORD_PAGES_DIR))).filter((e) => e.isDirectory()).length;

/** Pages in a site's index: Pagefind writes one fragment file per page it keeps. */
export const countIndexedPages = async (outDir: string) =>
	(await entriesOf(join(outDir, SEARCH_INDEX_FOLDER, 'fragment'))).filter((e) => e.isFile()).length;

export async function indexRecordPages(outDir: string): Promise<IndexReport> {
	const started = performance.now();
	const outputPath = join(outDir, SEARCH_INDEX_FOLDER);
	const expected = await countRecordPages(outDir);
	try {
		const created = await pagefind.createIndex({
			// One index for the whole register: pages are English, and a description written in
			// another language would otherwise split the index in two that never search each other.
			forceLanguage: 'en',
			excludeSelectors: EXCLUDED_SELECTORS,
		});
		if (!created.index || created.errors.length > 0) fail('start', created.errors, outDir);
		const { index } = created;
		const added = await index.addDirectory({ path: outDir, glob: RECORD_PAGES_GLOB });
		if (added.errors.length > 0) fail('index the record pages', added.errors, outDir);
		if (added.page_count !== expected)
			fail(
				'read every record page',
				[`read ${added.page_count} of the ${expected} record page(s) under ${RECORD_PAGES_DIR}/`],
				outDir,
			);
		// Stale chunks from an earlier build would be served forever under their hashed names.
		await rm(outputPath, { recursive: true, force: true });
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) fail('write the index', written.errors, outDir);
		// Pagefind reads a page without data-pagefind-body but leaves it out, silently; each page
		// it keeps has one fragment file.
		const indexed = await countIndexedPages(outDir);
		if (indexed !== expected)
			fail(
				'index every record page',
				[
					`${indexed} of the ${expected} record page(s) are in the index; a record page without data-pagefind-body is left out`,
				],
				outDir,
			);
		return { pages: indexed, seconds: (performance.now() - started) / 1000, outputPath };
	} finally {
		await pagefind.close();
	}
}
