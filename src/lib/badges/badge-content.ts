import { percent } from '../register/labels.ts';
import type { BadgeVariant } from '../register/urls.ts';
import { BAND_COLORS, type BadgeColor, STATE_COLORS, uptimeColor } from './badge-colors.ts';
import type { BadgeFacts, BadgeState } from './badge-facts.ts';

/** The left-hand text of every badge. */
export const BADGE_LABEL = 'c0mm0';

/** What a badge says and its colour, before it is drawn (SVG) or handed to shields.io (JSON). */
export interface BadgeContent {
	label: string;
	message: string;
	color: BadgeColor;
}

const STATE_WORDS: Record<BadgeState, string> = {
	up: 'verified',
	degraded: 'degraded',
	down: 'down',
	inconclusive: 'inconclusive',
	unverified: 'not yet verified',
};

function statusMessage(facts: BadgeFacts): string {
	const word = STATE_WORDS[facts.state];
	// The score only rides along while the record answers: "down · 70 good" would read as praise.
	return facts.state === 'up' || facts.state === 'degraded'
		? `${word} · ${facts.total} ${facts.band}`
		: word;
}

export function badgeContent(facts: BadgeFacts, variant: BadgeVariant): BadgeContent {
	switch (variant) {
		case 'status':
			return {
				label: BADGE_LABEL,
				message: statusMessage(facts),
				color: STATE_COLORS[facts.state][facts.band],
			};
		case 'score':
			return {
				label: BADGE_LABEL,
				message: `score ${facts.total} · ${facts.band}${facts.provisional ? ' (provisional)' : ''}`,
				color: BAND_COLORS[facts.band],
			};
		case 'uptime':
			return {
				label: BADGE_LABEL,
				message: `uptime ${percent(facts.uptime30)}`,
				color: uptimeColor(facts.uptime30),
			};
	}
}
