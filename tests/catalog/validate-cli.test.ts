import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

async function validate(
	dataDir: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			['scripts/validate.ts', '--data-dir', dataDir],
			{ cwd: root },
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

describe('npm run validate', () => {
	it('exits 0 on a clean catalog', async () => {
		const result = await validate('tests/fixtures/valid-catalog');
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('2 entries, 2 publishers, 0 sources: 0 errors, 0 warnings.');
	});

	it('exits non-zero with one precise line per problem, naming the file', async () => {
		const result = await validate('tests/fixtures/broken-catalog');
		expect(result.code).toBe(1);
		const errors = result.stdout
			.trim()
			.split('\n')
			.filter((line) => !line.includes(': warning: '));
		expect(errors).toMatchInlineSnapshot(`
			[
			  "tests/fixtures/broken-catalog/catalog/de/fr-duplicate.md: country: is FR but the file is in catalog/de/ — move the file to data/catalog/fr/ or correct the country",
			  "tests/fixtures/broken-catalog/catalog/fr/fr-duplicate.md: id: "fr-duplicate" is also used by catalog/de/fr-duplicate.md — ids must be unique; pick another slug",
			  "tests/fixtures/broken-catalog/catalog/fr/fr-missing-title.md: title: is required — add it, e.g. title: API CaptchEtat",
			  "tests/fixtures/broken-catalog/catalog/fr/fr-private-url.md: baseUrl: points at a private, loopback or link-local address (169.254.169.254, link-local) — link to the public address of the service",
			  "tests/fixtures/broken-catalog/catalog/fr/fr-script-body.md: description: contains raw HTML (<script> </script>) — write it in markdown; HTML is never rendered",
			  "tests/fixtures/broken-catalog/catalog/fr/fr-unknown-publisher.md: publisher: "dinumm" is not a publisher — did you mean dinum? Or add data/publishers/dinumm.yaml",
			  "tests/fixtures/broken-catalog/catalog/xx/xx-unknown-country.md: country: "XX" is not a European country code we know — use an ISO 3166-1 alpha-2 code such as FR or DE, or EU for an EU institution",
			]
		`);
		expect(result.stderr).toContain('✗ 7 entries, 1 publishers, 0 sources: 7 errors');
	});

	it('prints warnings without failing', async () => {
		const result = await validate('tests/fixtures/broken-catalog');
		expect(result.stdout).toContain(
			'tests/fixtures/broken-catalog/catalog/fr/fr-duplicate.md: baseUrl: warning: is missing — add the base URL that API paths hang off, so the register can check the API answers',
		);
	});

	it('names an absent catalog folder instead of crashing', async () => {
		const result = await validate('tests/fixtures/no-such-dir');
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('has no catalog/ folder — pass --data-dir');
	});

	it('exits non-zero naming every corrupt snapshot and history night, with the fix', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'c0mm0-validate-'));
		try {
			await cp(join(root, 'tests/fixtures/valid-catalog'), dir, { recursive: true });
			await mkdir(join(dir, 'snapshots'));
			await mkdir(join(dir, 'history', '2026'), { recursive: true });
			await writeFile(join(dir, 'snapshots', 'fr-test-api.json'), '{"id": "fr-test-api",\n');
			await writeFile(join(dir, 'snapshots', 'fr-gone.json'), '{"id": "fr-gone", "outcome": 7}');
			await writeFile(join(dir, 'history', '2026', '2026-01-02.json'), '[');
			const result = await validate(dir);
			expect(result.code).toBe(1);
			const snapshot = join(dir, 'snapshots', 'fr-test-api.json');
			const night = join(dir, 'history', '2026', '2026-01-02.json');
			expect(result.stdout.trim().split('\n')).toEqual([
				`${night}: file: is not valid JSON (Unexpected end of JSON input at line 1) — restore it from git (git checkout -- ${night}), or delete it to lose that night`,
				expect.stringMatching(
					new RegExp(
						`^${join(dir, 'snapshots', 'fr-gone.json')}: [a-zA-Z.]+: does not match the snapshot schema \\(.+\\) — restore it from git`,
					),
				),
				`${snapshot}: file: is not valid JSON (Expected double-quoted property name in JSON at position 22 (line 2 column 1)) — restore it from git (git checkout -- ${snapshot}) or delete it; the next nightly run writes a fresh one`,
			]);
			expect(result.stderr).toContain('2 entries, 2 publishers, 0 sources: 3 errors');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
