// @ts-check
import { defineConfig } from 'astro/config';
import { c0mm0 } from './src/integrations/c0mm0.ts';
import { settings } from './src/lib/settings/read-settings.ts';

const { siteUrl, base, astroCacheDir } = settings();

export default defineConfig({
	site: siteUrl,
	// The path of C0MM0_SITE_URL: a fork served from https://user.github.io/repo/ gets /repo/.
	base,
	trailingSlash: 'always',
	// Test builds of fixture registers use their own cache, so they never mix with the real one.
	...(astroCacheDir ? { cacheDir: astroCacheDir } : {}),
	build: { format: 'directory' },
	integrations: [c0mm0()],
});
