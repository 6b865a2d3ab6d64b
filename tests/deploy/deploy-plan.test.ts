import { describe, expect, it } from 'vitest';
import { planDeploy, uploadTotals } from '../../src/lib/deploy/deploy-plan.ts';
import { hashContent, type LocalFile } from '../../src/lib/deploy/local-files.ts';
import type { RemoteObject } from '../../src/lib/deploy/remote-objects.ts';

function local(path: string, text: string): LocalFile {
	const content = Buffer.from(text);
	return { path, absolutePath: `/dist/${path}`, size: content.byteLength, ...hashContent(content) };
}
function remote(path: string, text: string, etag?: string, sha256?: string): RemoteObject {
	return { path, etag: etag ?? hashContent(Buffer.from(text)).md5, ...(sha256 ? { sha256 } : {}) };
}
const paths = (files: readonly LocalFile[]) => files.map((f) => f.path);

describe('planDeploy', () => {
	it('leaves alone the files whose MD5 equals the ETag, and uploads new and changed ones', () => {
		const plan = planDeploy(
			[local('index.html', 'new'), local('badges/a.svg', 'same'), local('badges/b.svg', 'added')],
			[remote('index.html', 'old'), remote('badges/a.svg', 'same')],
		);
		expect(paths(plan.unchanged)).toEqual(['badges/a.svg']);
		expect(plan.phases.map(paths)).toEqual([['badges/b.svg'], ['index.html']]);
		expect(plan.remove).toEqual([]);
	});

	it('counts the files and bytes it uploads across its phases, leaving unchanged files out', () => {
		const plan = planDeploy(
			[local('index.html', 'new page'), local('_astro/a.B1.css', 'css'), local('same.txt', 'kept')],
			[remote('same.txt', 'kept')],
		);
		expect(uploadTotals(plan)).toEqual({ files: 2, bytes: 'new page'.length + 'css'.length });
	});

	it('deletes the objects the site no longer has', () => {
		const plan = planDeploy(
			[local('index.html', 'x')],
			[remote('index.html', 'x'), remote('og/gone.png', 'y')],
		);
		expect(plan.remove).toEqual(['og/gone.png']);
		expect(plan.phases).toEqual([]);
	});

	it('compares the kept SHA-256 when the ETag is not an MD5, as after a multipart upload', () => {
		const file = local('downloads/register.parquet', 'big');
		expect(
			planDeploy([file], [remote(file.path, '', 'a1b2c3-4', file.sha256)]).unchanged,
		).toHaveLength(1);
		expect(
			planDeploy([file], [remote(file.path, '', 'a1b2c3-4', '0'.repeat(64))]).unchanged,
		).toHaveLength(0);
		expect(planDeploy([file], [remote(file.path, '', 'a1b2c3-4')]).unchanged).toHaveLength(0);
	});

	it('puts hashed assets in the first phase and pages in the last', () => {
		const plan = planDeploy(
			[local('index.html', 'a'), local('_astro/x.B1.js', 'b'), local('api/v1/records.json', 'c')],
			[],
		);
		expect(plan.phases.map(paths)).toEqual([
			['_astro/x.B1.js'],
			['api/v1/records.json'],
			['index.html'],
		]);
	});
});
