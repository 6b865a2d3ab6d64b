import { describe, expect, it } from 'vitest';
import { c0mm0 } from '../../src/integrations/c0mm0.ts';

describe('c0mm0()', () => {
	it('returns the sitemap, the register step and the search index, in that order', () => {
		expect(c0mm0().map((integration) => integration.name)).toEqual([
			'@astrojs/sitemap',
			'c0mm0:register-build',
			'c0mm0:pagefind',
		]);
	});
});
