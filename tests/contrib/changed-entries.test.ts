import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	changedEntryIds,
	classifyDataPath,
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
		git('add', '-A');
		git('commit', '--quiet', '-m', 'base');
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
