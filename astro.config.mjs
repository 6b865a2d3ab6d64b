// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: process.env.C0MM0_SITE_URL ?? 'https://c0mm0.com',
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [sitemap()],
});
