import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerFromDisk } from '../../src/lib/register/register-from-disk.ts';
import { emptyDay } from '../../src/lib/state/history-store.ts';
import { serializeSnapshot } from '../../src/lib/state/snapshot-store.ts';
import { snapshot } from '../helpers/score-fixtures.ts';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'valid-catalog');
const now = new Date('2026-11-25T12:00:00Z');
const dirs: string[] = [];

afterEach(async () => {
	for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The valid fixture catalog plus the given measurement files (paths relative to the data dir). */
async function dataDirWith(files: Record<string, string>): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-measurements-'));
	dirs.push(dir);
	await cp(fixture, dir, { recursive: true });
	for (const [path, text] of Object.entries(files)) {
		await mkdir(join(dir, path, '..'), { recursive: true });
		await writeFile(join(dir, path), text);
	}
	return dir;
}

describe('the register from disk', () => {
	it('builds when the measurements are sound, each record with its snapshot and nights', async () => {
		const dir = await dataDirWith({
			'snapshots/fr-test-api.json': serializeSnapshot(snapshot({ id: 'fr-test-api' })),
			'history/2026/2026-11-24.json': JSON.stringify({
				...emptyDay('2026-11-24'),
				outcomes: { 'fr-test-api': 'U' },
			}),
		});
		const register = await registerFromDisk(dir, { now });
		expect(register.byId.get('fr-test-api')?.snapshot?.outcome).toBe('up');
		expect(register.byId.get('fr-test-api')?.history.strip.at(-2)).toBe('U');
		expect(register.byId.get('eu-test-dataset')?.snapshot).toBeNull();
	});

	it('refuses a corrupt snapshot, naming the file and the fix, instead of showing the record as never verified', async () => {
		const dir = await dataDirWith({
			'snapshots/fr-test-api.json': '{\n  "id": "fr-test-api",\n  "outcome": \n',
		});
		const file = join(dir, 'snapshots', 'fr-test-api.json');
		await expect(registerFromDisk(dir, { now })).rejects.toThrow(
			`${file}: file: is not valid JSON (Unexpected end of JSON input at line 3) — restore it from git (git checkout -- ${file}) or delete it; the next nightly run writes a fresh one`,
		);
	});

	it('lists every corrupt snapshot and history night in one error', async () => {
		const dir = await dataDirWith({
			'snapshots/fr-test-api.json': '{"id": "fr-test-api", "outcome": "up"',
			'snapshots/eu-test-dataset.json': '{"id": "eu-test-dataset", "outcome": "sideways"}',
			'history/2026/2026-11-20.json': '{"date": "2026-11-20", "outcomes": {',
			'history/2026/2026-11-21.json': '{"date": "2026-11-21", "outcomes": {"fr-test-api": "Z"}}',
		});
		const error: Error = await registerFromDisk(dir, { now }).then(
			() => new Error('resolved'),
			(e: Error) => e,
		);
		expect(error.message).toMatch(/^4 stored measurement files are corrupt/);
		for (const file of [
			'snapshots/fr-test-api.json: file: is not valid JSON',
			'snapshots/eu-test-dataset.json: ',
			'history/2026/2026-11-20.json: file: is not valid JSON',
			'history/2026/2026-11-21.json: ',
		]) {
			expect(error.message).toContain(`${join(dir, file)}`);
		}
		expect(error.message).toContain(`or delete it to lose that night`);
	});
});
