import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Every workflow, `.ci/run` and the README install with `npm ci`, which refuses a lock file out
 * of step with package.json — one that lacks another platform's optional binaries, for instance,
 * as `npm install` on a single machine can leave it. A dry run in a scratch folder holding copies
 * of the two files tells, offline and in about half a second, whether `npm ci` would accept them.
 */

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const packageJson = readFileSync(join(root, 'package.json'), 'utf8');
const lockFile = readFileSync(join(root, 'package-lock.json'), 'utf8');

/** The npm running this test (npm test, npx vitest), else `npm` on PATH, else none. */
function findNpm(): { command: string; args: string[] } | null {
	const execPath = process.env.npm_execpath;
	if (execPath && /^npm-cli\.[cm]?js$/.test(basename(execPath))) {
		return { command: process.execPath, args: [execPath] };
	}
	try {
		execFileSync('npm', ['--version'], { stdio: 'ignore' });
		return { command: 'npm', args: [] };
	} catch {
		return null;
	}
}

const npm = findNpm();
const NO_NPM = 'npm is not installed (neither npm_execpath nor npm on PATH): cannot ask npm ci';

async function npmCiDryRun(lock: string): Promise<{ code: number; output: string }> {
	if (!npm) throw new Error(NO_NPM);
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-npm-ci-'));
	try {
		await writeFile(join(dir, 'package.json'), packageJson);
		await writeFile(join(dir, 'package-lock.json'), lock);
		// --offline: the answer comes from the two files alone, never from a registry.
		const args = [
			...npm.args,
			'ci',
			'--dry-run',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--offline',
		];
		try {
			await run(npm.command, args, {
				cwd: dir,
				env: { ...process.env, npm_config_update_notifier: 'false' },
				maxBuffer: 16 * 1024 * 1024,
			});
			return { code: 0, output: '' };
		} catch (error) {
			const failure = error as { code: number; stdout: string; stderr: string };
			const errors = `${failure.stdout}\n${failure.stderr}`
				.split('\n')
				.filter((line) => line.startsWith('npm error') && line.trim() !== 'npm error');
			return { code: failure.code, output: errors.slice(0, 20).join('\n') };
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

describe('package-lock.json', () => {
	it('is accepted by npm ci', { timeout: 60_000 }, async (context) => {
		if (!npm) context.skip(NO_NPM);
		const result = await npmCiDryRun(lockFile);
		expect(
			result,
			'npm ci refuses package-lock.json: run `npm install` on a machine whose registry carries every platform, commit the lock',
		).toEqual({ code: 0, output: '' });
	});

	it('would be refused by npm ci if it lacked one platform binary', {
		timeout: 60_000,
	}, async (context) => {
		if (!npm) context.skip(NO_NPM);
		const lock = JSON.parse(lockFile) as { packages: Record<string, unknown> };
		const platformBinary = Object.keys(lock.packages).find((key) =>
			key.startsWith('node_modules/@astrojs/compiler-binding-darwin-'),
		);
		expect(
			platformBinary,
			'the lock should pin the macOS build of the Astro compiler',
		).toBeDefined();
		delete lock.packages[platformBinary as string];
		const result = await npmCiDryRun(`${JSON.stringify(lock, null, 2)}\n`);
		expect(result.code).not.toBe(0);
		expect(result.output).toContain(`Missing: ${platformBinary?.replace('node_modules/', '')}`);
	});
});
