import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveDataDir } from '../lib/cli/data-dir.ts';
import { endExportsRun, writeExportsOnce } from '../lib/exports/write-exports.ts';
import { registerFromDisk } from '../lib/register/register-from-disk.ts';
import { takeSharedRegister } from '../lib/register/shared-register.ts';
import { settings } from '../lib/settings/read-settings.ts';
import { commitPlan, readPendingPlan } from '../lib/site/build-plan.ts';
import { ownRecords } from '../lib/site/build-shard.ts';
import { startBuild } from '../lib/site/build-state.ts';
import { writeRecordAssets } from '../lib/site/record-assets.ts';
import { removeStaleFiles } from '../lib/site/stale-files.ts';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * The build steps around Astro's own: per-record files written directly (see record-assets.ts),
 * incremental builds (see build-plan.ts), and the removal of whatever this build neither wrote
 * nor kept — pages of records that left the catalog, old hashed assets.
 */
export function registerBuild(): AstroIntegration {
	let started = 0;
	let publicDir = '';
	let srcDir: URL;
	let building = false;
	return {
		name: 'c0mm0:register-build',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				building = command === 'build';
				// Keep the last build's output: files of unchanged records stay where they are.
				updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:config:done': ({ config }) => {
				// Only a build has an output folder to plan for and write exports into: the dev server
				// must neither skip record pages nor write into dist/ when a page asks for the exports.
				// (import.meta.env.DEV cannot tell: a build run with NODE_ENV=test, as the tests do, is
				// not "production" to Vite.)
				if (building) startBuild({ outDir: fileURLToPath(config.outDir) });
				// A run left by an earlier build in this process (one that failed) is not this build's.
				endExportsRun();
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
					: await registerFromDisk(resolveDataDir(), { allowPrivate: settings().allowPrivate });
				const loaded = `${seconds(loading)} s${shared ? ' (shared with the pages)' : ' (from disk)'}`;
				const own = ownRecords(register.records);
				const toWrite = new Set(own.filter((r) => !reused.has(r.id)).map((r) => r.id));
				const writing = performance.now();
				const assets = await writeRecordAssets(outDir, register, toWrite, {
					ogWorkerUrl: new URL('lib/og/og-worker.ts', srcDir),
					ogCacheDir: settings().ogCacheDir,
					skipOg: settings().skipOg,
				});
				for (const clash of assets.clashes) logger.warn(clash);
				logger.info(
					`loaded ${register.records.length} record(s) in ${loaded}; wrote ${assets.files} file(s) (JSON, badges, OG images; ${assets.ogDrawn} image(s) drawn) in ${seconds(writing)} s`,
				);
				// Exports cover the whole register: written on every build, once — by the /downloads/
				// page while pages render (it shows their sizes), or here when no page asked.
				const exporting = performance.now();
				const exported = await writeExportsOnce(outDir, async () => register);
				endExportsRun();
				if (exported.length > 0)
					logger.info(
						`${exported.length} export file(s) written (${exported.reduce((s, e) => s + e.seconds, 0).toFixed(1)} s of writing), awaited ${seconds(exporting)} s`,
					);
				commitPlan();
				const sweeping = performance.now();
				const { removed } = await removeStaleFiles(
					outDir,
					own.map((r) => ({
						id: r.id,
						kind: r.entry.kind,
						publisher: r.entry.publisher,
					})),
					publicDir,
					started,
				);
				logger.info(
					`${own.length - toWrite.size} record(s) kept from the last build, ${toWrite.size} rendered; ${removed} stale file(s) removed in ${seconds(sweeping)} s`,
				);
			},
		},
	};
}
