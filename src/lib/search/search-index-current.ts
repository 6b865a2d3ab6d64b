import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { countIndexedPages, INDEX_BUNDLE, RECORD_PAGES_DIR } from './index-site.ts';

/**
 * Whether a built site's search index still covers its record pages, so the build can keep it: it
 * exists, it holds one fragment per record page, and no record page was written after it. An
 * incremental build leaves unchanged pages untouched (their times stay older than the index), so
 * a page rendered again, added or removed is what makes the index stale. Read from the files
 * themselves, since the index is built in its own step after Astro's process has ended.
 */
export async function searchIndexIsCurrent(outDir: string): Promise<boolean> {
	const bundle = await stat(join(outDir, INDEX_BUNDLE)).catch(() => undefined);
	if (!bundle) return false;
	const pages = await readdir(join(outDir, RECORD_PAGES_DIR), { withFileTypes: true }).catch(
		() => [],
	);
	const folders = pages.filter((p) => p.isDirectory());
	if (folders.length !== (await countIndexedPages(outDir))) return false;
	for (const folder of folders) {
		const page = await stat(join(outDir, RECORD_PAGES_DIR, folder.name, 'index.html')).catch(
			() => undefined,
		);
		if (!page || page.mtimeMs > bundle.mtimeMs) return false;
	}
	return true;
}
