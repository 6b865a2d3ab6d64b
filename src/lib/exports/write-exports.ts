import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { Register } from '../register/assemble-register.ts';
import { distFile } from '../register/urls.ts';

/** What one export writes: a path of the site (urls.ts) and its content, in chunks. */
export interface ExportFile {
	path: string;
	/** Chunks, made as the file is written: a file of 100,000 rows never sits whole in memory. */
	content: () => AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;
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
			try {
				await writeFileAtomic(join(outDir, distFile(file.path)), file.content());
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
			});
		}
	}
	return reports;
}
