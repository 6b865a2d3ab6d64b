import { bandOf } from '../score/score-record.ts';
import { BAND_COLORS, type BadgeColor, UNKNOWN_COLOR } from './badge-colors.ts';
import { BADGE_LABEL, type BadgeContent } from './badge-content.ts';
import { drawBadge } from './badge-svg.ts';

/** What a publisher's badge reports: how many records it has and their mean score. */
export interface PublisherBadgeFacts {
	id: string;
	/** The publisher's name, as written: escaped before use. */
	name: string;
	records: number;
	/** Mean score of its records; null without records. */
	meanScore: number | null;
}

/**
 * "12 records · mean score 74 good", coloured by the band of the mean. The mean score rather than
 * a share up: the report card the badge links to is about what to fix, which the score measures,
 * and each record's own badge already shows its state. The band colours are the record score
 * badge's, so both read alike; and the figure moves only when records change, so a copy a proxy
 * kept for a day is rarely wrong.
 */
export function publisherBadgeContent(facts: PublisherBadgeFacts): BadgeContent {
	const count = `${facts.records} record${facts.records === 1 ? '' : 's'}`;
	if (facts.meanScore === null) return { label: BADGE_LABEL, message: count, color: UNKNOWN_COLOR };
	const mean = Math.round(facts.meanScore);
	const band = bandOf(mean);
	const color: BadgeColor = BAND_COLORS[band];
	return { label: BADGE_LABEL, message: `${count} · mean score ${mean} ${band}`, color };
}

/** The publisher's badge as an SVG document, named by publisher in its accessible name. */
export function publisherBadgeSvg(facts: PublisherBadgeFacts): string {
	return drawBadge(publisherBadgeContent(facts), facts.name);
}
