import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { absoluteUrl, recordPath } from '../lib/register/urls.ts';
import { readPendingPlan } from '../lib/site/build-plan.ts';
import { pagefindIntegration } from './pagefind.ts';
import { registerBuild } from './register-build.ts';
import { siteSizeIntegration } from './site-size.ts';

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
 * The register's build: the sitemap, the register's own step (record files, incremental builds,
 * the stale-file sweep) and the search index, in that order. Astro runs the `astro:build:done`
 * hooks one after another in this order, and each part relies on the one before it: the sitemap
 * is rewritten before the sweep, which removes every file older than this build that it does not
 * know; the search index comes last, so that it covers the record pages left after the sweep
 * removed those of records that left the catalog, and because whether it must be rebuilt at all
 * is known only once the register's step has rendered or removed record pages. That answer
 * passes between the parts here, in this closure, not through `process.env`. The site is weighed
 * last, once every file is written.
 */
export function c0mm0(): AstroIntegration[] {
	let recordPagesChanged = true;
	const customPages: string[] = [];
	return [
		keptRecordPages(customPages),
		sitemap({ customPages }),
		registerBuild((result) => {
			recordPagesChanged = result.recordPagesChanged;
		}),
		pagefindIntegration(() => recordPagesChanged),
		siteSizeIntegration(),
	];
}
