import type { Page } from 'astro';

/** Records per listing page: small enough that a page stays light, large enough to browse. */
export const LISTING_PAGE_SIZE = 50;

/** Pages linked on either side of the current one (besides the first and the last). */
const PAGES_AROUND = 2;

/**
 * Links of a paginated listing; `at(n)` is the path of its page `n` (urls.ts `listingPath`).
 * Only the pages shown are linked — the first, the last, and PAGES_AROUND on either side of the
 * current one — so a page costs the same in a listing of 2,000 pages as in one of 3.
 */
export function pageLinks(
	at: (page: number) => string,
	page: Pick<Page, 'currentPage' | 'lastPage'>,
) {
	const { currentPage, lastPage } = page;
	const around = Array.from(
		{ length: 2 * PAGES_AROUND + 1 },
		(_, i) => currentPage - PAGES_AROUND + i,
	);
	const numbers = [...new Set([1, ...around, lastPage])].filter((n) => n >= 1 && n <= lastPage);
	return {
		prev: currentPage > 1 ? at(currentPage - 1) : undefined,
		next: currentPage < lastPage ? at(currentPage + 1) : undefined,
		pages: numbers.map((number) => ({ number, href: at(number), current: number === currentPage })),
	};
}
