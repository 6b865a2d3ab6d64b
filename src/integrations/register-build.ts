import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveDataDir } from '../lib/cli/data-dir.ts';
import { registerFromDisk } from '../lib/register/register-from-disk.ts';
import { takeSharedRegister } from '../lib/register/shared-register.ts';
import { commitPlan, readPendingPlan, recordFiles } from '../lib/site/build-plan.ts';
import { writeRecordAssets } from '../lib/site/record-assets.ts';

/** Folders that hold one file (or folder) per record, by the URL contract. */
const RECORD_DIRS = ['records', 'api/v1/records', 'badges', 'og'];

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Removes what this build neither wrote nor kept. In the per-record folders, anything that does
 * not belong to a record of the current catalog — judged by name alone, as they hold tens of
 * thousands of files; elsewhere, any file older than this build other than public/'s static files.
 */
async function removeStaleFiles(
	outDir: string,
	ids: readonly string[],
	publicDir: string,
	started: number,
): Promise<{ removed: number; recordPages: number }> {
	const expected = new Set([...ids.flatMap(recordFiles), join('og', 'default.png')]);
	const recordDirs = new Set(RECORD_DIRS.map((d) => join(outDir, d)));
	const publicFiles = new Set(
		(await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []))
			.filter((d) => d.isFile())
			.map((d) => relative(publicDir, join(d.parentPath, d.name))),
	);
	let removed = 0;
	let recordPages = 0;
	const sweep = async (dir: string): Promise<void> => {
		for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
			const path = join(dir, entry.name);
			const rel = relative(outDir, path);
			if (rel === 'pagefind' || recordDirs.has(path)) {
				if (recordDirs.has(path)) await sweep(path);
				continue;
			}
			if (recordDirs.has(dir)) {
				const owned = entry.isDirectory() ? join(rel, 'index.html') : rel;
				if (!expected.has(owned)) {
					await rm(path, { recursive: true, force: true });
					removed += 1;
					if (owned.startsWith(`records${sep}`)) recordPages += 1;
				}
			} else if (entry.isDirectory()) {
				await sweep(path);
			} else if (!publicFiles.has(rel) && (await stat(path)).mtimeMs < started) {
				await rm(path);
				removed += 1;
			}
		}
	};
	await sweep(outDir);
	return { removed, recordPages };
}

/**
 * The build steps around Astro's own: per-record files written directly (see record-assets.ts),
 * incremental builds (see build-plan.ts), and the removal of whatever this build neither wrote
 * nor kept — pages of records that left the catalog, old hashed assets.
 */
export function registerBuild(): AstroIntegration {
	let started = 0;
	let publicDir = '';
	let srcDir: URL;
	return {
		name: 'c0mm0:register-build',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				// Keep the last build's output: files of unchanged records stay where they are.
				updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:config:done': ({ config }) => {
				process.env.C0MM0_OUT_DIR = fileURLToPath(config.outDir);
				publicDir = fileURLToPath(config.publicDir);
				srcDir = config.srcDir;
			},
			'astro:build:start': () => {
				// Whole seconds: some file systems keep coarse modification times.
				started = Math.floor(Date.now() / 1000) * 1000;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const reused = new Set(readPendingPlan()?.reused ?? []);
				const loading = performance.now();
				const shared = takeSharedRegister();
				const register = shared
					? await shared
					: await registerFromDisk(resolveDataDir(), {
							allowPrivate: process.env.C0MM0_ALLOW_PRIVATE === '1',
						});
				const loaded = `${seconds(loading)} s${shared ? ' (shared with the pages)' : ' (from disk)'}`;
				const toWrite = new Set(register.records.filter((r) => !reused.has(r.id)).map((r) => r.id));
				const writing = performance.now();
				const assets = await writeRecordAssets(
					outDir,
					register,
					toWrite,
					new URL('lib/og/og-worker.ts', srcDir),
				);
				for (const clash of assets.clashes) logger.warn(clash);
				logger.info(
					`loaded ${register.records.length} record(s) in ${loaded}; wrote ${assets.files} file(s) (JSON, badges, OG images; ${assets.ogDrawn} image(s) drawn) in ${seconds(writing)} s`,
				);
				commitPlan();
				const sweeping = performance.now();
				const { removed, recordPages } = await removeStaleFiles(
					outDir,
					register.records.map((r) => r.id),
					publicDir,
					started,
				);
				// The search index covers record pages only: unless one was written or removed, it stands.
				process.env.C0MM0_RECORD_PAGES_CHANGED = toWrite.size > 0 || recordPages > 0 ? '1' : '0';
				logger.info(
					`${reused.size} record(s) kept from the last build, ${toWrite.size} rendered; ${removed} stale file(s) removed in ${seconds(sweeping)} s`,
				);
			},
		},
	};
}
