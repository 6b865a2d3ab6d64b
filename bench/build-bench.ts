import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planDeploy, uploadTotals } from '../src/lib/deploy/deploy-plan.ts';
import { listLocalFiles } from '../src/lib/deploy/local-files.ts';
import { measureSite } from '../src/lib/deploy/site-size.ts';
import { distFile, pagePath } from '../src/lib/register/urls.ts';
import { type Measurement, measure } from './measure.ts';
import { writeSyntheticCatalog } from './synthetic-catalog.ts';
import { writeSyntheticState } from './synthetic-state.ts';

const ROOT = new URL('..', import.meta.url).pathname;

export interface BuildRun {
	seconds: number;
	peakRssMb: number | null;
	/** Build process plus its children (the Pagefind indexer runs as one). */
	peakTreeRssMb: number | null;
	pages: number | null;
	pagefindSeconds: number | null;
	/** Seconds spent writing the whole-register exports, as the build logged them. */
	exportSeconds: number | null;
}

/** The whole-register exports (issue 16) whose sizes the bench reports, one row each. */
export const EXPORT_FILES = [
	'recordsJson',
	'downloadCsv',
	'downloadNdjson',
	'downloadParquet',
	'downloadFields',
	'dcatTurtle',
	'dcatJsonLd',
	'openApi',
	'llmsTxt',
] as const;

/** Bytes of each export file of a built site (null when the build did not write it). */
async function exportSizes(outDir: string): Promise<{ path: string; bytes: number | null }[]> {
	return Promise.all(
		EXPORT_FILES.map(async (page) => {
			const path = pagePath(page);
			const bytes = await stat(join(outDir, distFile(path))).then(
				(s) => s.size,
				() => null,
			);
			return { path, bytes };
		}),
	);
}

/** The builds one benchmark can run, in this order; later ones need the cold build's caches. */
export const BUILD_PASSES = ['cold', 'full', 'incremental'] as const;
export type BuildPass = (typeof BUILD_PASSES)[number];

export interface BuildBenchResult {
	records: number;
	/** First build: empty caches, every OG image rendered. */
	cold: BuildRun;
	/** Second build, everything rendered again (C0MM0_FULL_BUILD=1), OG images from the content-hash cache. */
	warm: BuildRun | null;
	/** Incremental build after changing `changedShare` of the entries. */
	rebuild: BuildRun | null;
	changedShare: number;
	distBytes: number;
	files: number;
	/**
	 * What `npm run deploy` would upload to a bucket holding the full build, after the incremental
	 * one: the deploy's own plan (changed or new files by content hash), with no server.
	 */
	deployAfterChange: { files: number; bytes: number; deleted: number } | null;
	/** Mean size of a record page's HTML, and of its text without markup: the floor's pages. */
	recordPage: { bytes: number; textBytes: number };
	/** The whole-register exports of the last build, by path; part of `distBytes`. */
	exports: { path: string; bytes: number | null }[];
}

/** `npm run build`'s script, with the RSS reporter: Astro and Pagefind run as its children. */
function buildCommand(outDir: string): string[] {
	return [
		'--import',
		join(ROOT, 'bench', 'report-rss.ts'),
		join(ROOT, 'scripts', 'build.ts'),
		'--outDir',
		outDir,
	];
}

function parseRun(m: Measurement): BuildRun {
	if (m.code !== 0)
		throw new Error(
			`build failed (exit ${m.code}):\n${m.stderr.slice(-3000)}\n${m.stdout.slice(-3000)}`,
		);
	const pages = /(\d+) page\(s\) built/.exec(m.stdout);
	const pagefind = /indexed \d+ record page\(s\) in ([\d.]+) s/.exec(m.stdout);
	const exported = /export file\(s\) written \(([\d.]+) s of writing\)/.exec(m.stdout);
	return {
		seconds: m.seconds,
		peakRssMb: m.peakRssMb,
		peakTreeRssMb: m.peakTreeRssMb,
		pages: pages ? Number(pages[1]) : null,
		pagefindSeconds: pagefind ? Number(pagefind[1]) : null,
		exportSeconds: exported ? Number(exported[1]) : null,
	};
}

/** The text a reader sees: the page without its scripts, styles and tags. */
function visibleText(html: string): string {
	return html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
}

/** Mean size of the record pages (`records/<id>/index.html`) of a built site, and of their text. */
async function meanRecordPage(outDir: string): Promise<{ bytes: number; textBytes: number }> {
	const folder = join(outDir, 'records');
	let bytes = 0;
	let textBytes = 0;
	let pages = 0;
	for (const entry of await readdir(folder, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const html = await readFile(join(folder, entry.name, 'index.html'), 'utf8').catch(() => '');
		if (html === '') continue;
		bytes += Buffer.byteLength(html);
		textBytes += Buffer.byteLength(visibleText(html));
		pages += 1;
	}
	return pages === 0
		? { bytes: 0, textBytes: 0 }
		: { bytes: Math.round(bytes / pages), textBytes: Math.round(textBytes / pages) };
}

interface BuildFixture {
	dir: string;
	dataDir: string;
	outDir: string;
	written: Awaited<ReturnType<typeof writeSyntheticCatalog>>;
	build: (extra?: Record<string, string>) => Promise<BuildRun>;
}

/**
 * Share of APIs in the build bench's catalog: issue 15's budget of 30 KB per record is for a
 * catalog of 10 % APIs and 90 % datasets, which is what imports bring.
 */
export const BUILD_API_SHARE = 0.1;

/**
 * A synthetic catalog of N records (BUILD_API_SHARE of them APIs) with snapshots and history in
 * `<dir>/data`, and the settings that build it with every cache inside `dir`.
 */
export async function writeBenchCatalog(dir: string, records: number) {
	const dataDir = join(dir, 'data');
	const written = await writeSyntheticCatalog(dataDir, { records, apiShare: BUILD_API_SHARE });
	await writeSyntheticState(dataDir, written);
	const env = {
		C0MM0_DATA_DIR: dataDir,
		C0MM0_ASTRO_CACHE_DIR: join(dir, 'astro-cache'),
		C0MM0_CACHE_DIR: join(dir, 'cache'),
		C0MM0_OG_CACHE_DIR: join(dir, 'og-cache'),
		ASTRO_TELEMETRY_DISABLED: '1',
	};
	return { dataDir, written, env };
}

/** A synthetic register of N records with snapshots and history, and a way to build it. */
async function buildFixture(records: number): Promise<BuildFixture> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-bench-build-'));
	const { dataDir, written, env } = await writeBenchCatalog(dir, records);
	const outDir = join(dir, 'dist');
	const build = async (extra: Record<string, string> = {}) =>
		parseRun(
			await measure(process.execPath, buildCommand(outDir), {
				cwd: ROOT,
				env: { ...env, ...extra },
			}),
		);
	return { dir, dataDir, outDir, written, build };
}

/** One build without OG images, then `inspect` run on its output (the search benchmark). */
export async function benchBuildOnce<T>(
	records: number,
	inspect: (distDir: string) => Promise<T>,
): Promise<{ result: BuildRun; inspected: T }> {
	const fixture = await buildFixture(records);
	try {
		const result = await fixture.build({ C0MM0_SKIP_OG: '1' });
		return { result, inspected: await inspect(fixture.outDir) };
	} finally {
		await rm(fixture.dir, { recursive: true, force: true });
	}
}

/**
 * Builds a synthetic register of N records up to three times — cold (OG images drawn), full with
 * OG images from the cache, and incrementally after changing a share of the entries — and reports
 * time, peak memory and output size. `passes` leaves out the later builds (a 100,000-record run
 * measures the cold build only: each pass there takes the better part of an hour).
 */
export async function benchBuild(
	records: number,
	changedShare = 0.05,
	passes: ReadonlySet<BuildPass> = new Set(BUILD_PASSES),
): Promise<BuildBenchResult> {
	const fixture = await buildFixture(records);
	try {
		const cold = await fixture.build();
		const warm = passes.has('full') ? await fixture.build({ C0MM0_FULL_BUILD: '1' }) : null;
		const recordPage = await meanRecordPage(fixture.outDir);
		const exports = await exportSizes(fixture.outDir);
		if (!passes.has('incremental')) {
			const size = measureSite(fixture.outDir);
			return {
				records,
				cold,
				warm,
				rebuild: null,
				changedShare,
				distBytes: size.bytes,
				files: size.files,
				recordPage,
				exports,
				deployAfterChange: null,
			};
		}
		// The bucket as the last deploy left it: every file of this build, by content hash.
		const deployed = (await listLocalFiles(fixture.outDir)).map((f) => ({
			path: f.path,
			etag: f.md5,
		}));
		const step = Math.max(1, Math.round(1 / changedShare));
		for (let i = 0; i < fixture.written.length; i += step) {
			const record = fixture.written[i];
			if (!record) continue;
			const file = join(
				fixture.dataDir,
				'catalog',
				record.country.toLowerCase(),
				`${record.id}.md`,
			);
			const text = await readFile(file, 'utf8');
			await writeFile(file, text.replace(/^summary: (.*)$/m, 'summary: $1 Updated.'));
		}
		const rebuild = await fixture.build();
		// One read of the rebuilt site serves both its size and the deploy's plan.
		const built = await listLocalFiles(fixture.outDir);
		const plan = planDeploy(built, deployed);
		return {
			records,
			cold,
			warm,
			rebuild,
			changedShare,
			distBytes: built.reduce((sum, f) => sum + f.size, 0),
			files: built.length,
			recordPage,
			exports,
			deployAfterChange: { ...uploadTotals(plan), deleted: plan.remove.length },
		};
	} finally {
		await rm(fixture.dir, { recursive: true, force: true });
	}
}
