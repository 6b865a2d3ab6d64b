import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

/**
 * Every `.<name>-${…}` template and `'.<name>-'` prefix constant in the code: the temporary names
 * a crashed run may leave.
 */
function temporaryNames(): string[] {
	const names = new Set<string>();
	for (const dir of ['src', 'scripts']) {
		const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' });
		for (const file of files.filter((name) => name.endsWith('.ts'))) {
			const text = readFileSync(join(root, dir, file), 'utf8');
			for (const match of text.matchAll(/\.([a-z]+)-(?:\$\{|['"`])/g))
				names.add(match[1] as string);
		}
	}
	return [...names].sort();
}

async function ignored(path: string): Promise<boolean> {
	try {
		await run('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: root });
		return true;
	} catch {
		return false;
	}
}

describe('.gitignore', () => {
	it("ignores the verifier's staging folders and atomic writes' temporary files", async () => {
		const names = temporaryNames();
		expect(names).toEqual(expect.arrayContaining(['staging', 'tmp']));
		for (const name of names) {
			for (const path of [
				`data/snapshots/.${name}-4242-1764115200000/fr-one.json`,
				`data/history/2026/2026-11-26.json.${name}-4242-a1b2c3d4`,
			]) {
				expect(await ignored(path), path).toBe(true);
			}
		}
	});

	it('does not ignore the measurements themselves', async () => {
		for (const path of ['data/snapshots/fr-one.json', 'data/history/2026/2026-11-26.json']) {
			expect(await ignored(path), path).toBe(false);
		}
	});
});
