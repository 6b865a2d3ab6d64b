import { describe, expect, it } from 'vitest';
import type { Hint, ProofEvidence } from '../../src/lib/score/types.ts';
import {
	countryComparison,
	median,
	mostValuableFix,
	publisherReports,
	publisherTotals,
	type ReportRecord,
} from '../../src/lib/site/publisher-report.ts';
import type { RegisterPublisher } from '../../src/schemas/publisher.ts';
import type { Outcome } from '../../src/schemas/snapshot.ts';

const hint = (text: string, gain: number, axis: Hint['axis'] = 'metadata'): Hint => ({
	axis,
	text,
	gain,
});

function record(
	publisher: string,
	options: {
		total?: number;
		outcome?: Outcome | null;
		kind?: 'api' | 'dataset';
		licence?: string;
		spec?: boolean;
		proofs?: ProofEvidence['signal'][];
		hints?: Hint[];
	} = {},
): ReportRecord {
	return {
		entry: {
			kind: options.kind ?? 'api',
			publisher,
			...(options.licence ? { licence: options.licence } : {}),
			...(options.spec
				? { spec: { url: 'https://x.gouv.fr/openapi.json', format: 'openapi' } }
				: {}),
		},
		snapshot: options.outcome ? { outcome: options.outcome } : null,
		score: {
			total: options.total ?? 50,
			hints: options.hints ?? [],
			proofs: (options.proofs ?? []).map(
				(signal) => ({ signal, earned: true }) as unknown as ProofEvidence,
			),
		},
	} as ReportRecord;
}

const publisher = (id: string, country: 'FR' | 'DE' | 'EU'): RegisterPublisher =>
	({
		id,
		name: id,
		country,
		type: 'public',
		homepage: 'https://x.gouv.fr/',
		officialDomains: ['x.gouv.fr'],
		githubOrgs: [],
	}) as RegisterPublisher;

describe('the most valuable fix', () => {
	it('is the hint with the greatest gain, wherever the score listed it', () => {
		const fix = mostValuableFix([
			hint('Add a docs URL', 2),
			hint('Declare a spec', 5, 'agentReadiness'),
			hint('x', 3),
		]);
		expect(fix?.text).toBe('Declare a spec');
	});

	it('keeps the first of hints that gain the same', () => {
		expect(mostValuableFix([hint('first', 4), hint('second', 4)])?.text).toBe('first');
	});

	it('is nothing when no hint adds a point', () => {
		expect(mostValuableFix([])).toBeNull();
		expect(mostValuableFix([hint('cosmetic', 0)])).toBeNull();
	});
});

describe('a publisher’s totals', () => {
	const totals = publisherTotals([
		record('p', {
			total: 80,
			outcome: 'up',
			licence: 'etalab-2.0',
			spec: true,
			proofs: ['official-domain'],
		}),
		record('p', { total: 70, outcome: 'down', licence: 'LicenseRef-own' }),
		record('p', { total: 61, outcome: 'inconclusive', kind: 'dataset', licence: 'CC-BY-4.0' }),
		record('p', { total: 40, outcome: null, proofs: ['official-domain', 'github-org'] }),
	]);

	it('counts records by their latest outcome, never-checked ones as not yet verified', () => {
		expect(totals.outcomes).toEqual({
			up: 1,
			degraded: 0,
			down: 1,
			inconclusive: 1,
			unverified: 1,
		});
		expect(totals.records).toBe(4);
		expect(totals.apis).toBe(3);
	});

	it('takes the share up over the records whose last check gave a verdict', () => {
		expect(totals.upShare).toBe(0.5);
	});

	it('gives the mean score to one decimal and the shares with an open licence and with a spec', () => {
		expect(totals.meanScore).toBe(62.8);
		expect(totals.openLicenceShare).toBe(0.5);
		expect(totals.specShare).toBeCloseTo(1 / 3);
	});

	it('counts the records earning each proof the publisher’s file backs', () => {
		expect(totals.proofs).toEqual({ 'official-domain': 2, 'github-org': 1 });
	});

	it('has no mean or shares without records, and no spec share without APIs', () => {
		const none = publisherTotals([]);
		expect([none.meanScore, none.upShare, none.openLicenceShare, none.specShare]).toEqual([
			null,
			null,
			null,
			null,
		]);
		expect(publisherTotals([record('p', { kind: 'dataset' })]).specShare).toBeNull();
	});
});

describe('the country median', () => {
	it('is the middle value of an odd count and the mean of the two middle ones of an even count', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([10, 1, 4, 3])).toBe(3.5);
		expect(median([])).toBeNull();
	});

	it('is taken over the publishers that have a value, saying how many', () => {
		const withApis = publisherTotals([record('a', { spec: true })]);
		const datasetsOnly = publisherTotals([record('b', { kind: 'dataset' })]);
		const c = countryComparison('FR', [withApis, datasetsOnly]);
		expect(c.publishers).toBe(2);
		expect(c.medians.specShare).toEqual({ median: 1, of: 1 });
		expect(c.medians.records).toEqual({ median: 1, of: 2 });
	});

	it('compares a publisher with the other publishers of its country only, those with records', () => {
		const reports = publisherReports({
			publishers: new Map(
				[
					publisher('fr-1', 'FR'),
					publisher('fr-2', 'FR'),
					publisher('fr-empty', 'FR'),
					publisher('de-1', 'DE'),
				].map((p) => [p.id, p]),
			),
			records: [
				record('fr-1', { total: 90 }),
				record('fr-2', { total: 60 }),
				record('fr-2', { total: 40 }),
				record('de-1', { total: 10 }),
			],
		});
		const fr = reports.get('fr-1')?.country;
		expect(fr?.publishers).toBe(2);
		expect(fr?.medians.records.median).toBe(1.5);
		expect(fr?.medians.meanScore.median).toBe(70);
		expect(reports.get('fr-empty')?.totals.records).toBe(0);
		expect(reports.get('fr-empty')?.country.publishers).toBe(2);
	});

	it('is the publisher’s own figure when it is alone in its country', () => {
		const reports = publisherReports({
			publishers: new Map([publisher('eu-1', 'EU'), publisher('fr-1', 'FR')].map((p) => [p.id, p])),
			records: [record('eu-1', { total: 77 }), record('fr-1', { total: 20 })],
		});
		const eu = reports.get('eu-1');
		expect(eu?.country.publishers).toBe(1);
		expect(eu?.country.medians.meanScore).toEqual({ median: 77, of: 1 });
		expect(eu?.records).toHaveLength(1);
	});
});
