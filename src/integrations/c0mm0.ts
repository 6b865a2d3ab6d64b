import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { resolveDataDir } from '../lib/cli/data-dir.ts';
import { absoluteUrl, recordPath } from '../lib/register/urls.ts';
import { pagefindIntegration } from './pagefind.ts';
import { registerBuild } from './register-build.ts';

/**
 * Every record page, for the sitemap: an incremental build renders only the records that
 * changed, so the sitemap cannot be built from the pages this build wrote alone.
 */
function recordPageUrls(): string[] {
	try {
		return readdirSync(join(resolveDataDir(), 'catalog'), { recursive: true })
			.map(String)
			.filter((file) => file.endsWith('.md'))
			.map((file) => absoluteUrl(recordPath(file.split('/').at(-1)?.slice(0, -3) ?? '')));
	} catch {
		return [];
	}
}

/**
 * The register's build: the sitemap, the register's own step (record files, incremental builds,
 * the stale-file sweep) and the search index, in that order. Astro runs the `astro:build:done`
 * hooks one after another in this order, and each part relies on the one before it: the sitemap
 * is rewritten before the sweep, which removes every file older than this build that it does not
 * know; the search index comes last, so that it covers the record pages left after the sweep
 * removed those of records that left the catalog, and because whether it must be rebuilt at all
 * is known only once the register's step has rendered or removed record pages. That answer
 * passes between the parts here, in this closure, not through `process.env`.
 */
export function c0mm0(): AstroIntegration[] {
	let recordPagesChanged = true;
	return [
		sitemap({ customPages: recordPageUrls() }),
		registerBuild((result) => {
			recordPagesChanged = result.recordPagesChanged;
		}),
		pagefindIntegration(() => recordPagesChanged),
	];
}
