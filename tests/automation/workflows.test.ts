import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { machineWrittenPaths } from '../../src/lib/catalog/machine-written.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const workflowDir = join(root, '.github', 'workflows');
const files = readdirSync(workflowDir)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort();

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
	'continue-on-error'?: unknown;
}
interface Job {
	permissions?: unknown;
	'timeout-minutes'?: number;
	steps?: Step[];
	uses?: string;
	container?: unknown;
	services?: unknown;
}
interface Workflow {
	on: unknown;
	permissions?: unknown;
	env?: Record<string, unknown>;
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

/** Whether a job (or its workflow, when the job sets none) may write to the repository. */
function writesContents(job: Job, workflow: Workflow): boolean {
	const permissions = job.permissions ?? workflow.permissions;
	if (permissions === 'write-all') return true;
	return (permissions as Record<string, unknown> | undefined)?.contents === 'write';
}

/** A GitHub path filter as a regular expression: `**` crosses folders, `*` does not. */
function pathFilter(pattern: string): RegExp {
	const source = pattern
		.split(/(\*\*\/?|\*)/)
		.map((part) => {
			if (part.startsWith('**')) return '.*';
			if (part === '*') return '[^/]*';
			return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('');
	return new RegExp(`^${source}$`);
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

	it('let only the nightly commit job write to the repository', () => {
		const writers = workflows.flatMap(({ name, workflow }) =>
			Object.entries(workflow.jobs)
				.filter(([, job]) => writesContents(job, workflow))
				.map(([id]) => `${name}: ${id}`),
		);
		expect(writers).toEqual(['nightly.yml: commit']);
	});

	it('install with npm ci, never npm install (workflows, .ci/run, README)', () => {
		const sources = [
			...workflows.map(({ name, text }) => ({ name, text })),
			...['.ci/run', 'README.md'].map((name) => ({
				name,
				text: readFileSync(join(root, name), 'utf8'),
			})),
		];
		for (const { name, text } of sources) {
			expect(text, name).not.toMatch(/\bnpm\s+(install|i|add|isntall)\b/);
		}
	});

	it('run no npm, npx, node, repository script or third-party action in a job that can write to the repository', () => {
		// Install scripts, the project's code and third-party actions could plant a git hook or read
		// the token; a writing job runs only the official checkout and download actions, and git.
		const runsCode =
			/(^|[\s;&|(`$'"])(npm|npx|node|nodejs|pnpm|yarn|corepack|bun|deno|tsx|python3?|make|sh|bash|source|\.)(\s|$)|(^|[\s;&|(`'"=])(\.{1,2}\/|scripts\/|\.ci\/|node_modules\/)/m;
		for (const { name, workflow } of workflows) {
			for (const [id, job] of Object.entries(workflow.jobs)) {
				if (!writesContents(job, workflow)) continue;
				const where = `${name}: ${id}`;
				expect(job.uses, where).toBeUndefined();
				expect(job.container, where).toBeUndefined();
				expect(job.services, where).toBeUndefined();
				for (const step of job.steps ?? []) {
					if (step.uses) {
						expect(step.uses, where).toMatch(
							/^actions\/(checkout|download-artifact)@[0-9a-f]{40}$/,
						);
					}
					if (step.uses?.startsWith('actions/checkout@')) {
						expect(step.with?.['persist-credentials'], where).toBe(false);
					}
					expect(step.run ?? '', `${where}: ${step.name}`).not.toMatch(runsCode);
				}
			}
		}
	});

	it('hand the token only to the step that pushes, and each other secret to one step of a read-only job', () => {
		const token = /github\.token|secrets\./;
		// The other secrets, each in one step's environment only, in jobs without write access: the
		// Dutch API register's free read-only key for the import, and the object store's
		// credentials for its deploy (under the names the AWS SDK reads).
		const allowed = [
			{ job: 'import', step: 'Import', env: 'C0MM0_NL_API_KEY', secret: 'C0MM0_NL_API_KEY' },
			{
				job: 'deploy-s3',
				step: 'Deploy',
				env: 'AWS_ACCESS_KEY_ID',
				secret: 'C0MM0_DEPLOY_ACCESS_KEY_ID',
			},
			{
				job: 'deploy-s3',
				step: 'Deploy',
				env: 'AWS_SECRET_ACCESS_KEY',
				secret: 'C0MM0_DEPLOY_SECRET_ACCESS_KEY',
			},
		];
		const seen = new Set<string>();
		for (const { name, workflow } of workflows) {
			for (const [id, job] of Object.entries(workflow.jobs)) {
				const { steps = [], ...rest } = job;
				expect(JSON.stringify(rest), `${name}: ${id}`).not.toMatch(token);
				for (const step of steps) {
					const { env: stepEnv = {}, ...others } = step;
					expect(JSON.stringify(others), `${name}: ${id}: ${step.name}`).not.toMatch(token);
					const env = { ...stepEnv };
					for (const secret of allowed) {
						if (name !== 'nightly.yml' || id !== secret.job || step.name !== secret.step) continue;
						expect(env[secret.env]).toBe(`\${{ secrets.${secret.secret} }}`);
						expect(writesContents(job, workflow), id).toBe(false);
						delete env[secret.env];
						seen.add(secret.env);
					}
					if (JSON.stringify(env).match(token)) {
						expect(step.run, `${name}: ${id}: ${step.name}`).toMatch(/\bpush origin\b/);
					}
				}
			}
		}
		expect([...seen].sort()).toEqual(allowed.map((secret) => secret.env).sort());
		expect(JSON.stringify(workflows.map(({ workflow }) => workflow.env ?? {}))).not.toMatch(token);
	});

	it('deploy to GitHub Pages unless the repository variable picks s3, and to object storage only then', () => {
		const nightly = workflows.find((w) => w.name === 'nightly.yml')?.workflow;
		const jobs = (nightly?.jobs ?? {}) as Record<string, Job & { needs?: unknown; if?: string }>;
		const expression = (test: string) => `\${{ vars.C0MM0_DEPLOY_TARGET ${test} 's3' }}`;
		const [isS3, notS3] = [expression('=='), expression('!=')];
		// After the one-job build, or after the merge of a sharded one.
		const built =
			"!cancelled() && needs.build.result == 'success' && needs.merge-site.result != 'failure'";
		const afterBuild = (target: string) => target.replace('${{ ', `\${{ ${built} && `);
		expect(jobs.deploy?.if).toBe(afterBuild(notS3));
		expect(jobs['deploy-s3']?.if).toBe(afterBuild(isS3));
		expect(jobs['deploy-s3']?.needs).toEqual(['build', 'merge-site']);
		expect(jobs.deploy?.needs).toEqual(['build', 'merge-site']);
		const whole = (target: string) => target.replace('${{ ', '${{ matrix.shard == 0 && ');
		for (const [job, publish] of [
			['build', whole],
			['merge-site', (t: string) => t],
		] as const) {
			const steps = jobs[job]?.steps ?? [];
			const pagesArtifact = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
			expect((pagesArtifact as { if?: string } | undefined)?.if, job).toBe(publish(notS3));
			const siteArtifact = steps.find(
				(s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.name === 'site',
			);
			expect((siteArtifact as { if?: string } | undefined)?.if, job).toBe(publish(isS3));
		}
		const build = jobs.build?.steps ?? [];
		const deploy = jobs['deploy-s3']?.steps?.find((s) => s.name === 'Deploy');
		expect(deploy?.run).toBe('npm run deploy -- --target s3 --dir dist');
		// A misspelt target fails the build instead of falling back to a host nobody chose.
		const check = build.find((s) => s.name === 'Check the deploy target');
		expect(check?.run).toMatch(/\*\)\s+echo "::error title=Unknown deploy target::/);
	});

	it('build in one job below the sharding threshold, else in shards the merge job waits for', () => {
		const nightly = workflows.find((w) => w.name === 'nightly.yml')?.workflow;
		const jobs = (nightly?.jobs ?? {}) as Record<
			string,
			Job & { needs?: unknown; if?: string; strategy?: { matrix?: { shard?: unknown } } }
		>;
		const plan = jobs['build-plan']?.steps?.find((s) => s.name === 'Count the records');
		expect(plan?.run).toBe('node scripts/build-shards.ts data >> "$GITHUB_OUTPUT"');
		expect(jobs.build?.needs).toEqual(['commit', 'build-plan']);
		expect(jobs.build?.strategy?.matrix?.shard).toBe(
			`\${{ fromJSON(needs.build-plan.outputs.shards) }}`,
		);
		const build = jobs.build?.steps?.find((s) => s.name === 'Build');
		expect(build?.run).toMatch(
			/npm run build -- --shard "\$SHARD\/\$SHARDS" --built-at "\$BUILT_AT"/,
		);
		expect(build?.env?.BUILT_AT).toBe(`\${{ needs.build-plan.outputs.built-at }}`);
		const shardUpload = jobs.build?.steps?.find((s) => s.name === 'Hand the shard to the merge');
		expect(shardUpload?.with?.name).toBe(`site-shard-\${{ matrix.shard }}`);
		// The merge runs only for a sharded build, after every shard job.
		expect(jobs['merge-site']?.needs).toEqual(['commit', 'build-plan', 'build']);
		expect(jobs['merge-site']?.if).toMatch(/needs\.build\.result == 'success'/);
		expect(jobs['merge-site']?.if).toMatch(/needs\.build-plan\.outputs\.shards != '\[0\]'/);
		const merge = jobs['merge-site']?.steps ?? [];
		const fetched = merge.findIndex((s) => s.with?.pattern === 'site-shard-*');
		const merged = merge.findIndex((s) => s.run?.includes('npm run build:merge -- --out dist'));
		expect(fetched).toBeGreaterThan(-1);
		expect(merged).toBeGreaterThan(fetched);
	});

	it('list the machine-written folders the nightly commits exactly as the catalog module does', () => {
		const nightly = workflows.find((w) => w.name === 'nightly.yml');
		const listed = String(nightly?.workflow.env?.MACHINE_WRITTEN_DIRS ?? '').split(/\s+/);
		expect(listed).toEqual(machineWrittenPaths());
	});

	it('import the sources before verifying, and hand the import to the shards and the merge patch', () => {
		const nightly = workflows.find((w) => w.name === 'nightly.yml')?.workflow;
		const jobs = (nightly?.jobs ?? {}) as Record<string, Job & { needs?: unknown }>;
		expect(jobs.import?.steps?.some((s) => s.run?.includes('npm run import'))).toBe(true);
		expect(jobs.verify?.needs).toBe('import');
		const upload = jobs.import?.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
		expect(upload?.with).toMatchObject({ name: 'imported', path: 'data/imported/' });
		for (const job of ['verify', 'merge']) {
			const steps = jobs[job]?.steps ?? [];
			const fetched = steps.findIndex(
				(s) => s.uses?.startsWith('actions/download-artifact@') && s.with?.name === 'imported',
			);
			const used = steps.findIndex((s) => s.run?.includes('data/imported'));
			expect(fetched, job).toBeGreaterThan(-1);
			expect(used, job).toBeGreaterThan(fetched);
		}
		const merge = jobs.merge?.steps ?? [];
		expect(merge.findIndex((s) => s.run?.includes('data/imported'))).toBeLessThan(
			merge.findIndex((s) => s.name === "Package tonight's changes"),
		);
	});

	it('run the entry check, and its refusal of machine-written files, when a pull request touches them', () => {
		const check = workflows.find((w) => w.name === 'entry-check.yml');
		const on = check?.workflow.on as {
			pull_request: { paths?: string[]; 'paths-ignore'?: string[] };
		};
		expect(on.pull_request['paths-ignore']).toBeUndefined();
		const filters = (on.pull_request.paths ?? []).map(pathFilter);
		for (const folder of machineWrittenPaths()) {
			for (const file of [`${folder}/x.json`, `${folder}/2026/2026-08-01.json`]) {
				expect(
					filters.some((filter) => filter.test(file)),
					file,
				).toBe(true);
			}
		}
		const steps = Object.values(check?.workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
		const refusal = steps.findIndex((step) =>
			/changed-entries\b.*> \/dev\/null/.test(step.run ?? ''),
		);
		const verify = steps.findIndex((step) => /npm run verify\b/.test(step.run ?? ''));
		expect(refusal).toBeGreaterThan(-1);
		expect(refusal).toBeLessThan(verify);
		expect(steps[refusal]?.['continue-on-error']).toBeUndefined();
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

	it('accepts repository variables, and still reports a misspelt context', async () => {
		const file = join(dir, 'vars.yml');
		const workflow = (context: string) =>
			[
				'on: push',
				'jobs:',
				'  greet:',
				'    runs-on: ubuntu-latest',
				`    if: \${{ ${context}.C0MM0_DEPLOY_TARGET == 's3' }}`,
				'    steps:',
				'      - run: echo "$TARGET"',
				'        env:',
				`          TARGET: \${{ ${context}.C0MM0_DEPLOY_TARGET }}`,
				'',
			].join('\n');
		await writeFile(file, workflow('vars'));
		expect(await actionlint([file])).toMatchObject({ code: 0, stdout: '' });
		await writeFile(file, workflow('varz'));
		const misspelt = await actionlint([file]);
		expect(misspelt.code).toBe(1);
		expect(misspelt.stdout).toMatch(/vars\.yml:5:\d+: undefined variable "varz"/);
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
