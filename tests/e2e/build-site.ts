import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = join(import.meta.dirname, '..', '..');

/**
 * `npm run build` of this repository (scripts/build.ts) into `outDir`, in a child process with Node 24 (the tests'
 * own), its data and every cache kept in `work` (a temporary folder) so that no build reads or
 * writes another's. `env` adds settings (`C0MM0_DATA_DIR`, `C0MM0_SITE_URL`…). Returns what the
 * build printed.
 */
export async function buildSite(
	work: string,
	outDir: string,
	env: Record<string, string>,
): Promise<string> {
	const { stdout } = await run(
		process.execPath,
		[join(root, 'scripts', 'build.ts'), '--outDir', outDir],
		{
			cwd: root,
			env: {
				...process.env,
				C0MM0_ASTRO_CACHE_DIR: join(work, 'astro-cache'),
				C0MM0_CACHE_DIR: join(work, 'cache'),
				C0MM0_OG_CACHE_DIR: join(work, 'og-cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
				...env,
			},
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	return stdout;
}
