import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The nightly's hand-over from the job that runs code (merge) to the job that may write (commit),
 * run for real: the steps' scripts are read from nightly.yml and run by bash, as the runner does,
 * against a bare repository standing in for GitHub.
 */

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

interface Step {
	name?: string;
	run?: string;
	env?: Record<string, string>;
}
const nightly = parse(readFileSync(join(root, '.github', 'workflows', 'nightly.yml'), 'utf8')) as {
	env: Record<string, string>;
	jobs: Record<string, { steps: Step[] }>;
};

function step(job: string, name: string): Step {
	const found = nightly.jobs[job]?.steps.find((s) => s.name === name);
	if (!found?.run) throw new Error(`nightly.yml: no run step "${name}" in job ${job}`);
	return found;
}

const TOKEN = 'ghs_test_token_that_must_not_leak';

let base: string;
let origin: string;
/** A checkout of origin on one runner: the commit it holds is that job's GITHUB_SHA. */
interface Runner {
	repo: string;
	temp: string;
	sha: string;
}
let counter = 0;

function git(cwd: string, ...args: string[]): string {
	return execFileSync(
		'git',
		['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args],
		{ cwd, encoding: 'utf8', env: gitEnv() },
	).trim();
}

function gitEnv(): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
		HOME: base,
		GIT_CONFIG_NOSYSTEM: '1',
		GIT_CONFIG_GLOBAL: join(base, 'gitconfig'),
	};
}

async function write(repo: string, path: string, text: string): Promise<void> {
	await mkdir(dirname(join(repo, path)), { recursive: true });
	await writeFile(join(repo, path), text);
}

/** A fresh checkout of origin, as actions/checkout leaves it, and the runner's temp folder. */
async function runner(): Promise<Runner> {
	counter += 1;
	const repo = join(base, `runner-${counter}`);
	const temp = join(base, `runner-${counter}-temp`);
	await mkdir(temp);
	git(base, 'clone', '--quiet', origin, repo);
	return { repo, temp, sha: git(repo, 'rev-parse', 'HEAD') };
}

/** Runs a step's script as GitHub does (bash -eo pipefail), its ${{ }} env values filled in. */
async function runStep(
	found: Step,
	at: Runner,
	extra: Record<string, string> = {},
): Promise<{ code: number; output: string; github: string }> {
	const expressions: Record<string, string> = { 'runner.temp': at.temp, 'github.token': TOKEN };
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(found.env ?? {})) {
		env[key] = value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
			const filled = expressions[name];
			if (filled === undefined) throw new Error(`no value for \${{ ${name} }}`);
			return filled;
		});
	}
	const script = join(at.temp, `step-${Date.now()}.sh`);
	const output = join(at.temp, 'github-output');
	await writeFile(script, found.run ?? '');
	try {
		const { stdout, stderr } = await run(
			'bash',
			['--noprofile', '--norc', '-eo', 'pipefail', script],
			{
				cwd: at.repo,
				env: {
					...gitEnv(),
					...nightly.env,
					GITHUB_SHA: at.sha,
					RUNNER_TEMP: at.temp,
					GITHUB_OUTPUT: output,
					...env,
					...extra,
				},
			},
		);
		return { code: 0, output: stdout + stderr, github: readOutput(output) };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return {
			code: failure.code,
			output: failure.stdout + failure.stderr,
			github: readOutput(output),
		};
	}
}

function readOutput(file: string): string {
	return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Writes a patch, as the merge job hands it over, from whatever `change` does to a checkout. */
async function patchFrom(
	change: (repo: string) => Promise<void>,
	baseSha?: string,
): Promise<Runner> {
	const scratch = await runner();
	await change(scratch.repo);
	git(scratch.repo, 'add', '--all');
	const patch = execFileSync('git', ['diff', '--cached', '--binary', '--full-index'], {
		cwd: scratch.repo,
		env: gitEnv(),
	});
	await mkdir(join(scratch.temp, 'nightly-data'));
	await writeFile(join(scratch.temp, 'nightly-data', 'data.patch'), patch);
	await writeFile(join(scratch.temp, 'nightly-data', 'base'), `${baseSha ?? scratch.sha}\n`);
	return scratch;
}

/** Applies a handed-over patch in a fresh commit-job checkout (the runner it then pushes from). */
async function applyIn(from: Runner) {
	const at: Runner = { ...(await runner()), temp: from.temp };
	return { ...(await runStep(step('commit', APPLY), at)), at };
}
const APPLY = "Apply tonight's changes, measurements only";

beforeAll(async () => {
	base = await mkdtemp(join(tmpdir(), 'c0mm0-nightly-'));
	await writeFile(join(base, 'gitconfig'), '');
	origin = join(base, 'origin.git');
	git(base, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
	const seed = join(base, 'seed');
	git(base, 'clone', '--quiet', origin, seed);
	await write(seed, '.github/workflows/ci.yml', 'name: CI\n');
	await write(seed, 'data/catalog/fr/fr-one.md', '---\nid: fr-one\n---\n');
	await write(seed, 'data/snapshots/fr-one.json', '{"id":"fr-one","outcome":"down"}\n');
	await write(seed, 'data/snapshots/fr-gone.json', '{"id":"fr-gone","outcome":"up"}\n');
	git(seed, 'add', '--all');
	git(seed, 'commit', '--quiet', '-m', 'base');
	git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
});
afterAll(async () => {
	await rm(base, { recursive: true, force: true });
});

describe('the nightly hand-over from the merge job to the commit job', () => {
	it("commits and pushes exactly tonight's measurements, replayed on a main that moved", async () => {
		const merge = await runner();
		await write(merge.repo, 'data/snapshots/fr-one.json', '{"id":"fr-one","outcome":"up"}\n');
		await rm(join(merge.repo, 'data/snapshots/fr-gone.json'));
		await write(merge.repo, 'data/history/2026/2026-11-26.json', '{"fr-one":"up"}\n');
		await write(merge.repo, 'README.md', 'not a measurement\n');
		const packaged = await runStep(step('merge', "Package tonight's changes"), merge);
		expect(packaged.code, packaged.output).toBe(0);

		const applied = await applyIn(merge);
		expect(applied.code, applied.output).toBe(0);
		// A pull request merged during the night.
		const other = await runner();
		await write(other.repo, 'data/catalog/fr/fr-two.md', '---\nid: fr-two\n---\n');
		git(other.repo, 'add', '--all');
		git(other.repo, 'commit', '--quiet', '-m', 'merged pull request');
		git(other.repo, 'push', '--quiet', 'origin', 'HEAD:main');

		const pushed = await runStep(step('commit', 'Push'), applied.at);
		expect(pushed.code, pushed.output).toBe(0);
		const head = git(origin, 'rev-parse', 'main');
		expect(pushed.github).toBe(`sha=${head}\n`);
		expect(git(origin, 'log', '-1', '--format=%s', 'main')).toMatch(
			/^Nightly verification \d{4}-\d\d-\d\d$/,
		);
		expect(git(origin, 'diff', '--name-status', 'main^', 'main').split('\n')).toEqual([
			'A\tdata/history/2026/2026-11-26.json',
			'D\tdata/snapshots/fr-gone.json',
			'M\tdata/snapshots/fr-one.json',
		]);
		expect(git(origin, 'log', '-1', '--format=%s', 'main^')).toBe('merged pull request');
	});

	it('runs no git hook while it commits and pushes with the token', async () => {
		const from = await patchFrom(async (repo) => {
			await write(repo, 'data/history/2026/2026-11-27.json', '{"fr-one":"up"}\n');
		});
		const at: Runner = { ...(await runner()), temp: from.temp };
		const leak = join(base, 'leaked-token');
		for (const hook of ['pre-commit', 'commit-msg', 'post-commit', 'pre-push', 'post-rewrite']) {
			const file = join(at.repo, '.git', 'hooks', hook);
			await writeFile(file, `#!/bin/sh\necho "${hook} $GITHUB_TOKEN" >> '${leak}'\n`);
			chmodSync(file, 0o755);
		}
		const applied = await runStep(step('commit', APPLY), at);
		expect(applied.code, applied.output).toBe(0);
		const pushed = await runStep(step('commit', 'Push'), at);
		expect(pushed.code, pushed.output).toBe(0);
		expect(existsSync(leak)).toBe(false);
		expect(pushed.output).not.toContain(TOKEN);
		expect(readFileSync(join(at.repo, '.git', 'config'), 'utf8')).not.toContain('AUTHORIZATION');
	});

	it('pushes nothing and passes the checked-out commit on when nothing changed', async () => {
		const merge = await runner();
		const packaged = await runStep(step('merge', "Package tonight's changes"), merge);
		expect(packaged.code, packaged.output).toBe(0);
		expect(readFileSync(join(merge.temp, 'nightly-data', 'data.patch'), 'utf8')).toBe('');
		const before = git(origin, 'rev-parse', 'main');
		const applied = await applyIn(merge);
		expect(applied.code, applied.output).toBe(0);
		expect(applied.output).toContain('Nothing changed tonight.');
		const pushed = await runStep(step('commit', 'Push'), applied.at);
		expect(pushed.code, pushed.output).toBe(0);
		expect(pushed.github).toBe(`sha=${before}\n`);
		expect(git(origin, 'rev-parse', 'main')).toBe(before);
	});

	const hostile: [string, (repo: string) => Promise<void>, string][] = [
		[
			'a workflow changed beside the measurements',
			async (repo) => {
				await write(repo, 'data/history/2026/2026-11-28.json', '{}\n');
				await write(repo, '.github/workflows/ci.yml', 'name: CI\non: push\n');
			},
			'refused: .github/workflows/ci.yml is outside',
		],
		[
			'a folder that only starts like a machine-written one',
			async (repo) => {
				await write(repo, 'data/historyx/2026-11-28.json', '{}\n');
			},
			'refused: data/historyx/2026-11-28.json is outside',
		],
		[
			'a symbolic link among the history files',
			async (repo) => {
				await mkdir(join(repo, 'data/history/2026'), { recursive: true });
				await symlink('../../../.github/workflows/ci.yml', join(repo, 'data/history/2026/ci.json'));
			},
			'has mode 120000, not a regular file',
		],
		[
			'an executable snapshot',
			async (repo) => {
				await write(repo, 'data/snapshots/fr-x.json', '#!/bin/sh\n');
				chmodSync(join(repo, 'data/snapshots/fr-x.json'), 0o755);
			},
			'has mode 100755, not a regular file',
		],
		[
			'a file name that would start a workflow command',
			async (repo) => {
				await write(repo, 'data/history/x\n::add-mask::y.json', '{}\n');
			},
			"refused: $'data/history/x\\n::add-mask::y.json' is outside",
		],
	];

	for (const [what, change, message] of hostile) {
		it(`refuses tonight's patch, committing nothing, when it holds ${what}`, async () => {
			const from = await patchFrom(change);
			const applied = await applyIn(from);
			expect(applied.code, applied.output).not.toBe(0);
			expect(applied.output).toContain(message);
			expect(applied.output).toContain("::error title=Tonight's data was refused::");
			expect(applied.output).not.toMatch(/^::add-mask::/m);
			expect(git(applied.at.repo, 'rev-parse', 'HEAD')).toBe(applied.at.sha);
		});
	}

	it('refuses a patch made against another commit', async () => {
		const from = await patchFrom(async (repo) => {
			await write(repo, 'data/history/2026/2026-11-29.json', '{}\n');
		}, '0'.repeat(40));
		const applied = await applyIn(from);
		expect(applied.code).not.toBe(0);
		expect(applied.output).toContain('the patch was not made against');
		expect(git(applied.at.repo, 'rev-parse', 'HEAD')).toBe(applied.at.sha);
	});
});
