import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	isDelete,
	isWrite,
	S3RVER_CREDENTIALS,
	type S3TestServer,
	startS3Server,
} from '../helpers/s3-server.ts';
import { writeSiteFiles } from '../helpers/site-folder.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

let server: S3TestServer;
let dir: string;

beforeEach(async () => {
	server = await startS3Server();
	dir = await mkdtemp(join(tmpdir(), 'c0mm0-deploy-command-'));
	await writeSiteFiles(
		dir,
		Object.fromEntries([
			['index.html', '<h1>Register</h1>'],
			...Array.from({ length: 40 }, (_, i) => [`badges/r-${i}.svg`, `<svg>${i}</svg>`]),
		]),
	);
});
afterEach(async () => {
	await server.close();
	await rm(dir, { recursive: true, force: true });
});

/** `npm run deploy -- …` as the nightly runs it: settings and credentials in the environment only. */
async function deployCommand(
	args: string[],
	env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['scripts/deploy.ts', ...args], {
			cwd: root,
			env: {
				PATH: process.env.PATH ?? '',
				HOME: dir,
				C0MM0_DEPLOY_BUCKET: server.bucket,
				C0MM0_DEPLOY_ENDPOINT: server.endpoint,
				C0MM0_DEPLOY_PATH_STYLE: '1',
				C0MM0_DEPLOY_PUBLIC_URL: 'https://register.example.org/',
				AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
				AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
				AWS_EC2_METADATA_DISABLED: 'true',
				...env,
			},
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

describe('npm run deploy -- --target s3', () => {
	it('prints a summary of what it uploaded, and never the credentials', async () => {
		const result = await deployCommand(['--target', 's3', '--dir', dir, '--concurrency', '4']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			/^Uploaded 41 file\(s\) \(\d+ B\), 0 unchanged, deleted 0, in \d+\.\d s\.$/m,
		);
		expect(result.stdout).toContain('Live at https://register.example.org/');
		expect(result.stdout).not.toContain(S3RVER_CREDENTIALS.secretAccessKey);
	});

	it('changes nothing with --dry-run', async () => {
		const result = await deployCommand(['--target', 's3', '--dir', dir, '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			/^Dry run: would upload 41 file\(s\) .*, leave 0 unchanged and delete 0, .*nothing was changed\.$/m,
		);
		expect(server.requests.filter(isWrite)).toEqual([]);
	});

	it('exits 1 and deletes nothing when the server stops in the middle of a deploy', async () => {
		expect((await deployCommand(['--target', 's3', '--dir', dir])).code).toBe(0);
		await writeSiteFiles(
			dir,
			Object.fromEntries([
				['badges/r-0.svg', null],
				...Array.from({ length: 39 }, (_, i) => [`badges/r-${i + 1}.svg`, `<svg>new ${i}</svg>`]),
			]),
		);
		server.requests.length = 0;
		server.onRequest((r) => {
			if (r.method === 'PUT') server.stopServer();
		});
		const result = await deployCommand(['--target', 's3', '--dir', dir, '--concurrency', '2']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			/^deploy: could not upload badges\/r-\d+\.svg: .*; nothing was deleted$/m,
		);
		expect(result.stderr).toMatch(/^Uploaded \d+ file\(s\) .*, deleted 0, /m);
		expect(server.requests.filter(isDelete)).toEqual([]);
	});

	it('refuses to run without a bucket, naming the setting', async () => {
		const result = await deployCommand(['--target', 's3', '--dir', dir], {
			C0MM0_DEPLOY_BUCKET: '',
		});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('deploy: set C0MM0_DEPLOY_BUCKET');
		expect(server.requests).toEqual([]);
	});

	it('refuses a target it does not know', async () => {
		const result = await deployCommand(['--target', 'ftp', '--dir', dir]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('deploy: give --target s3');
	});
});
