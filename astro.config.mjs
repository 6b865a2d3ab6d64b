// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

export default defineConfig({
	site: process.env.C0MM0_SITE_URL ?? 'https://c0mm0.com',
	trailingSlash: 'always',
	// Test builds of fixture registers use their own cache, so they never mix with the real one.
	...(process.env.C0MM0_ASTRO_CACHE_DIR ? { cacheDir: process.env.C0MM0_ASTRO_CACHE_DIR } : {}),
	build: { format: 'directory' },
	integrations: [sitemap(), pagefindIntegration()],
});
