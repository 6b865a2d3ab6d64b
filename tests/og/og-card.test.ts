import { describe, expect, it } from 'vitest';
import { badgeFactsOf } from '../../src/lib/badges/badge-facts.ts';
import { OG_TITLE_MAX, ogCardOf, publisherOgCard } from '../../src/lib/og/og-card.ts';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { SITE_URL } from '../../src/lib/register/urls.ts';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import { API, input, PUBLISHER, snapshot } from '../helpers/score-fixtures.ts';

/** The parts of a register record that badges and cards read. */
function record(fields: Partial<RegisterRecord> = {}): RegisterRecord {
	const base = input();
	return {
		id: API.id,
		entry: API,
		publisher: PUBLISHER,
		snapshot: null,
		history: { uptime30: { ratio: null, counted: 0 } },
		score: scoreRecord(base),
		...fields,
	} as RegisterRecord;
}

describe('publisherOgCard', () => {
	it('shows the publisher, its country and how many datasets it has, with no state or score', () => {
		expect(publisherOgCard(PUBLISHER, 1)).toEqual({
			id: PUBLISHER.id,
			kicker: 'Datasets · France',
			title: 'Direction interministérielle du numérique',
			byline: '1 dataset in the register',
			state: null,
			score: null,
			site: new URL(SITE_URL).host,
		});
		expect(publisherOgCard(PUBLISHER, 12).byline).toBe('12 datasets in the register');
	});
});

describe('ogCardOf', () => {
	it('shows kind, country, title, publisher, state and score', () => {
		const r = record();
		expect(ogCardOf(r)).toEqual({
			id: 'fr-sample',
			kicker: 'API · France',
			title: 'Sample API',
			byline: 'Direction interministérielle du numérique',
			state: 'unverified',
			score: { total: r.score.total, band: r.score.band, provisional: true },
			site: new URL(SITE_URL).host,
		});
	});

	it('takes the latest outcome from the snapshot', () => {
		expect(ogCardOf(record({ snapshot: snapshot({ outcome: 'down' }) })).state).toBe('down');
	});

	it('cleans and cuts the title', () => {
		const title = `Bell\u0007 ${'x'.repeat(300)}`;
		const card = ogCardOf(record({ entry: { ...API, title } }));
		expect(card.title.startsWith('Bell x')).toBe(true);
		expect(card.title.length).toBe(OG_TITLE_MAX);
		expect(card.title.endsWith('…')).toBe(true);
	});
});

describe('badgeFactsOf', () => {
	it('reads state, score and 30-day uptime from the record', () => {
		const r = record({
			snapshot: snapshot({ outcome: 'degraded' }),
			history: { uptime30: { ratio: 0.9, counted: 10 } } as RegisterRecord['history'],
		});
		expect(badgeFactsOf(r)).toEqual({
			id: 'fr-sample',
			title: 'Sample API',
			state: 'degraded',
			total: r.score.total,
			band: r.score.band,
			provisional: r.score.provisional,
			uptime30: 0.9,
		});
	});
});
