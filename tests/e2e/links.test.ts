import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const distDir = inject('distDir');
const skip = inject('skipReason');

/** The file a site-relative URL resolves to on a static host. */
function target(path: string): string[] {
	const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '/');
	return [join(distDir, clean), join(distDir, clean, 'index.html')];
}

describe.skipIf(skip !== '')('internal links in dist/', () => {
	it('all resolve to a file', async () => {
		const pages = (await readdir(distDir, { recursive: true })).filter((f) =>
			String(f).endsWith('.html'),
		);
		expect(pages.length).toBeGreaterThan(20);
		const broken = new Set<string>();
		for (const page of pages) {
			const html = await readFile(join(distDir, String(page)), 'utf8');
			for (const match of html.matchAll(/\s(?:href|src)="(\/[^"/][^"]*|\/)"/g)) {
				const url = (match[1] as string).replace(/&amp;/g, '&');
				if (url.startsWith('//')) continue;
				if (!target(url).some((file) => existsSync(file) && !file.endsWith('/')))
					broken.add(`${page} → ${url}`);
			}
		}
		expect([...broken]).toEqual([]);
	});
});
