import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	changedEntryIds,
	classifyDataPath,
	machineWrittenChanges,
	machineWrittenRefusal,
	parseNameStatus,
} from '../../src/lib/contrib/changed-entries.ts';
import { apiEntry, DINUM_PUBLISHER } from '../helpers/temp-catalog.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

const ENTRIES = [
	{ id: 'fr-one', publisher: 'dinum' },
	{ id: 'fr-two', publisher: 'dinum' },
	{ id: 'de-three', publisher: 'destatis' },
];

describe('changedEntryIds', () => {
	it('returns the ids of added and modified entry files', () => {
		expect(
			changedEntryIds(
				[
					{ status: 'added', path: 'data/catalog/fr/fr-new.md' },
					{ status: 'modified', path: 'data/catalog/de/de-three.md' },
				],
				ENTRIES,
			),
		).toEqual(['de-three', 'fr-new']);
	});

	it('treats a bare path as changed', () => {
		expect(changedEntryIds(['data/catalog/fr/fr-one.md'], ENTRIES)).toEqual(['fr-one']);
	});

	it('checks every entry of a publisher whose file changed', () => {
		expect(changedEntryIds(['data/publishers/dinum.yaml'], ENTRIES)).toEqual(['fr-one', 'fr-two']);
	});

	it('ignores deleted files', () => {
		expect(
			changedEntryIds(
				[
					{ status: 'deleted', path: 'data/catalog/fr/fr-one.md' },
					{ status: 'deleted', path: 'data/publishers/destatis.yaml' },
				],
				ENTRIES,
			),
		).toEqual([]);
	});

	it('ignores files that are not entries or publishers', () => {
		expect(
			changedEntryIds(
				[
					'README.md',
					'src/lib/catalog/load-catalog.ts',
					'data/snapshots/fr-one.json',
					'data/history/2026/2026-11-23.json',
					'data/catalog/README.md',
					'data/catalog/fr/notes.txt',
					'data/catalog/fr/sub/fr-deep.md',
					'data/publishers/dinum.yml',
					'other/catalog/fr/fr-one.md',
				],
				ENTRIES,
			),
		).toEqual([]);
	});

	it('ignores file names that could smuggle text into CI outputs', () => {
		expect(
			changedEntryIds(['data/catalog/fr/fr-x\nids=evil.md', 'data/catalog/fr/a,b.md'], ENTRIES),
		).toEqual([]);
	});

	it('follows a data dir that is not ./data', () => {
		expect(classifyDataPath('tests/fixtures/x/catalog/fr/fr-a.md', 'tests/fixtures/x')).toEqual({
			entry: 'fr-a',
		});
		expect(classifyDataPath('catalog/fr/fr-a.md', '')).toEqual({ entry: 'fr-a' });
		expect(classifyDataPath('data/catalog/fr/fr-a.md', './data/')).toEqual({ entry: 'fr-a' });
	});

	it('returns each id once, sorted', () => {
		expect(
			changedEntryIds(
				['data/catalog/fr/fr-two.md', 'data/publishers/dinum.yaml', 'data/catalog/fr/fr-two.md'],
				ENTRIES,
			),
		).toEqual(['fr-one', 'fr-two']);
	});
});

describe('machineWrittenChanges', () => {
	it('picks out every added, modified or deleted snapshot, history day and imported record', () => {
		const changes = [
			{ status: 'added', path: 'data/history/2026/2026-08-01.json' },
			{ status: 'modified', path: 'data/snapshots/fr-one.json' },
			{ status: 'deleted', path: 'data/imported/api-gouv-fr/fr-x.json' },
			{ status: 'added', path: 'data/catalog/fr/fr-new.md' },
			{ status: 'modified', path: 'data/publishers/dinum.yaml' },
		] as const;
		expect(machineWrittenChanges(changes)).toEqual(changes.slice(0, 3));
	});

	it('catches a rename into or out of a machine-written folder, as git reports it without renames', () => {
		expect(
			machineWrittenChanges(
				parseNameStatus(
					[
						'D',
						'data/snapshots/fr-one.json',
						'A',
						'data/notes/fr-one.json',
						'D',
						'data/catalog/fr/fr-two.md',
						'A',
						'data/history/2026/2026-08-02.json',
						'',
					].join('\0'),
				),
			),
		).toEqual([
			{ status: 'deleted', path: 'data/snapshots/fr-one.json' },
			{ status: 'added', path: 'data/history/2026/2026-08-02.json' },
		]);
	});

	it('catches a machine-written folder, or a folder above it, replaced by a file or a link', () => {
		expect(machineWrittenChanges(['data/history', 'data', 'data/historyx/a.json'])).toEqual([
			{ status: 'modified', path: 'data/history' },
			{ status: 'modified', path: 'data' },
		]);
	});

	it('follows a data dir that is not ./data', () => {
		expect(
			machineWrittenChanges(['fixtures/x/snapshots/a.json', 'data/snapshots/a.json'], 'fixtures/x'),
		).toEqual([{ status: 'modified', path: 'fixtures/x/snapshots/a.json' }]);
		expect(machineWrittenChanges(['history/2026/2026-01-01.json'], '')).toHaveLength(1);
	});
});

describe('machineWrittenRefusal', () => {
	it('names each file, says that only the nightly job writes them, and how to drop them', () => {
		expect(
			machineWrittenRefusal([
				{ status: 'added', path: 'data/history/2026/2026-08-01.json' },
				{ status: 'deleted', path: 'data/snapshots/fr-one.json' },
			]),
		).toMatchInlineSnapshot(`
			"this pull request changes 2 machine-written file(s):
			  added    data/history/2026/2026-08-01.json
			  deleted  data/snapshots/fr-one.json
			data/snapshots, data/history, data/imported hold measurements and imported records: they are written only by the nightly job, from what it checked itself, and a pull request may not add, change, delete or rename them.
			Fix: drop these files from the pull request — git restore --source=origin/main --staged --worktree -- data/history data/snapshots (origin/main: your pull request's base), then commit and push."
		`);
	});

	it('prints a hostile file name on one line, with no control character or workflow command', () => {
		const message = machineWrittenRefusal([
			{ status: 'added', path: 'data/history/x\n::add-mask::y\u001b[2J\u202e##[error]z.json' },
		]);
		expect(message.split('\n')[1]).toBe('  added    data/history/x ::add-mask::y## [error]z.json');
		expect(message).not.toMatch(/^\s*::|##\[/m);
	});
});

describe('parseNameStatus', () => {
	it('reads git diff --name-status -z output', () => {
		const output = [
			'A',
			'data/catalog/fr/fr-new.md',
			'M',
			'data/publishers/dinum.yaml',
			'D',
			'data/catalog/fr/fr-gone.md',
			'T',
			'with space.md',
			'',
		].join('\0');
		expect(parseNameStatus(output)).toEqual([
			{ status: 'added', path: 'data/catalog/fr/fr-new.md' },
			{ status: 'modified', path: 'data/publishers/dinum.yaml' },
			{ status: 'deleted', path: 'data/catalog/fr/fr-gone.md' },
			{ status: 'modified', path: 'with space.md' },
		]);
	});

	it('reads nothing from empty output', () => {
		expect(parseNameStatus('')).toEqual([]);
	});
});

describe('npm run changed-entries', () => {
	let repo: string;
	const git = (...args: string[]) =>
		execFileSync(
			'git',
			[
				'-c',
				'user.name=Test',
				'-c',
				'user.email=test@example.org',
				'-c',
				'commit.gpgsign=false',
				...args,
			],
			{ cwd: repo, encoding: 'utf8' },
		);
	const write = async (path: string, text: string) => {
		await mkdir(dirname(join(repo, path)), { recursive: true });
		await writeFile(join(repo, path), text);
	};

	beforeAll(async () => {
		repo = await mkdtemp(join(tmpdir(), 'c0mm0-changed-'));
		git('init', '--quiet', '--initial-branch=main');
		await write('data/publishers/dinum.yaml', DINUM_PUBLISHER);
		await write(
			'data/catalog/fr/fr-one.md',
			apiEntry({ id: 'fr-one', baseUrl: 'https://api.numerique.gouv.fr/one' }),
		);
		await write(
			'data/catalog/fr/fr-two.md',
			apiEntry({ id: 'fr-two', baseUrl: 'https://api.numerique.gouv.fr/two' }),
		);
		await write(
			'data/catalog/fr/fr-gone.md',
			apiEntry({ id: 'fr-gone', baseUrl: 'https://api.numerique.gouv.fr/gone' }),
		);
		await write('data/snapshots/fr-one.json', '{"id":"fr-one","outcome":"down"}\n');
		git('add', '-A');
		git('commit', '--quiet', '-m', 'base');

		// 89 past nights of "up" and a snapshot to match: what a pull request must not plant.
		git('checkout', '--quiet', '-b', 'planted-history');
		for (let day = 1; day <= 89; day++) {
			const date = new Date(Date.UTC(2026, 7, day)).toISOString().slice(0, 10);
			await write(
				`data/history/2026/${date}.json`,
				`{"date":"${date}","records":{"fr-one":"up"}}\n`,
			);
		}
		await write('data/snapshots/fr-one.json', '{"id":"fr-one","outcome":"up"}\n');
		await write(
			'data/catalog/fr/fr-planted.md',
			apiEntry({ id: 'fr-planted', baseUrl: 'https://api.numerique.gouv.fr/planted' }),
		);
		git('add', '-A');
		git('commit', '--quiet', '-m', 'planted history');

		// A measurement moved out of the machine-written folders, with nothing added there.
		git('checkout', '--quiet', 'main');
		git('checkout', '--quiet', '-b', 'moved-snapshot');
		git('mv', 'data/snapshots/fr-one.json', 'data/fr-one.json');
		git('commit', '--quiet', '-m', 'moved snapshot');

		git('checkout', '--quiet', 'main');
		git('checkout', '--quiet', '-b', 'contribution');
		await write(
			'data/catalog/fr/fr-new.md',
			apiEntry({ id: 'fr-new', baseUrl: 'https://api.numerique.gouv.fr/new' }),
		);
		await write('data/catalog/fr/fr-broken.md', apiEntry({ id: 'fr-broken', title: undefined }));
		await write('README.md', 'unrelated\n');
		git('rm', '--quiet', 'data/catalog/fr/fr-gone.md');
		git('add', '-A');
		git('commit', '--quiet', '-m', 'contribution');
	});
	afterAll(async () => {
		await rm(repo, { recursive: true, force: true });
	});

	async function changed(...args: string[]) {
		try {
			const { stdout, stderr } = await run(
				process.execPath,
				[join(root, 'scripts', 'changed-entries.ts'), '--data-dir', join(repo, 'data'), ...args],
				{ cwd: repo },
			);
			return { code: 0, stdout, stderr };
		} catch (error) {
			const failure = error as { code: number; stdout: string; stderr: string };
			return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
		}
	}

	it('prints the ids a branch adds or changes, comma-separated', async () => {
		const result = await changed('--base', 'main');
		expect(result).toMatchObject({ code: 0, stdout: 'fr-broken,fr-new\n' });
	});

	it('prints only valid entries with --valid-only', async () => {
		const result = await changed('--base', 'main', '--valid-only');
		expect(result).toMatchObject({ code: 0, stdout: 'fr-new\n' });
	});

	it('prints an empty line when nothing in the catalog changed', async () => {
		const result = await changed('--base', 'HEAD');
		expect(result).toMatchObject({ code: 0, stdout: '\n' });
	});

	it('refuses a branch that plants history, naming every planted file and the fix', async () => {
		const result = await changed('--base', 'main', '--head', 'planted-history');
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const listed = result.stderr.split('\n').filter((line) => /^ {2}(added|modified) /.test(line));
		expect(listed).toHaveLength(90);
		expect(listed).toContain('  added    data/history/2026/2026-08-01.json');
		expect(listed).toContain('  added    data/history/2026/2026-10-28.json');
		expect(listed).toContain('  modified data/snapshots/fr-one.json');
		expect(result.stderr).toContain('written only by the nightly job');
		expect(result.stderr).toContain('Fix: drop these files from the pull request');
		expect(result.stderr).not.toContain('fr-planted.md');
	});

	it('refuses a branch that renames a snapshot out of its folder', async () => {
		const result = await changed('--base', 'main', '--head', 'moved-snapshot');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('  deleted  data/snapshots/fr-one.json');
		expect(result.stderr).not.toContain('data/fr-one.json');
	});

	it('refuses a ref git would read as an option', async () => {
		const result = await changed('--base=--output=/tmp/x');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('not a git ref');
	});

	it('says how to fix an unknown base', async () => {
		const result = await changed('--base', 'no-such-branch');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('fetch-depth: 0');
	});
});
