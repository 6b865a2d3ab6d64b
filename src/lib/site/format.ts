const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "14 min ago", "22 h ago", "3 days ago" — relative to `now` (the build). */
export function relativeTime(then: Date | string, now: Date): string {
	const ms = now.getTime() - new Date(then).getTime();
	if (ms < MINUTE) return 'just now';
	if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
	if (ms < 2 * DAY) return `${Math.floor(ms / HOUR)} h ago`;
	return `${Math.floor(ms / DAY)} days ago`;
}

/** "2026-11-24 02:14 UTC". */
export function utcTime(iso: string | Date): string {
	const text = new Date(iso).toISOString();
	return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** Whole days between two instants. */
export function daysBetween(then: string | Date, now: Date): number {
	return Math.floor((now.getTime() - new Date(then).getTime()) / DAY);
}

/** JSON for a <script type="application/ld+json"> block: `<` escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/**
 * A URL fit for an href: only http(s) and mailto. Entry URLs are validated already; this is the
 * second wall, so that no scheme such as javascript: can reach a page even if validation is bypassed.
 */
export function safeHref(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		const { protocol } = new URL(url);
		return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:'
			? url
			: undefined;
	} catch {
		return undefined;
	}
}
