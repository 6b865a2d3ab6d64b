import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveDataDir } from '../lib/cli/data-dir.ts';
import { commitPlan, readPendingPlan, recordFiles } from '../lib/site/build-plan.ts';
import { writeRecordAssets } from '../lib/site/record-assets.ts';
import { registerFromDisk } from '../lib/site/register-from-disk.ts';

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
				const plan = readPendingPlan();
				const reused = new Set(plan?.reused ?? []);

				const assetsStarted = performance.now();
				const register = await registerFromDisk(resolveDataDir(), {
					allowPrivate: process.env.C0MM0_ALLOW_PRIVATE === '1',
				});
				const toWrite = new Set(register.records.filter((r) => !reused.has(r.id)).map((r) => r.id));
				const assets = await writeRecordAssets(
					outDir,
					register,
					toWrite,
					new URL('lib/og/og-worker.ts', srcDir),
				);
				for (const clash of assets.clashes) logger.warn(clash);
				logger.info(
					`wrote ${assets.files} record file(s) (JSON, badges, OG images; ${assets.ogDrawn} image(s) drawn) in ${((performance.now() - assetsStarted) / 1000).toFixed(1)} s`,
				);

				commitPlan();
				const keep = new Set([...reused].flatMap(recordFiles));
				const publicFiles = new Set(
					(await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []))
						.filter((d) => d.isFile())
						.map((d) => relative(publicDir, join(d.parentPath, d.name))),
				);
				let removed = 0;
				for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
					if (!entry.isFile()) continue;
					const file = join(entry.parentPath, entry.name);
					const path = relative(outDir, file);
					if (keep.has(path) || publicFiles.has(path) || path.startsWith('pagefind')) continue;
					if ((await stat(file)).mtimeMs >= started) continue;
					await rm(file);
					removed += 1;
				}
				logger.info(
					`${reused.size} record(s) kept from the last build, ${toWrite.size} rendered; ${removed} stale file(s) removed`,
				);
			},
		},
	};
}
