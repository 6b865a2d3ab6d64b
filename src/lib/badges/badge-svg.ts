import { makeBadge } from 'badge-maker';
import type { BadgeVariant } from '../register/urls.ts';
import { type BadgeContent, badgeContent } from './badge-content.ts';
import type { BadgeFacts } from './badge-facts.ts';
import { escapeXml, truncateText } from './safe-text.ts';

/**
 * Longest title, in UTF-16 code units, that a badge's accessible name carries. Escaped, it costs
 * at most 6 bytes a unit (`"` → `&quot;`), twice (title and aria-label), which keeps the largest
 * badge under its 2 KB budget whatever the title holds.
 */
export const BADGE_TITLE_MAX = 40;

/**
 * badge-maker's flat-square style for every badge of the register. Rather than flat: same colours
 * and text, without the gradient, the rounded clip and the two shadow copies of each text — 0.6 KB
 * a badge instead of 1.4 KB, and every record has three (at 100,000 records, 230 MB of the site;
 * issue 15) — and no element ids, so any number of badges can be inlined in one page. Anyone who
 * prefers another style restyles a badge through its shields.io endpoint.
 */
export const BADGE_STYLE = 'flat-square';

/**
 * A record's badge as an SVG document, named by record in its accessible name
 * ("c0mm0: verified · 70 good — API CaptchEtat").
 */
export function badgeSvg(facts: BadgeFacts, variant: BadgeVariant): string {
	return drawBadge(badgeContent(facts, variant), facts.title);
}

/**
 * Any badge of the register (a record's, a publisher's) as an SVG document in BADGE_STYLE, its
 * accessible name the badge's text and what it is about ("c0mm0: 12 records · … — AIFE").
 */
export function drawBadge(content: BadgeContent, about: string): string {
	const svg = makeBadge({
		label: content.label,
		message: content.message,
		color: content.color,
		style: BADGE_STYLE,
	});
	const subject = truncateText(about, BADGE_TITLE_MAX);
	return withAccessibleName(
		svg,
		`${content.label}: ${content.message}${subject ? ` — ${subject}` : ''}`,
	);
}

const ROOT_TAG = /^<svg\b[^>]*>/;
const NAME_ATTRIBUTES = /\s(?:role|aria-label)="[^"]*"/g;
const LEADING_TITLE = /^<title>[^<]*<\/title>/;

/**
 * Gives the SVG `role="img"`, an `aria-label` and a leading `<title>` holding `name`, replacing
 * whatever badge-maker wrote there (today it writes all three, from label and message). Every
 * value badge-maker writes is escaped, so attribute values hold no `"` and text no `<`, which is
 * what the patterns rely on.
 */
export function withAccessibleName(svg: string, name: string): string {
	const root = ROOT_TAG.exec(svg);
	if (!root) throw new Error('badge-maker returned something other than an <svg> document');
	const label = escapeXml(name);
	const openTag = `${root[0].slice(0, -1).replace(NAME_ATTRIBUTES, '')} role="img" aria-label="${label}">`;
	const body = svg.slice(root[0].length).replace(LEADING_TITLE, '');
	return `${openTag}<title>${label}</title>${body}`;
}
