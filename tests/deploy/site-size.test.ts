import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, measureSite, pagesSizeWarning } from '../../src/lib/deploy/site-size.ts';
import { writeSiteFiles } from '../helpers/site-folder.ts';

describe('the size of the built site', () => {
	it('adds up the bytes and files of every file under the folder', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'c0mm0-size-'));
		try {
			await writeSiteFiles(dir, {
				'index.html': '12345',
				'records/a/index.html': '123',
				'og/a.png': '1',
			});
			expect(measureSite(dir)).toEqual({ bytes: 9, files: 3 });
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('warns from 900 MB, with the size, that GitHub Pages publishes at most 1 GB', () => {
		expect(pagesSizeWarning(899_999_999)).toBeUndefined();
		expect(pagesSizeWarning(912_400_000)).toBe(
			'dist/ holds 912.4 MB (91 % of 1 GB), near the 1 GB GitHub Pages publishes: deploy to object storage instead (README, "Run your own register": C0MM0_DEPLOY_TARGET=s3)',
		);
		expect(pagesSizeWarning(6_800_000_000)).toMatch(
			/^dist\/ holds 6\.8 GB \(680 % of 1 GB\), over the 1 GB/,
		);
	});

	it('writes sizes in decimal units', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(1_500)).toBe('1.5 KB');
		expect(formatBytes(68_000_000)).toBe('68.0 MB');
	});
});
