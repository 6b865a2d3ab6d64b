import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../../src/lib/catalog/problem.ts';
import { collectEntryReports, parseIdList } from '../../src/lib/contrib/collect-entry-reports.ts';
import {
	codeBlock,
	type EntryReport,
	inlineCode,
	inlineText,
	renderEntryCheck,
	renderEntryReport,
} from '../../src/lib/contrib/entry-report.ts';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import { serializeSnapshot } from '../../src/lib/state/snapshot-store.ts';
import { API, check, input, PUBLISHER, snapshot } from '../helpers/score-fixtures.ts';
import { apiEntry, DINUM_PUBLISHER, tempDataDir } from '../helpers/temp-catalog.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

function validReport(fields: Partial<EntryReport> = {}): EntryReport {
	const shot = snapshot({
		checks: [check('base', 'up', 'https://api.numerique.gouv.fr/v1')],
	});
	return {
		id: 'fr-sample',
		file: 'data/catalog/fr/fr-sample.md',
		entry: { ...API, homepage: 'https://api.gouv.fr/les-api/sample' },
		publisher: PUBLISHER,
		snapshot: shot,
		score: scoreRecord(input({ snapshot: shot })),
		problems: [],
		...fields,
	};
}

describe('renderEntryReport', () => {
	it('shows the outcome, the score and its band, and every axis with its reasons', () => {
		const report = validReport();
		const text = renderEntryReport(report, '/');
		expect(text).toContain('### `fr-sample` — Sample API');
		expect(text).toContain('| Outcome | **up** — The base URL answered 200. |');
		expect(text).toContain(`| Score | **${report.score?.total}**/100 · ${report.score?.band} |`);
		for (const axis of report.score?.axes ?? []) {
			expect(text).toContain(`| ${axis.name} | ${axis.weight} % |`);
			for (const reason of axis.reasons) expect(text).toContain(inlineText(reason));
		}
		expect(text).toContain('#### What would raise the score');
		expect(text).toContain('| base | `https://api.numerique.gouv.fr/v1` | 200 | up: answered |');
	});

	it('says when the entry was not checked, and that the score is provisional', () => {
		const score = scoreRecord(input({ snapshot: null }));
		const text = renderEntryReport(validReport({ snapshot: null, score }), '/');
		expect(text).toContain('| Outcome | not checked');
		expect(text).toContain('provisional: availability is not measured yet');
		expect(text).toMatch(/\| Availability \| 25 % \| — \|/);
	});

	it('lists an invalid entry’s problems as the validator prints them', () => {
		const text = renderEntryReport(
			{
				id: 'fr-broken',
				file: 'data/catalog/fr/fr-broken.md',
				entry: null,
				publisher: null,
				snapshot: null,
				score: null,
				problems: [
					problem('/repo/data/catalog/fr/fr-broken.md', 'title', 'is required — add it'),
					problem(
						'/repo/data/catalog/fr/fr-broken.md',
						'baseUrl',
						'uses http — use https',
						'warning',
					),
				],
			},
			'/repo',
		);
		expect(text).toContain('**Not valid yet.**');
		expect(text).toContain('**Problems** (1 error, 1 warning):');
		expect(text).toContain(
			[
				'```text',
				'data/catalog/fr/fr-broken.md: title: is required — add it',
				'data/catalog/fr/fr-broken.md: baseUrl: warning: uses http — use https',
				'```',
			].join('\n'),
		);
	});

	it('says so when no file has the id', () => {
		const text = renderEntryReport({
			id: 'fr-nowhere',
			file: null,
			entry: null,
			publisher: null,
			snapshot: null,
			score: null,
			problems: [],
		});
		expect(text).toContain('No entry file has the id `fr-nowhere`.');
	});

	it('escapes whatever an entry or a server says into inert Markdown', () => {
		const shot = snapshot({
			reason: '<img src=x onerror=alert(1)> [click](https://evil.example) | ### heading',
			checks: [check('base', 'up', 'https://x.gouv.fr/`code`')],
		});
		const text = renderEntryReport(
			validReport({
				entry: { ...API, title: '<script>alert(1)</script> **bold**' },
				snapshot: shot,
				score: scoreRecord(input({ snapshot: shot })),
			}),
		);
		expect(text).not.toMatch(/(?<!\\)<(script|img)/);
		expect(text).not.toContain('](https://evil');
		expect(text).toContain('\\<script\\>alert\\(1\\)\\</script\\> \\*\\*bold\\*\\*');
		expect(text).toContain('`` https://x.gouv.fr/`code` ``');
	});
});

describe('Markdown helpers', () => {
	it('keep text on one line', () => {
		expect(inlineText('one\ntwo\r\n  three')).toBe('one two three');
	});

	it('pick a code fence no backtick run inside can close', () => {
		expect(inlineCode('a``b')).toBe('```a``b```');
		expect(codeBlock(['```', 'x'])).toBe('````text\n```\nx\n````');
	});
});

describe('renderEntryCheck', () => {
	it('says when no entry changed', () => {
		expect(renderEntryCheck([])).toBe(
			'## c0mm0 entry check\n\nNo catalog entry changed in this pull request.\n',
		);
	});

	it('counts the entries and the invalid ones', () => {
		const text = renderEntryCheck([
			validReport(),
			{ ...validReport({ id: 'fr-bad' }), entry: null, score: null },
		]);
		expect(text).toContain('2 entries checked; 1 not valid yet.');
	});
});

describe('npm run entry-report', () => {
	let data: Awaited<ReturnType<typeof tempDataDir>>;
	let verifyOut: Awaited<ReturnType<typeof tempDataDir>>;

	beforeAll(async () => {
		data = await tempDataDir({
			'publishers/dinum.yaml': DINUM_PUBLISHER,
			'catalog/fr/fr-sample.md': apiEntry({
				id: 'fr-sample',
				baseUrl: 'https://api.numerique.gouv.fr/v1',
			}),
			'catalog/fr/fr-broken.md': apiEntry({ id: 'fr-broken', title: undefined }),
		});
		verifyOut = await tempDataDir({});
		await mkdir(join(verifyOut.dir, 'snapshots'), { recursive: true });
		await writeFile(
			join(verifyOut.dir, 'snapshots', 'fr-sample.json'),
			serializeSnapshot(
				snapshot({
					id: 'fr-sample',
					checks: [check('base', 'up', 'https://api.numerique.gouv.fr/v1')],
				}),
			),
		);
	});
	afterAll(async () => {
		await data.cleanup();
		await verifyOut.cleanup();
	});

	async function report(...args: string[]) {
		const { stdout } = await run(
			process.execPath,
			['scripts/entry-report.ts', '--data-dir', data.dir, ...args],
			{ cwd: root },
		);
		return stdout;
	}

	it('reports valid entries with the verify run’s snapshot, and invalid ones with their problems', async () => {
		const text = await report('--ids', 'fr-sample,fr-broken', '--verify-out', verifyOut.dir);
		expect(text).toContain('2 entries checked; 1 not valid yet.');
		expect(text).toContain('### `fr-sample` — Sample API');
		expect(text).toContain('| Outcome | **up** — The base URL answered 200. |');
		expect(text).toMatch(/\| Score \| \*\*\d+\*\*\/100 · (excellent|good|fair|poor) \|/);
		expect(text).toContain('### `fr-broken`');
		expect(text).toMatch(/fr-broken\.md: title: is required/);
	});

	it('shows an entry as not checked when the verify run wrote nothing for it', async () => {
		const text = await report('--ids', 'fr-sample', '--verify-out', join(verifyOut.dir, 'nothing'));
		expect(text).toContain('| Outcome | not checked');
	});

	it('collects a report per id, in the library as in the script', async () => {
		const reports = await collectEntryReports(parseIdList(' fr-sample, ,fr-nowhere,fr-sample'), {
			dataDir: data.dir,
			snapshotsDir: verifyOut.dir,
			allowPrivate: false,
		});
		expect(reports.map((r) => r.id)).toEqual(['fr-nowhere', 'fr-sample']);
		expect(reports[0]).toMatchObject({ file: null, entry: null, score: null });
		expect(reports[1]?.file).toMatch(/catalog\/fr\/fr-sample\.md$/);
		expect(reports[1]?.snapshot?.outcome).toBe('up');
		expect(reports[1]?.score?.total).toBeGreaterThan(0);
	});

	it('prints a short note when no entry changed', async () => {
		expect(await report('--ids', '')).toContain('No catalog entry changed');
	});
});
