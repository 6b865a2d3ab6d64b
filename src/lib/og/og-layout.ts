import { BADGE_HEX, STATE_COLORS } from '../badges/badge-colors.ts';
import { OUTCOME_LABELS } from '../register/labels.ts';
import type { OgCard } from './og-card.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The element tree satori lays out: React's shape, without React. */
export interface OgNode {
	type: string;
	props: {
		style?: Record<string, string | number>;
		children?: OgChild | OgChild[];
		src?: string;
		width?: number;
		height?: number;
	};
}
type OgChild = OgNode | string;

const COLORS = {
	fg: '#16181d',
	soft: '#4a5160',
	muted: '#5d6675',
	border: '#d5dae3',
	accent: '#1747a6',
	bg: '#ffffff',
	bgSoft: '#f4f6fa',
};

/** The favicon: a blue rounded square with a check mark. */
const MARK = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1747a6"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>')}`;

const h = (
	type: string,
	style: Record<string, string | number>,
	children?: OgChild | OgChild[],
): OgNode => ({
	type,
	props: children === undefined ? { style } : { style, children },
});

/** Words shown for a state on the card; "Up" alone would not say it is a measurement. */
const STATE_TEXT = {
	up: 'Up at last check',
	degraded: 'Degraded at last check',
	down: 'Down at last check',
	inconclusive: 'Last check inconclusive',
	unverified: OUTCOME_LABELS.unverified,
} as const;

/**
 * The card: brand row, kind and country, title (up to three lines), publisher, then the latest
 * outcome and the score. Text arrives already cleaned and cut to what the fonts can draw.
 */
export function ogLayout(card: OgCard, families: readonly string[]): OgNode {
	const footer: OgChild[] = [];
	if (card.state) {
		const band = card.score?.band ?? 'poor';
		footer.push(pill(BADGE_HEX[STATE_COLORS[card.state][band]], STATE_TEXT[card.state]));
	}
	if (card.score) {
		footer.push(
			h('div', { display: 'flex', alignItems: 'baseline', marginLeft: 28, color: COLORS.fg }, [
				h('span', { fontSize: 56, fontWeight: 700 }, String(card.score.total)),
				h(
					'span',
					{ fontSize: 30, color: COLORS.soft, marginLeft: 6 },
					`/100 · ${card.score.band}${card.score.provisional ? ' (provisional)' : ''}`,
				),
			]),
		);
	}
	return h(
		'div',
		{
			display: 'flex',
			flexDirection: 'column',
			boxSizing: 'border-box',
			width: OG_WIDTH,
			height: OG_HEIGHT,
			padding: '56px 72px',
			backgroundColor: COLORS.bg,
			borderTop: `14px solid ${COLORS.accent}`,
			fontFamily: families.join(', '),
			color: COLORS.fg,
		},
		[
			h('div', { display: 'flex', alignItems: 'center' }, [
				{ type: 'img', props: { src: MARK, width: 52, height: 52 } },
				h('span', { fontSize: 40, fontWeight: 700, marginLeft: 16 }, 'c0mm0'),
				h(
					'span',
					{ fontSize: 26, color: COLORS.muted, marginLeft: 16 },
					'verified register of European data',
				),
			]),
			h(
				'div',
				{ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' },
				[
					h(
						'div',
						{ fontSize: 30, color: COLORS.accent, fontWeight: 700, marginBottom: 12 },
						card.kicker,
					),
					h(
						'div',
						{
							fontSize: titleSize(card.title),
							fontWeight: 700,
							lineHeight: 1.12,
							lineClamp: 3,
							wordBreak: 'break-word',
						},
						card.title,
					),
					h(
						'div',
						{
							fontSize: 32,
							color: COLORS.soft,
							marginTop: 20,
							lineClamp: 2,
							wordBreak: 'break-word',
						},
						card.byline,
					),
				],
			),
			h('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
				h('div', { display: 'flex', alignItems: 'center' }, footer),
				h('span', { fontSize: 26, color: COLORS.muted }, card.site),
			]),
		],
	);
}

/** Short titles large; long ones smaller, so that three lines hold the longest the schema allows. */
function titleSize(title: string): number {
	if (title.length <= 48) return 72;
	if (title.length <= 90) return 60;
	return 52;
}

function pill(color: string, text: string): OgNode {
	return h(
		'div',
		{
			display: 'flex',
			alignItems: 'center',
			padding: '10px 22px',
			borderRadius: 999,
			border: `2px solid ${COLORS.border}`,
			backgroundColor: COLORS.bgSoft,
			fontSize: 30,
			fontWeight: 700,
		},
		[
			h('div', {
				width: 22,
				height: 22,
				borderRadius: 11,
				backgroundColor: color,
				marginRight: 14,
			}),
			text,
		],
	);
}
