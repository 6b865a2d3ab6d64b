import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { INDEX_BUNDLE, indexRecordPages } from '../lib/search/index-site.ts';

/**
 * Indexes the record pages with Pagefind once Astro has written the site, so `npm run build`
 * ships `/pagefind/` beside the pages. `dir` is the folder Astro actually wrote to, which
 * follows `--outDir` (the end-to-end tests build into a temporary folder). `recordPagesChanged`
 * is asked at the end of the build, after the register's step has answered it.
 */
export function pagefindIntegration(recordPagesChanged: () => boolean): AstroIntegration {
	return {
		name: 'c0mm0:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				if (!recordPagesChanged() && existsSync(join(outDir, INDEX_BUNDLE))) {
					logger.info('no record page changed since the last build: the search index stands');
					return;
				}
				const report = await indexRecordPages(outDir);
				logger.info(
					`indexed ${report.pages} record page(s) in ${report.seconds.toFixed(2)} s → ${report.outputPath}`,
				);
			},
		},
	};
}
