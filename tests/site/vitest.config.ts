import { getViteConfig } from 'astro/config';

export default getViteConfig({
	test: {
		name: 'site',
		include: ['tests/site/**/*.test.ts'],
		root: new URL('../..', import.meta.url).pathname,
		testTimeout: 30_000,
	},
});
