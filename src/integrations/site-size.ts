import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatBytes, measureSite, pagesSizeWarning } from '../lib/deploy/site-size.ts';

/**
 * Weighs the finished site, last of the build's steps (after the search index is written), and
 * warns when it nears what GitHub Pages publishes, so a growing register moves to object storage
 * before a night's deploy is refused.
 */
export function siteSizeIntegration(): AstroIntegration {
	return {
		name: 'c0mm0:site-size',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const { bytes, files } = measureSite(fileURLToPath(dir));
				const warning = pagesSizeWarning(bytes);
				if (warning) logger.warn(warning);
				else logger.info(`dist/ holds ${formatBytes(bytes)} in ${files} files`);
			},
		},
	};
}
