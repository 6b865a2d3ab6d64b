import type { Page } from 'astro';

/** Records per listing page: small enough that a page stays light, large enough to browse. */
export const LISTING_PAGE_SIZE = 50;

/** Links of a paginated listing; `at(n)` is the path of its page `n` (urls.ts `listingPath`). */
export function pageLinks(
	at: (page: number) => string,
	page: Pick<Page, 'currentPage' | 'lastPage'>,
) {
	return {
		prev: page.currentPage > 1 ? at(page.currentPage - 1) : undefined,
		next: page.currentPage < page.lastPage ? at(page.currentPage + 1) : undefined,
		pages: Array.from({ length: page.lastPage }, (_, i) => ({
			number: i + 1,
			href: at(i + 1),
			current: i + 1 === page.currentPage,
		})),
	};
}
