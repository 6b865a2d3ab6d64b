import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const workflowDir = join(root, '.github', 'workflows');
const files = readdirSync(workflowDir)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort();

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
interface Job {
	permissions?: unknown;
	'timeout-minutes'?: number;
	steps?: Step[];
	uses?: string;
}
interface Workflow {
	on: unknown;
	permissions?: unknown;
	jobs: Record<string, Job>;
}

const workflows = files.map((name) => {
	const text = readFileSync(join(workflowDir, name), 'utf8');
	return { name, text, workflow: parse(text) as Workflow };
});

async function actionlint(
	args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['scripts/actionlint.ts', ...args], {
			cwd: root,
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

function triggers(on: unknown): string[] {
	if (typeof on === 'string') return [on];
	if (Array.isArray(on)) return on.map(String);
	return Object.keys((on ?? {}) as Record<string, unknown>);
}

describe('the workflows', () => {
	it('are the three the register runs on', () => {
		expect(files).toEqual(['ci.yml', 'entry-check.yml', 'nightly.yml']);
	});

	it('pass actionlint', async () => {
		const result = await actionlint([]);
		expect(result.stdout).toBe('');
		expect(result.code).toBe(0);
	});

	it('pin every action to a full commit SHA with its version in a comment', () => {
		for (const { name, text, workflow } of workflows) {
			const parsed = Object.values(workflow.jobs).flatMap((job) => [
				...(job.uses ? [job.uses] : []),
				...(job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])),
			]);
			const lines = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
			expect(lines.length, name).toBe(parsed.length);
			for (const line of lines) {
				expect(line, `${name}: ${line.trim()}`).toMatch(
					/uses: [\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/,
				);
			}
		}
	});

	it('never run on pull_request_target', () => {
		for (const { name, text, workflow } of workflows) {
			expect(triggers(workflow.on), name).not.toContain('pull_request_target');
			const code = text
				.split('\n')
				.filter((line) => !line.trimStart().startsWith('#'))
				.join('\n');
			expect(code, name).not.toContain('pull_request_target');
		}
	});

	it('give every job a timeout and explicit permissions', () => {
		for (const { name, workflow } of workflows) {
			for (const [id, job] of Object.entries(workflow.jobs)) {
				expect(job['timeout-minutes'], `${name}: ${id}`).toBeGreaterThan(0);
				expect(job.permissions ?? workflow.permissions, `${name}: ${id}`).toBeDefined();
			}
		}
	});

	it('keep untrusted event data out of run scripts', () => {
		for (const { name, workflow } of workflows) {
			for (const [id, job] of Object.entries(workflow.jobs)) {
				for (const step of job.steps ?? []) {
					if (!step.run) continue;
					const expressions = step.run.match(/\$\{\{[\s\S]*?\}\}/g) ?? [];
					for (const expression of expressions) {
						expect(expression, `${name}: ${id}`).not.toMatch(/github\.(event|head_ref)/);
					}
				}
			}
		}
	});

	it('pass step outputs to run scripts through env, never inline', () => {
		for (const { name, workflow } of workflows) {
			for (const job of Object.values(workflow.jobs)) {
				for (const step of job.steps ?? []) {
					expect(step.run ?? '', name).not.toContain('${{');
				}
			}
		}
	});

	it('check out without persisted credentials', () => {
		for (const { name, workflow } of workflows) {
			for (const job of Object.values(workflow.jobs)) {
				for (const step of job.steps ?? []) {
					if (step.uses?.startsWith('actions/checkout@')) {
						expect(step.with?.['persist-credentials'], name).toBe(false);
					}
				}
			}
		}
	});

	it('run the entry check with a read-only token and no secrets', () => {
		const check = workflows.find((w) => w.name === 'entry-check.yml');
		expect(check?.workflow.permissions).toEqual({ contents: 'read' });
		expect(triggers(check?.workflow.on)).toEqual(['pull_request']);
		expect(check?.text).not.toMatch(/secrets\.|github\.token/);
	});

	it('let only the nightly merge job write to the repository', () => {
		for (const { name, workflow } of workflows) {
			for (const [id, job] of Object.entries(workflow.jobs)) {
				const permissions = JSON.stringify(job.permissions ?? workflow.permissions ?? {});
				if (name === 'nightly.yml' && id === 'merge') continue;
				expect(permissions, `${name}: ${id}`).not.toContain('"contents":"write"');
			}
		}
	});
});

describe('npm run lint:actions', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'c0mm0-actionlint-'));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('prints file:line:col: message for each finding and exits 1', async () => {
		const file = join(dir, 'bad.yml');
		await writeFile(
			file,
			[
				'on: pull_request',
				'jobs:',
				'  greet:',
				'    runs-on: ubuntu-latest',
				'    steps:',
				// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
				'      - run: echo "${{ github.event.pull_request.title }}"',
				'',
			].join('\n'),
		);
		const result = await actionlint([file]);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(
			/^\S*bad\.yml:6:\d+: "github\.event\.pull_request\.title" is potentially untrusted/m,
		);
		expect(result.stderr).toContain('1 finding');
	});
});
