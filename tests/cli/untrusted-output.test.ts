import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../../src/lib/catalog/problem.ts';
import { renderEntryReport } from '../../src/lib/contrib/entry-report.ts';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import { API, check, input, PUBLISHER, snapshot } from '../helpers/score-fixtures.ts';
import { apiEntry, DINUM_PUBLISHER, tempDataDir } from '../helpers/temp-catalog.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

/** A value carrying a terminal escape, a title-setting sequence and two workflow commands. */
const HOSTILE = 'x\u001b[31m\u001b]0;pwned\u0007\n::add-mask::y\r::error::forged ##[add-mask]z';

/** Lines the GitHub Actions runner would act on, and control characters a terminal would. */
function dangers(printed: string): string[] {
	return [
		...printed.split(/\r\n?|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##[')),
		// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
		...(printed.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? []),
	];
}

describe('npm run validate', () => {
	let dir: string;
	let cleanup: () => Promise<void>;

	beforeAll(async () => {
		// A YAML double-quoted string may hold any character, escapes included.
		const yamlValue = JSON.stringify(HOSTILE).replace('\\u001b[31m', '\\e[31m');
		const made = await tempDataDir({
			'publishers/dinum.yaml': DINUM_PUBLISHER,
			'catalog/fr/fr-sample-api.md': apiEntry({ id: 'fr-sample-api', themes: yamlValue }),
		});
		dir = made.dir;
		cleanup = made.cleanup;
	});
	afterAll(async () => {
		await cleanup?.();
	});

	it('prints what a contributor wrote without escapes or workflow commands', async () => {
		const result = await run(process.execPath, ['scripts/validate.ts', '--data-dir', dir], {
			cwd: root,
		}).catch((error: { stdout: string; stderr: string }) => error);
		// The problem quotes the value, so the hostile text really reached the output…
		expect(result.stdout).toContain('themes: must be a list');
		expect(result.stdout).toContain('add-mask');
		// …made inert.
		expect(dangers(result.stdout + result.stderr)).toEqual([]);
	});
});

describe('the entry report', () => {
	it('strips control characters from what a server or an entry said', () => {
		const shot = snapshot({
			reason: `The base URL answered 200. ${HOSTILE}`,
			checks: [check('base', 'up', `https://api.example.gouv.fr/${HOSTILE}`)],
		});
		const text = renderEntryReport(
			{
				id: 'fr-sample',
				file: 'data/catalog/fr/fr-sample.md',
				entry: { ...API, title: HOSTILE },
				publisher: PUBLISHER,
				snapshot: shot,
				score: scoreRecord(input({ snapshot: shot })),
				problems: [problem('data/catalog/fr/fr-sample.md', 'title', `got ${HOSTILE} — fix`)],
			},
			'/',
		);
		expect(text).toContain('add-mask');
		expect(dangers(text)).toEqual([]);
	});
});
