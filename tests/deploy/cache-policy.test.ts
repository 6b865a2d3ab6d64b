import { describe, expect, it } from 'vitest';
import {
	CACHE_CONTROL,
	cacheControlFor,
	contentTypeFor,
	uploadPhaseOf,
} from '../../src/lib/deploy/cache-policy.ts';

describe('the cache policy of deployed files', () => {
	it('caches content-hashed assets for a year, immutable', () => {
		for (const path of [
			'_astro/index.Dx3kq9.css',
			'_astro/search.B2a.js',
			'pagefind/fragment/en_3a0b1c.pf_fragment',
			'pagefind/index/en_9f8e.pf_index',
			'pagefind/filter/en_77aa.pf_filter',
		]) {
			expect(cacheControlFor(path), path).toBe('public, max-age=31536000, immutable');
		}
	});

	it('caches OG images for a week but not as immutable, since their names do not change', () => {
		expect(cacheControlFor('og/fr-captchetat.png')).toBe('public, max-age=604800');
		expect(CACHE_CONTROL.og).not.toContain('immutable');
	});

	it('keeps pages, JSON, feeds, badges and the search entry files for minutes only', () => {
		for (const path of [
			'index.html',
			'records/fr-a/index.html',
			'api/v1/records.json',
			'api/v1/records/fr-a.json',
			'changes.xml',
			'sitemap-index.xml',
			'badges/fr-a.svg',
			'badges/fr-a-score.svg',
			'badges/fr-a.json',
			'pagefind/pagefind.js',
			'pagefind/pagefind-entry.json',
			'og-notes.png',
		]) {
			expect(cacheControlFor(path), path).toBe('public, max-age=300');
		}
	});

	it('serves each kind with its content type, text in UTF-8', () => {
		expect(contentTypeFor('records/fr-a/index.html')).toBe('text/html; charset=utf-8');
		expect(contentTypeFor('api/v1/records.json')).toBe('application/json; charset=utf-8');
		expect(contentTypeFor('badges/fr-a.svg')).toBe('image/svg+xml');
		expect(contentTypeFor('og/fr-a.png')).toBe('image/png');
		expect(contentTypeFor('changes.xml')).toBe('application/xml');
		expect(contentTypeFor('dcat/catalog.ttl')).toBe('text/turtle; charset=utf-8');
		expect(contentTypeFor('pagefind/fragment/en_3a.pf_fragment')).toBe('application/octet-stream');
		expect(contentTypeFor('v1.2/README')).toBe('application/octet-stream');
	});

	it('uploads hashed assets first, then other files, then pages', () => {
		expect(uploadPhaseOf('_astro/a.B1.css')).toBe(0);
		expect(uploadPhaseOf('badges/fr-a.svg')).toBe(1);
		expect(uploadPhaseOf('pagefind/pagefind-entry.json')).toBe(1);
		expect(uploadPhaseOf('records/fr-a/index.html')).toBe(2);
	});
});
