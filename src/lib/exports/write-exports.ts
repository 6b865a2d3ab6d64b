import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { Register } from '../register/assemble-register.ts';
import { globalSlot } from '../register/global-slot.ts';
import { distFile } from '../register/urls.ts';
import { writesWholeRegister } from '../site/build-shard.ts';
import { currentBuild } from '../site/build-state.ts';
import { SITE_EXPORTS } from './site-exports.ts';

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** What one export writes: a path of the site (urls.ts) and its content, in chunks. */
export interface ExportFile {
	path: string;
	/** Chunks, made as the file is written: a file of 100,000 rows never sits whole in memory. */
	content: () => Chunks;
	/** Rows the content held, read once it is written (for exports made of rows). */
	rows?: () => number;
}

/** One export of the whole register (downloads, DCAT-AP, OpenAPI, llms.txt, …). */
export interface SiteExport {
	name: string;
	files: (register: Register) => Iterable<ExportFile> | AsyncIterable<ExportFile>;
}

export interface ExportReport {
	name: string;
	path: string;
	seconds: number;
	/** Size of the file written. */
	bytes: number;
	/** Rows written, for exports made of rows; null otherwise. */
	rows: number | null;
}

/** Bytes handed to the file system at once: row-sized chunks would cost a write call each. */
const BLOCK_BYTES = 64 * 1024;

/** The chunks gathered into blocks of about BLOCK_BYTES; larger chunks pass as they are. */
async function* inBlocks(chunks: Chunks): AsyncGenerator<Uint8Array> {
	let pending: Uint8Array[] = [];
	let length = 0;
	for await (const chunk of chunks) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		pending.push(bytes);
		length += bytes.length;
		if (length >= BLOCK_BYTES) {
			yield pending.length === 1 ? bytes : Buffer.concat(pending);
			pending = [];
			length = 0;
		}
	}
	if (pending.length > 0) yield Buffer.concat(pending);
}

/**
 * Writes every export of the register into the output folder, one file after another so memory
 * holds one file's chunks at a time. Each file is written beside its target and renamed over it:
 * an export that fails leaves last night's file in place, and fails the build.
 */
export async function writeExports(
	outDir: string,
	register: Register,
	exports: readonly SiteExport[],
): Promise<ExportReport[]> {
	const reports: ExportReport[] = [];
	for (const siteExport of exports) {
		for await (const file of siteExport.files(register)) {
			const started = performance.now();
			const target = join(outDir, distFile(file.path));
			try {
				await writeFileAtomic(target, inBlocks(file.content()));
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				throw new Error(`The ${siteExport.name} export could not write ${file.path}: ${reason}`, {
					cause: error,
				});
			}
			reports.push({
				name: siteExport.name,
				path: file.path,
				seconds: (performance.now() - started) / 1000,
				bytes: (await stat(target)).size,
				rows: file.rows?.() ?? null,
			});
		}
	}
	return reports;
}

/** This build's run of the exports, shared by the pages and the integration (global-slot.ts). */
const run = globalSlot<{ outDir: string; reports: Promise<ExportReport[]> }>('c0mm0.exports');

/**
 * Writes every export of SITE_EXPORTS into the build's output folder once per build, and gives
 * every caller the same reports. The /downloads/ page shows the files' real sizes, so the first
 * page that needs them starts the run while pages render; the integration's build:done awaits
 * the same run (or starts it, when no page did) instead of writing the files twice. Shards 2..N
 * of a sharded build write none: shard 1 writes them, and the merge takes them from it.
 */
export function writeExportsOnce(
	outDir: string,
	register: () => Promise<Register>,
): Promise<ExportReport[]> {
	if (!writesWholeRegister()) return Promise.resolve([]);
	const folder = resolve(outDir);
	const current = run.get();
	if (current?.outDir === folder) return current.reports;
	const reports = register().then((r) => writeExports(folder, r, SITE_EXPORTS));
	run.set({ outDir: folder, reports });
	return reports;
}

/** Forgets this build's run, so a later build in the same process writes its exports anew. */
export function endExportsRun(): void {
	run.set(undefined);
}

/**
 * This build's export reports, for the pages that show the files' sizes: the first to ask starts
 * the run. Null outside a build (component tests, scripts), where there is no folder to write to.
 */
export function exportsOfThisBuild(
	register: () => Promise<Register>,
): Promise<ExportReport[]> | null {
	const build = currentBuild();
	return build ? writeExportsOnce(build.outDir, register) : null;
}
