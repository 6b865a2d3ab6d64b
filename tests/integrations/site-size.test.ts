import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteSizeIntegration } from '../../src/integrations/site-size.ts';
import { writeSiteFiles } from '../helpers/site-folder.ts';

type Hook = (options: unknown) => Promise<void>;

/** Runs the integration's end-of-build hook on `dir` and returns what it logged. */
async function buildDone(dir: string): Promise<{ warn: string[]; info: string[] }> {
	const logged = { warn: [] as string[], info: [] as string[] };
	const logger = {
		warn: (line: string) => logged.warn.push(line),
		info: (line: string) => logged.info.push(line),
	};
	const hook = (siteSizeIntegration().hooks as Record<string, Hook>)['astro:build:done'];
	await hook?.({ dir: pathToFileURL(`${dir}/`), logger });
	return logged;
}

describe('the size check at the end of the build', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'c0mm0-site-size-'));
		await writeSiteFiles(dir, { 'index.html': '<h1>Register</h1>' });
	});
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it('reports the size of a small site without a warning', async () => {
		expect(await buildDone(dir)).toEqual({ warn: [], info: ['dist/ holds 17 B in 1 files'] });
	});

	it('warns, with the size, when the site nears the 1 GB GitHub Pages publishes', async () => {
		// A sparse file: 950 MB by its size, next to nothing on disk.
		const file = await open(join(dir, 'downloads.bin'), 'w');
		await file.truncate(950_000_000);
		await file.close();
		const logged = await buildDone(dir);
		expect(logged.info).toEqual([]);
		expect(logged.warn).toEqual([
			expect.stringMatching(
				/^dist\/ holds 950\.0 MB \(95 % of 1 GB\), near the 1 GB GitHub Pages publishes/,
			),
		]);
	});
});
