// @ts-check
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { registerBuild } from './src/integrations/register-build.ts';

const site = process.env.C0MM0_SITE_URL ?? 'https://c0mm0.com';

/**
 * Every record page, for the sitemap: an incremental build renders only the records that
 * changed, so the sitemap cannot be built from the pages this build wrote alone.
 */
function recordPageUrls() {
	const catalog = join(process.env.C0MM0_DATA_DIR ?? 'data', 'catalog');
	try {
		return readdirSync(catalog, { recursive: true })
			.map(String)
			.filter((file) => file.endsWith('.md'))
			.map((file) => new URL(`/records/${file.split('/').at(-1)?.slice(0, -3)}/`, site).href);
	} catch {
		return [];
	}
}

export default defineConfig({
	site,
	trailingSlash: 'always',
	// Test builds of fixture registers use their own cache, so they never mix with the real one.
	...(process.env.C0MM0_ASTRO_CACHE_DIR ? { cacheDir: process.env.C0MM0_ASTRO_CACHE_DIR } : {}),
	build: { format: 'directory' },
	// Order matters at the end of the build: the sitemap is written before the register's step
	// sweeps out stale files, and the search index after it, so that it knows what changed.
	integrations: [
		sitemap({ customPages: recordPageUrls() }),
		registerBuild(),
		pagefindIntegration(),
	],
});
