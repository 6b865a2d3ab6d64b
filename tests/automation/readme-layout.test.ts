import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineWrittenPaths } from '../../src/lib/catalog/machine-written.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Paths named in the first column of the README's "How the code is laid out" table. */
async function layoutPaths(): Promise<string[]> {
	const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
	const section = readme.split('## How the code is laid out')[1]?.split('\n## ')[0] ?? '';
	const paths: string[] = [];
	for (const line of section.split('\n')) {
		const first = line.startsWith('| `') ? line.split('|')[1] : undefined;
		for (const match of first?.matchAll(/`([^`]+)`/g) ?? []) paths.push(match[1] ?? '');
	}
	return paths;
}

/** `data/catalog/<cc>/<id>.md` → `data/catalog`: the folder a pattern lives in. */
function folderOf(path: string): string {
	return path.split('/<')[0]?.replace(/\/$/, '') ?? path;
}

describe("the README's layout table", () => {
	it('names only folders that exist', async () => {
		const paths = await layoutPaths();
		// Machine-written folders appear with the first nightly run, not in a fresh clone.
		const machineWritten = new Set(machineWrittenPaths());
		expect(paths.length).toBeGreaterThan(15);
		expect(
			paths
				.map(folderOf)
				.filter((p) => !machineWritten.has(p))
				.filter((p) => !existsSync(join(ROOT, p))),
		).toEqual([]);
	});

	it('names every folder of src/lib/ and src/', async () => {
		const named = new Set((await layoutPaths()).map(folderOf));
		const lib = (await readdir(join(ROOT, 'src', 'lib'), { withFileTypes: true }))
			.filter((d) => d.isDirectory())
			.map((d) => `src/lib/${d.name}`);
		const top = (await readdir(join(ROOT, 'src'), { withFileTypes: true }))
			.filter((d) => d.isDirectory() && d.name !== 'lib' && d.name !== 'styles')
			.map((d) => `src/${d.name}`);
		expect([...lib, ...top].filter((folder) => !named.has(folder))).toEqual([]);
	});
});
