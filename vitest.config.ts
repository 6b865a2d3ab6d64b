import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (plain TypeScript), `site` (Astro components rendered through Astro's
 * container API, so it needs Astro's Vite config) and `e2e` (a fixture register verified against
 * a loopback "internet", built, served and driven in Debian's Chromium).
 */
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/site/**', 'tests/e2e/**'],
					testTimeout: 30_000,
					hookTimeout: 120_000,
				},
			},
			'./tests/site/vitest.config.ts',
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 300_000,
				},
			},
		],
	},
});
