import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexRecordPages } from '../lib/search/index-site.ts';

/**
 * Indexes the record pages with Pagefind once Astro has written the site, so `npm run build`
 * ships `/pagefind/` beside the pages. `dir` is the folder Astro actually wrote to, which
 * follows `--outDir` (the end-to-end tests build into a temporary folder).
 */
export function pagefindIntegration(): AstroIntegration {
	return {
		name: 'c0mm0:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				if (
					process.env.C0MM0_RECORD_PAGES_CHANGED === '0' &&
					existsSync(new URL('pagefind/pagefind.js', dir))
				) {
					logger.info('no record page changed since the last build: the search index stands');
					return;
				}
				const report = await indexRecordPages(fileURLToPath(dir));
				logger.info(
					`indexed ${report.pages} record page(s) in ${report.seconds.toFixed(2)} s → ${report.outputPath}`,
				);
			},
		},
	};
}
