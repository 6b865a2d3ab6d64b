/**
 * The `Link` header of the Dutch API register's pages (RFC 8288, as don-api-register's
 * helpers/util/header.go writes it: `<url>; rel="first", <url>; rel="next", …`): the target of
 * rel `next`, resolved against the page, or undefined on the last page.
 */
export function nextLink(header: string | undefined, pageUrl: string): string | undefined {
	if (header === undefined) return undefined;
	for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
		const rels = /;\s*rel\s*=\s*["']?([^"';,]+)["']?/i.exec(match[2] ?? '')?.[1];
		if (rels?.toLowerCase().split(/\s+/).includes('next')) {
			try {
				return new URL(match[1] ?? '', pageUrl).href;
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}
