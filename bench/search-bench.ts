/**
 * Search benchmark, over a built synthetic register (see build-bench.ts: its synthetic snapshots
 * give APIs captured schemas, so field names are in the index). It measures
 *
 * - Pagefind's index time: as the build's integration reported it, and again on its own over the
 *   built pages (the same function, with nothing else running);
 * - the bytes a browser transfers for one query: the search page is opened in Chromium with a
 *   cold cache at `/search/?q=…` and every response under /pagefind/ is counted until the
 *   results are shown. Pagefind's index, filter and fragment files and its WebAssembly are
 *   gzip-compressed by Pagefind itself, so their size is what travels; its JavaScript is counted
 *   both as served by a host that does not compress and gzipped as GitHub Pages and CDNs send it.
 *
 * Run alone with `node bench/search-bench.ts [records]`.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { indexRecordPages, recordPageIds } from '../src/lib/search/index-site.ts';
import { searchPartitions } from '../src/lib/search/search-partitions.ts';
import { settings } from '../src/lib/settings/read-settings.ts';
import { hasChromium, launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { benchBuildOnce } from './build-bench.ts';

/**
 * Queries measured, each in a fresh browser context (cold cache): a word from titles, a field
 * name every synthetic spec has, a filtered query; then a second query typed into the same page,
 * which is what a visitor's next search costs.
 */
export const BENCH_QUERIES = [
	{ name: 'title word', query: 'q=traffic', next: 'weather' },
	{ name: 'field name', query: 'q=siret' },
	{ name: 'word + filter', query: 'q=traffic&country=France' },
] as const;

/** The budget for one query's Pagefind transfers, in bytes (the search target of the brief). */
export const QUERY_BUDGET_BYTES = 150 * 1024;

export interface QueryTransfer {
	name: string;
	query: string;
	results: number;
	requests: number;
	/** Bytes under /pagefind/ as served by a host that compresses nothing. */
	bytes: number;
	/** The same with Pagefind's JavaScript gzipped, as GitHub Pages and CDNs serve it. */
	gzipBytes: number;
	/** Per kind of file (pagefind.js, wasm, meta, index, filter, fragment), counted as in `gzipBytes`. */
	byKind: Record<string, { requests: number; bytes: number }>;
	/** The search page itself (HTML, CSS, its script), gzipped; not part of `gzipBytes`. */
	pageGzipBytes: number;
}

export interface SearchBenchResult {
	records: number;
	indexedPages: number;
	buildSeconds: number;
	/** Pagefind's share of the build, as its integration logged it. */
	buildIndexSeconds: number | null;
	/** Indexing the built pages again, alone. */
	indexSeconds: number;
	indexFiles: number;
	indexBytes: number;
	queries: QueryTransfer[];
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
	let files = 0;
	let bytes = 0;
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		files++;
		bytes += (await stat(join(entry.parentPath, entry.name))).size;
	}
	return { files, bytes };
}

function kindOf(path: string): string {
	const file = path.slice(path.lastIndexOf('/') + 1);
	if (file.endsWith('.pf_fragment')) return 'fragment';
	if (file.endsWith('.pf_index')) return 'index';
	if (file.endsWith('.pf_filter')) return 'filter';
	if (file.endsWith('.pf_meta')) return 'meta';
	if (file.startsWith('wasm.')) return 'wasm';
	if (file === 'pagefind-worker.js') return 'worker';
	return file;
}

interface Seen {
	path: string;
	bytes: number;
	gzipBytes: number;
}

function transferOf(name: string, query: string, results: number, seen: Seen[]): QueryTransfer {
	const pagefind = seen.filter((f) => f.path.startsWith('/pagefind/'));
	const byKind: QueryTransfer['byKind'] = {};
	for (const file of pagefind) {
		const kind = kindOf(file.path);
		const entry = byKind[kind] ?? { requests: 0, bytes: 0 };
		entry.requests++;
		entry.bytes += file.gzipBytes;
		byKind[kind] = entry;
	}
	const sum = (files: Seen[], key: 'bytes' | 'gzipBytes') =>
		files.reduce((total, f) => total + f[key], 0);
	return {
		name,
		query,
		results,
		requests: pagefind.length,
		bytes: sum(pagefind, 'bytes'),
		gzipBytes: sum(pagefind, 'gzipBytes'),
		byKind,
		pageGzipBytes: sum(
			seen.filter((f) => !f.path.startsWith('/pagefind/')),
			'gzipBytes',
		),
	};
}

const COMPRESSIBLE = /\.(js|css|html?|json)$|\/$/;

export async function measureQueries(distDir: string): Promise<QueryTransfer[]> {
	const server = await serveStatic(distDir);
	const browser = await launchChromium();
	try {
		const transfers: QueryTransfer[] = [];
		for (const bench of BENCH_QUERIES) {
			const context = await browser.newContext();
			const page = await context.newPage();
			let seen: Promise<Seen>[] = [];
			page.on('response', (response) => {
				const path = new URL(response.url()).pathname;
				seen.push(
					response.body().then((body) => ({
						path,
						bytes: body.length,
						gzipBytes: COMPRESSIBLE.test(path) ? gzipSync(body).length : body.length,
					})),
				);
			});
			const answered = async (q: string) => {
				await page.waitForFunction(
					(text) => (document.getElementById('search-status')?.textContent ?? '').includes(text),
					`found for “${q}”`,
					{ timeout: 60_000 },
				);
				await page.waitForLoadState('networkidle');
				const status = (await page.locator('#search-status').textContent()) ?? '';
				return Number(/^(\d+)/.exec(status)?.[1] ?? 0);
			};
			const first = new URLSearchParams(bench.query).get('q') ?? '';
			await page.goto(`${server.url}/search/?${bench.query}`);
			const results = await answered(first);
			transfers.push(transferOf(bench.name, bench.query, results, await Promise.all(seen)));
			if ('next' in bench) {
				seen = [];
				await page.locator('#search-q').fill(bench.next);
				await page.locator('#search-q').press('Enter');
				const next = await answered(bench.next);
				transfers.push(
					transferOf('next query, same visit', `q=${bench.next}`, next, await Promise.all(seen)),
				);
			}
			await context.close();
		}
		return transfers;
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Index time, index size and per-query transfers of a built site's search. */
export async function measureSearch(
	distDir: string,
): Promise<Omit<SearchBenchResult, 'records' | 'buildSeconds' | 'buildIndexSeconds'>> {
	// In as many partitions as the build wrote, so the site's search page still finds them all.
	const partitions = searchPartitions((await recordPageIds(distDir)).length, {
		size: settings().searchPartitionSize,
	});
	const alone = await indexRecordPages(distDir, partitions);
	const size = await folderSize(alone.outputPaths[0] ?? '');
	return {
		indexedPages: alone.pages,
		indexSeconds: alone.seconds,
		indexFiles: size.files,
		indexBytes: size.bytes,
		// Without Chromium (see tests/helpers/browser.ts) there is nothing to measure queries in.
		queries: hasChromium ? await measureQueries(distDir) : [],
	};
}

/** Builds a synthetic register of N records (no OG images) and measures its search. */
export async function benchSearch(records: number): Promise<SearchBenchResult> {
	const { result, inspected } = await benchBuildOnce(records, measureSearch);
	return {
		records,
		buildSeconds: result.seconds,
		buildIndexSeconds: result.pagefindSeconds,
		...inspected,
	};
}

if (import.meta.main) {
	const records = Number(process.argv[2] ?? 10_000);
	const result = await benchSearch(records);
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	console.log(
		`search: ${result.records} records, ${result.indexedPages} pages indexed; build ${result.buildSeconds.toFixed(1)} s, ` +
			`Pagefind in build ${result.buildIndexSeconds?.toFixed(1) ?? 'n/a'} s, alone ${result.indexSeconds.toFixed(1)} s; ` +
			`index ${result.indexFiles} files, ${kb(result.indexBytes)}`,
	);
	for (const q of result.queries) {
		const kinds = Object.entries(q.byKind)
			.map(([kind, v]) => `${kind} ${v.requests}× ${kb(v.bytes)}`)
			.join(', ');
		console.log(
			`  ${q.name} (${q.query}): ${q.results} results, ${q.requests} requests, ${kb(q.gzipBytes)} gzipped ` +
				`(${kb(q.bytes)} uncompressed; budget ${kb(QUERY_BUDGET_BYTES)}) — ${kinds}; ` +
				`page itself ${kb(q.pageGzipBytes)} gzipped`,
		);
	}
}
