import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { isoDateDaysBefore, writeHistoryDay } from '../../src/lib/state/history-store.ts';
import { runVerify } from '../../src/lib/verify/run-verify.ts';
import { hasChromium } from '../helpers/browser.ts';
import { startFakeInternet } from '../helpers/fake-internet.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { FAST_LIMITS } from '../helpers/verify-fixture.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
		distDir: string;
		skipReason: string;
	}
}

/** Rewrites every file under `dir`, replacing {{HTTP}} with the fake internet's origin. */
async function fillPlaceholders(dir: string, origin: string): Promise<void> {
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name);
		await writeFile(file, (await readFile(file, 'utf8')).replaceAll('{{HTTP}}', origin));
	}
}

/**
 * Builds the fixture register the way production does — verify, then build — but against the
 * loopback "fake internet", then serves it for the browser tests. Runs once for the e2e project.
 */
export default async function setup(project: TestProject) {
	if (!hasChromium) {
		console.warn(
			'[e2e] Chromium is not installed at /usr/bin/chromium: the browser tests are skipped (apt-get install chromium)',
		);
		project.provide(
			'skipReason',
			'Chromium is not installed at /usr/bin/chromium (apt-get install chromium); browser tests skipped',
		);
		project.provide('siteUrl', '');
		project.provide('distDir', '');
		return;
	}
	const internet = await startFakeInternet();
	const work = await mkdtemp(join(tmpdir(), 'c0mm0-e2e-'));
	const dataDir = join(work, 'data');
	await cp(join(root, 'tests', 'fixtures', 'site-catalog'), dataDir, { recursive: true });
	await fillPlaceholders(dataDir, internet.http);

	// Ten earlier nights of history, so uptime and the history strip have something to show.
	const today = new Date().toISOString().slice(0, 10);
	for (let night = 1; night <= 10; night++) {
		const date = isoDateDaysBefore(today, night);
		await writeHistoryDay(dataDir, {
			date,
			outcomes: {
				'fr-e2e-registry-api': night === 4 ? 'X' : 'U',
				'fr-e2e-outage-api': night <= 2 ? 'X' : 'U',
				'de-e2e-plain-api': 'U',
			},
			// Two changes, one with a field name a hostile server chose: the change feeds have news to carry.
			changes:
				night === 2
					? [
							{
								type: 'outcome',
								id: 'fr-e2e-outage-api',
								at: `${date}T02:00:00.000Z`,
								from: 'up',
								to: 'down',
							},
						]
					: night === 3
						? [
								{
									type: 'schema',
									id: 'fr-e2e-registry-api',
									at: `${date}T02:00:00.000Z`,
									added: { parameters: [], fields: ['<img src=x onerror=alert(1)>'] },
									removed: { parameters: [], fields: [] },
								},
							]
						: [],
			runs: [],
		});
	}
	const verified = await runVerify({
		dataDir,
		allowAddresses: ['127.0.0.1'],
		limits: FAST_LIMITS,
		only: [
			'fr-e2e-registry-api',
			'fr-e2e-outage-api',
			'fr-e2e-shielded-api',
			'fr-e2e-broken-spec-api',
			'de-e2e-plain-api',
			'de-e2e-empty-dataset',
			'de-e2e-weather-dataset',
		],
	});
	if (verified.status !== 'completed')
		throw new Error(`fixture verify run failed: ${verified.reason}`);

	const distDir = join(work, 'dist');
	await mkdir(distDir, { recursive: true });
	await run(process.execPath, [join(root, 'scripts', 'build.ts'), '--outDir', distDir], {
		cwd: root,
		env: {
			...process.env,
			C0MM0_DATA_DIR: dataDir,
			C0MM0_ALLOW_PRIVATE: '1',
			C0MM0_ASTRO_CACHE_DIR: join(work, 'astro-cache'),
			C0MM0_CACHE_DIR: join(work, 'cache'),
			C0MM0_OG_CACHE_DIR: join(work, 'og-cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
		},
		maxBuffer: 64 * 1024 * 1024,
	});
	const server = await serveStatic(distDir);
	project.provide('siteUrl', server.url);
	project.provide('distDir', distDir);
	project.provide('skipReason', '');

	return async () => {
		await server.close();
		await internet.close();
		await rm(work, { recursive: true, force: true });
	};
}
