import type { Band } from '../score/constants.ts';
import type { BadgeState } from './badge-facts.ts';

/**
 * Every colour a c0mm0 badge can take, in one place. Named shields colours, so the SVG badges
 * and the shields.io endpoint agree, and a restyled endpoint badge keeps its meaning.
 */
export const BADGE_COLORS = [
	'brightgreen',
	'green',
	'yellowgreen',
	'yellow',
	'orange',
	'red',
	'lightgrey',
] as const;
export type BadgeColor = (typeof BADGE_COLORS)[number];

/** Colour of a quality band: the score badge, and the status badge of a record that is up. */
export const BAND_COLORS: Record<Band, BadgeColor> = {
	excellent: 'brightgreen',
	good: 'green',
	fair: 'yellowgreen',
	poor: 'orange',
};

const every = (color: BadgeColor): Record<Band, BadgeColor> => ({
	excellent: color,
	good: color,
	fair: color,
	poor: color,
});

/** Colour of the status badge by latest outcome, then band. */
export const STATE_COLORS: Record<BadgeState, Record<Band, BadgeColor>> = {
	up: BAND_COLORS,
	degraded: { excellent: 'yellow', good: 'yellow', fair: 'orange', poor: 'orange' },
	down: every('red'),
	inconclusive: every('lightgrey'),
	unverified: every('lightgrey'),
};

/** 30-day uptime badge: the first threshold the ratio reaches gives the colour. */
export const UPTIME_COLORS: readonly { min: number; color: BadgeColor }[] = [
	{ min: 0.995, color: 'brightgreen' },
	{ min: 0.99, color: 'green' },
	{ min: 0.97, color: 'yellowgreen' },
	{ min: 0.95, color: 'yellow' },
	{ min: 0.9, color: 'orange' },
	{ min: 0, color: 'red' },
];

/** Colour of anything not measured yet. */
export const UNKNOWN_COLOR: BadgeColor = 'lightgrey';

export function uptimeColor(ratio: number | null): BadgeColor {
	if (ratio === null) return UNKNOWN_COLOR;
	return UPTIME_COLORS.find((t) => ratio >= t.min)?.color ?? 'red';
}

/** The colours as badge-maker draws them, for images that show a badge's state (OG cards). */
export const BADGE_HEX: Record<BadgeColor, string> = {
	brightgreen: '#4b0',
	green: '#67ac09',
	yellowgreen: '#95991a',
	yellow: '#d8b800',
	orange: '#ea7233',
	red: '#dd4343',
	lightgrey: '#939393',
};
