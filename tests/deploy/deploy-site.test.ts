import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_CONTROL } from '../../src/lib/deploy/cache-policy.ts';
import { DeployError, deploySite } from '../../src/lib/deploy/deploy-site.ts';
import { hashContent } from '../../src/lib/deploy/local-files.ts';
import type { S3Target } from '../../src/lib/deploy/s3-client.ts';
import { isDelete, isWrite, type S3TestServer, startS3Server } from '../helpers/s3-server.ts';
import { writeSiteFiles } from '../helpers/site-folder.ts';

/** A small built site: one file of each kind the cache policy tells apart. */
const SITE = {
	'index.html': '<h1>Register</h1>',
	'records/fr-a/index.html': '<h1>A</h1>',
	'_astro/app.B1x2Y3.css': 'body{}',
	'og/fr-a.png': 'PNG-A',
	'badges/fr-a.svg': '<svg>up</svg>',
	'badges/fr-a.json': '{"message":"up"}',
	'api/v1/records.json': '[]',
	'changes.xml': '<feed/>',
	'pagefind/fragment/en_1a2b3c.pf_fragment': 'fragment',
	'pagefind/pagefind-entry.json': '{}',
} as const;

let server: S3TestServer;
let dir: string;

beforeEach(async () => {
	server = await startS3Server();
	dir = await mkdtemp(join(tmpdir(), 'c0mm0-deploy-'));
	await writeSiteFiles(dir, SITE);
});
afterEach(async () => {
	await server.close();
	await rm(dir, { recursive: true, force: true });
});

function targetOf(prefix = ''): S3Target {
	return {
		bucket: server.bucket,
		endpoint: server.endpoint,
		region: 'us-east-1',
		prefix,
		publicUrl: undefined,
		pathStyle: true,
	};
}

function deploy(options: { prefix?: string; dryRun?: boolean } = {}) {
	return deploySite({
		dir,
		client: server.client,
		target: targetOf(options.prefix),
		dryRun: options.dryRun === true,
		concurrency: 4,
	});
}

async function objectText(key: string): Promise<string | undefined> {
	try {
		const answer = await server.client.send(
			new GetObjectCommand({ Bucket: server.bucket, Key: key }),
		);
		return await answer.Body?.transformToString();
	} catch {
		return undefined;
	}
}

describe('deploySite against an S3-compatible server', () => {
	it('uploads every file of a first deploy with its content type and cache policy', async () => {
		const summary = await deploy();
		const bytes = Object.values(SITE).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
		expect(summary).toMatchObject({
			uploaded: { files: 10, bytes },
			unchanged: 0,
			deleted: 0,
		});
		const expected: Record<string, [string, string]> = {
			'index.html': ['text/html; charset=utf-8', CACHE_CONTROL.short],
			'_astro/app.B1x2Y3.css': ['text/css; charset=utf-8', CACHE_CONTROL.immutable],
			'og/fr-a.png': ['image/png', CACHE_CONTROL.og],
			'badges/fr-a.svg': ['image/svg+xml', CACHE_CONTROL.short],
			'badges/fr-a.json': ['application/json; charset=utf-8', CACHE_CONTROL.short],
			'changes.xml': ['application/xml', CACHE_CONTROL.short],
			'pagefind/fragment/en_1a2b3c.pf_fragment': [
				'application/octet-stream',
				CACHE_CONTROL.immutable,
			],
			'pagefind/pagefind-entry.json': ['application/json; charset=utf-8', CACHE_CONTROL.short],
		};
		for (const [key, [type, cache]] of Object.entries(expected)) {
			const head = await server.client.send(
				new HeadObjectCommand({ Bucket: server.bucket, Key: key }),
			);
			expect([head.ContentType, head.CacheControl], key).toEqual([type, cache]);
			expect(head.Metadata?.sha256, key).toMatch(/^[0-9a-f]{64}$/);
		}
		expect(await objectText('records/fr-a/index.html')).toBe('<h1>A</h1>');
	});

	it('uploads hashed assets first and pages last, so no page links to an asset not yet there', async () => {
		await deploy();
		const puts = server.requests.filter((r) => r.method === 'PUT').map((r) => r.key);
		const lastAsset = Math.max(
			puts.indexOf('_astro/app.B1x2Y3.css'),
			puts.indexOf('pagefind/fragment/en_1a2b3c.pf_fragment'),
		);
		const firstPage = Math.min(puts.indexOf('index.html'), puts.indexOf('records/fr-a/index.html'));
		const others = puts.filter(
			(key) =>
				!key.endsWith('.html') &&
				!key.startsWith('_astro/') &&
				!key.startsWith('pagefind/fragment/'),
		);
		expect(lastAsset).toBeLessThan(Math.min(...others.map((key) => puts.indexOf(key))));
		expect(Math.max(...others.map((key) => puts.indexOf(key)))).toBeLessThan(firstPage);
	});

	it('uploads only the changed and new files on a second deploy, and deletes removed ones after every upload', async () => {
		await deploy();
		await writeSiteFiles(dir, {
			'index.html': '<h1>Register, tonight</h1>',
			'badges/fr-a.svg': '<svg>down</svg>',
			'records/fr-b/index.html': '<h1>B</h1>',
			'og/fr-a.png': null,
		});
		server.requests.length = 0;
		const summary = await deploy();
		expect(summary).toMatchObject({ uploaded: { files: 3 }, unchanged: 7, deleted: 1 });
		const done = server.requests.filter(isWrite);
		expect(
			done
				.filter((r) => r.method === 'PUT')
				.map((r) => r.key)
				.sort(),
		).toEqual(['badges/fr-a.svg', 'index.html', 'records/fr-b/index.html']);
		const firstDelete = done.findIndex(isDelete);
		expect(firstDelete).toBe(done.length - 1);
		expect(await objectText('og/fr-a.png')).toBeUndefined();
		expect(await objectText('index.html')).toBe('<h1>Register, tonight</h1>');
	});

	it('uploads nothing when nothing changed', async () => {
		await deploy();
		server.requests.length = 0;
		expect(await deploy()).toMatchObject({
			uploaded: { files: 0, bytes: 0 },
			unchanged: 10,
			deleted: 0,
		});
		expect(server.requests.filter(isWrite)).toEqual([]);
	});

	it('deletes nothing and fails when the store refuses an upload, leaving the old pages in place', async () => {
		await deploy();
		await writeSiteFiles(dir, {
			'index.html': '<h1>new</h1>',
			'badges/fr-a.svg': '<svg>down</svg>',
			'og/fr-a.png': null,
		});
		server.requests.length = 0;
		server.refuse((r) => r.method === 'PUT' && r.key === 'badges/fr-a.svg');
		const failure = await deploy().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(DeployError);
		expect((failure as DeployError).message).toMatch(
			/could not upload badges\/fr-a\.svg: .*nothing was deleted/,
		);
		expect((failure as DeployError).summary).toMatchObject({ uploaded: { files: 0 }, deleted: 0 });
		expect(server.requests.filter(isDelete)).toEqual([]);
		// The pages go up after everything else: none was uploaded, so visitors still get last night's.
		expect(server.requests.filter((r) => r.method === 'PUT' && r.key.endsWith('.html'))).toEqual(
			[],
		);
		expect(await objectText('index.html')).toBe('<h1>Register</h1>');
		expect(await objectText('og/fr-a.png')).toBe('PNG-A');
	});

	it('changes nothing in a dry run, and says what a deploy would do', async () => {
		await deploy();
		await writeSiteFiles(dir, { 'index.html': '<h1>new</h1>', 'og/fr-a.png': null });
		server.requests.length = 0;
		expect(await deploy({ dryRun: true })).toMatchObject({
			dryRun: true,
			uploaded: { files: 1, bytes: 12 },
			unchanged: 8,
			deleted: 1,
		});
		expect(server.requests.filter(isWrite)).toEqual([]);
		expect(await objectText('index.html')).toBe('<h1>Register</h1>');
		expect(await objectText('og/fr-a.png')).toBe('PNG-A');
	});

	it('keeps keys with spaces, plus signs and non-ASCII letters, and finds them unchanged next time', async () => {
		const odd = [
			'downloads/jeu de données.csv',
			'records/de-straße/index.html',
			'a+b/100%.json',
			'ελληνικά/σελίδα.txt',
		];
		await writeSiteFiles(dir, Object.fromEntries(odd.map((path) => [path, path])));
		await deploy();
		for (const key of odd) expect(await objectText(key), key).toBe(key);
		server.requests.length = 0;
		expect(await deploy()).toMatchObject({ uploaded: { files: 0 }, unchanged: 14, deleted: 0 });
		expect(server.requests.filter(isWrite)).toEqual([]);
	});

	it('deploys under the prefix and never touches the rest of the bucket', async () => {
		await server.client.send(
			new PutObjectCommand({ Bucket: server.bucket, Key: 'other/keep.txt', Body: 'keep' }),
		);
		await server.client.send(
			new PutObjectCommand({ Bucket: server.bucket, Key: 'site/stale.html', Body: 'stale' }),
		);
		const summary = await deploy({ prefix: 'site/' });
		expect(summary).toMatchObject({ uploaded: { files: 10 }, deleted: 1 });
		expect(await objectText('site/index.html')).toBe('<h1>Register</h1>');
		expect(await objectText('index.html')).toBeUndefined();
		expect(await objectText('site/stale.html')).toBeUndefined();
		expect(await objectText('other/keep.txt')).toBe('keep');
	});

	it('reads every page of a listing longer than 1,000 objects', async () => {
		await writeSiteFiles(
			dir,
			Object.fromEntries(
				Array.from({ length: 1000 }, (_, i) => [
					`badges/r-${String(i).padStart(4, '0')}.svg`,
					`<svg>${i}</svg>`,
				]),
			),
		);
		expect(await deploy()).toMatchObject({ uploaded: { files: 1010 } });
		server.requests.length = 0;
		// Had the listing stopped at its first page, the objects after it would be uploaded again.
		expect(await deploy()).toMatchObject({ uploaded: { files: 0 }, unchanged: 1010 });
		expect(
			server.requests.filter((r) => r.method === 'GET' && r.query.includes('list-type=2')).length,
		).toBe(2);
	});

	it('compares the SHA-256 kept in the metadata of an object whose ETag is not an MD5', async () => {
		await writeSiteFiles(dir, { 'downloads/register.csv': 'id\n1\n' });
		await deploy();
		// As after a multipart upload: the ETag is an MD5 of part MD5s, followed by -<parts>.
		server.rewriteListing((xml) =>
			xml.replace(/(<Key>downloads\/register\.csv<\/Key>.*?<ETag>&quot;)([0-9a-f]{32})/s, '$1$2-2'),
		);
		server.requests.length = 0;
		expect(await deploy()).toMatchObject({ uploaded: { files: 0 }, unchanged: 11 });
		expect(server.requests.filter((r) => r.method === 'HEAD').map((r) => r.key)).toEqual([
			'downloads/register.csv',
		]);

		// The object was replaced by another tool without the SHA-256: uploaded again.
		await server.client.send(
			new PutObjectCommand({
				Bucket: server.bucket,
				Key: 'downloads/register.csv',
				Body: 'id\n1\n',
			}),
		);
		expect(await deploy()).toMatchObject({ uploaded: { files: 1 }, unchanged: 10 });
		const head = await server.client.send(
			new HeadObjectCommand({ Bucket: server.bucket, Key: 'downloads/register.csv' }),
		);
		expect(head.Metadata?.sha256).toBe(hashContent(Buffer.from('id\n1\n')).sha256);
	});

	it('refuses a folder that is not a built site rather than empty the bucket', async () => {
		await deploy();
		await writeSiteFiles(dir, { 'index.html': null });
		server.requests.length = 0;
		await expect(deploy()).rejects.toThrow(/has no index\.html: build the site first/);
		expect(server.requests.filter(isWrite)).toEqual([]);
	});
});
