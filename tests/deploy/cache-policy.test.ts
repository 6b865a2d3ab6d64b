import { describe, expect, it } from 'vitest';
import {
	cacheControlFor,
	contentTypeFor,
	uploadPhaseOf,
} from '../../src/lib/deploy/cache-policy.ts';

describe('the cache policy of deployed files', () => {
	it.each([
		'_astro/index.Dx3kq9.css',
		'_astro/search.B2a.js',
		'pagefind/fragment/en_3a0b1c.pf_fragment',
		'pagefind/index/en_9f8e.pf_index',
		'pagefind/filter/en_77aa.pf_filter',
		'pagefind/part-2/fragment/en_3a0b1c.pf_fragment',
		'pagefind/part-12/index/en_9f8e.pf_index',
	])('caches the content-hashed asset %s for a year, immutable', (path) => {
		expect(cacheControlFor(path)).toBe('public, max-age=31536000, immutable');
	});

	it('caches OG images for a week but not as immutable, since their names do not change', () => {
		expect(cacheControlFor('og/fr-captchetat.png')).toBe('public, max-age=604800');
	});

	it.each([
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
		'pagefind/part-2/pagefind.js',
		'pagefind/part-2/pagefind-entry.json',
		'pagefind/part-x/fragment/en_3a.pf_fragment',
		'og-notes.png',
	])('keeps %s (a page, JSON, feed, badge or search entry file) for minutes only', (path) => {
		expect(cacheControlFor(path)).toBe('public, max-age=300');
	});

	it.each([
		['records/fr-a/index.html', 'text/html; charset=utf-8'],
		['api/v1/records.json', 'application/json; charset=utf-8'],
		['badges/fr-a.svg', 'image/svg+xml'],
		['og/fr-a.png', 'image/png'],
		['changes.xml', 'application/xml'],
		['dcat/catalog.ttl', 'text/turtle; charset=utf-8'],
		['dcat/catalog.jsonld', 'application/ld+json'],
		['downloads/register.ndjson', 'application/x-ndjson; charset=utf-8'],
		['downloads/register.parquet', 'application/vnd.apache.parquet'],
		['downloads/register.csv', 'text/csv; charset=utf-8'],
		['pagefind/fragment/en_3a.pf_fragment', 'application/octet-stream'],
		['v1.2/README', 'application/octet-stream'],
	])('serves %s as %s (text in UTF-8, unknown kinds as plain bytes)', (path, type) => {
		expect(contentTypeFor(path)).toBe(type);
	});

	it('uploads hashed assets first, then other files, then pages', () => {
		expect(uploadPhaseOf('_astro/a.B1.css')).toBe(0);
		expect(uploadPhaseOf('badges/fr-a.svg')).toBe(1);
		expect(uploadPhaseOf('pagefind/pagefind-entry.json')).toBe(1);
		expect(uploadPhaseOf('records/fr-a/index.html')).toBe(2);
	});
});
