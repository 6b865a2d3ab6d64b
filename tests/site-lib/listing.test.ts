import { describe, expect, it } from 'vitest';
import { pageLinks } from '../../src/lib/site/listing.ts';

const at = (n: number) => `/kinds/dataset/${n > 1 ? `${n}/` : ''}`;

describe('the links of a paginated listing', () => {
	it('links the first and last pages and two on either side of the current one', () => {
		const links = pageLinks(at, { currentPage: 10, lastPage: 2000 });
		expect(links.pages.map((p) => p.number)).toEqual([1, 8, 9, 10, 11, 12, 2000]);
		expect(links.pages.find((p) => p.current)).toEqual({
			number: 10,
			href: '/kinds/dataset/10/',
			current: true,
		});
		expect(links).toMatchObject({ prev: '/kinds/dataset/9/', next: '/kinds/dataset/11/' });
	});

	it('names no page twice and none outside the listing near its ends', () => {
		expect(pageLinks(at, { currentPage: 1, lastPage: 3 }).pages.map((p) => p.number)).toEqual([
			1, 2, 3,
		]);
		const last = pageLinks(at, { currentPage: 3, lastPage: 3 });
		expect(last.pages.map((p) => p.number)).toEqual([1, 2, 3]);
		expect(last).toMatchObject({ prev: '/kinds/dataset/2/', next: undefined });
	});

	it('builds only the links it shows, however long the listing', () => {
		let built = 0;
		pageLinks(
			(n) => {
				built += 1;
				return at(n);
			},
			{ currentPage: 1000, lastPage: 2000 },
		);
		// Seven page numbers, plus previous and next.
		expect(built).toBe(9);
	});
});
