import type { OgCard } from '../../src/lib/og/og-card.ts';

export function card(fields: Partial<OgCard> = {}): OgCard {
	return {
		id: 'fr-api-captchetat',
		kicker: 'API · France',
		title: 'API CaptchEtat',
		byline: "Agence pour l'informatique financière de l'État",
		state: 'up',
		score: { total: 70, band: 'good', provisional: false },
		site: 'c0mm0.com',
		...fields,
	};
}
