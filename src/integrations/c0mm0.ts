import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { absoluteUrl, recordPath } from '../lib/register/urls.ts';
import { readPendingPlan } from '../lib/site/build-plan.ts';
import { registerBuild } from './register-build.ts';

/**
 * The record pages an incremental build kept from the last build rather than rendered: Astro
 * does not list them among the pages it built, so the sitemap is told of them. Known only once
 * the pages have rendered (the plan is made then), so the list is filled at the end of the
 * build, before the sitemap reads its options (@astrojs/sitemap reads them in its own
 * `astro:build:done`, which runs after this one).
 */
function keptRecordPages(customPages: string[]): AstroIntegration {
	return {
		name: 'c0mm0:kept-record-pages',
		hooks: {
			'astro:build:done': () => {
				const kept = readPendingPlan()?.reused ?? [];
				customPages.splice(0, customPages.length, ...kept.map((id) => absoluteUrl(recordPath(id))));
			},
		},
	};
}

/**
 * The register's part of Astro's build: the sitemap, then the register's own step (record files,
 * incremental builds, the stale-file sweep). Astro runs the `astro:build:done` hooks one after
 * another in this order: the sitemap is rewritten before the sweep, which removes every file
 * older than this build that it does not know. The search index and the size check are not
 * here: `npm run build` (scripts/build.ts) runs them after Astro's process has ended, so the
 * build's memory is given back before Pagefind takes its own.
 */
export function c0mm0(): AstroIntegration[] {
	const customPages: string[] = [];
	return [keptRecordPages(customPages), sitemap({ customPages }), registerBuild()];
}
