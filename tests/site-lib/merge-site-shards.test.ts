import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/lib/site/merge-site-shards.ts';
import { SHARD_MANIFEST } from '../../src/lib/site/shard-output.ts';

let dir: string;
const put = async (path: string, content: string) => {
	await mkdir(dirname(join(dir, path)), { recursive: true });
	await writeFile(join(dir, path), content);
};

/** Shard `k` of `n` holding one record page and its search partition. */
async function shard(k: number, n: number, id: string, extra: Record<string, string> = {}) {
	const root = `shard-${k}`;
	await put(`${root}/records/${id}/index.html`, `<h1>${id}</h1>`);
	await put(`${root}/${k === 1 ? 'pagefind' : `pagefind/part-${k}`}/pagefind.js`, `// ${k}`);
	await put(`${root}/_astro/site.css`, 'body{}');
	for (const [path, content] of Object.entries(extra)) await put(`${root}/${path}`, content);
	await put(
		`${root}/${SHARD_MANIFEST}`,
		JSON.stringify({
			shard: `${k}/${n}`,
			builtAt: '2026-11-26T02:00:00Z',
			records: [id],
			searchFolder: k === 1 ? 'pagefind' : `pagefind/part-${k}`,
		}),
	);
	return join(dir, root);
}

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'c0mm0-merge-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('mergeShards', () => {
	it('copies every shard into one site, a file they share once, and leaves the manifests out', async () => {
		const shards = [await shard(1, 2, 'fr-a', { 'index.html': 'home' }), await shard(2, 2, 'fr-b')];
		const out = join(dir, 'site');
		const report = await mergeShards(shards, out);
		expect(report).toEqual({ shards: 2, files: 6, shared: 1, records: 2 });
		expect(await readFile(join(out, 'records/fr-b/index.html'), 'utf8')).toBe('<h1>fr-b</h1>');
		expect(await readFile(join(out, 'pagefind/part-2/pagefind.js'), 'utf8')).toBe('// 2');
		await expect(readFile(join(out, SHARD_MANIFEST))).rejects.toThrow(/ENOENT/);
	});

	it('fails naming the path two shards wrote with different bytes', async () => {
		const shards = [
			await shard(1, 2, 'fr-a', { 'og/default.png': 'one' }),
			await shard(2, 2, 'fr-b', { 'og/default.png': 'two' }),
		];
		await expect(mergeShards(shards, join(dir, 'site'))).rejects.toThrow(
			/og\/default.png differs between .*shard-1 and .*shard-2/,
		);
	});

	it('fails when a shard is missing', async () => {
		const shards = [await shard(1, 3, 'fr-a'), await shard(3, 3, 'fr-c')];
		await expect(mergeShards(shards, join(dir, 'site'))).rejects.toThrow(/shard\(s\) 2\/3 missing/);
	});

	it('fails on a shard whose build did not finish, or lost a page or its index', async () => {
		const first = await shard(1, 2, 'fr-a');
		const second = await shard(2, 2, 'fr-b');
		await rm(join(second, 'pagefind'), { recursive: true });
		await expect(mergeShards([first, second], join(dir, 'site'))).rejects.toThrow(
			/shard 2\/2\) has no search index in pagefind\/part-2/,
		);
		await rm(join(second, SHARD_MANIFEST));
		await expect(mergeShards([first, second], join(dir, 'site'))).rejects.toThrow(/did not finish/);
	});

	it('fails on shards of builds with different times', async () => {
		const first = await shard(1, 2, 'fr-a');
		const second = await shard(2, 2, 'fr-b');
		const manifest = join(second, SHARD_MANIFEST);
		const text = (await readFile(manifest, 'utf8')).replace('02:00', '03:00');
		await writeFile(manifest, text);
		await expect(mergeShards([first, second], join(dir, 'site'))).rejects.toThrow(/--built-at/);
	});

	it('refuses to write into a folder that is not empty', async () => {
		const shards = [await shard(1, 1, 'fr-a')];
		await put('site/old.html', 'old');
		await expect(mergeShards(shards, join(dir, 'site'))).rejects.toThrow(/not empty/);
	});
});
