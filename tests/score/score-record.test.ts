import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load-catalog.ts';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import type { ContractCheck } from '../../src/schemas/contract.ts';
import type { ApiEntry, Entry } from '../../src/schemas/entry.ts';
import {
	API,
	check,
	DATASET,
	input,
	LONG_DESCRIPTION,
	PUBLISHER,
	proof,
	snapshot,
} from '../helpers/score-fixtures.ts';

const axis = (result: ReturnType<typeof scoreRecord>, name: string) =>
	result.axes.find((a) => a.axis === name);

describe('the launch card reference case: API CaptchEtat', async () => {
	const catalog = await loadCatalog(join(import.meta.dirname, '..', '..', 'data'));
	const captchetat = catalog.entries.find((e) => e.id === 'fr-api-captchetat');
	const aife = catalog.publishers.get('aife');
	if (!captchetat || !aife) throw new Error('the seed catalog lacks CaptchEtat or AIFE');
	const score = scoreRecord({
		entry: captchetat.data,
		description: captchetat.body,
		publisher: aife,
		snapshot: snapshot({
			id: 'fr-api-captchetat',
			proofs: [
				proof('portal-backlink', 'confirmed', 'https://api.gouv.fr/les-api/api-captchetat'),
				proof('policy', 'refuted', 'https://www.economie.gouv.fr/.well-known/security.txt'),
			],
		}),
		uptime30: { ratio: null, counted: 0 },
	});

	it('scores 40 / 100 / 80 / 50 / 75 for a total of 70, "good"', () => {
		expect(score.axes.map((a) => [a.axis, a.score])).toEqual([
			['officialness', 40],
			['availability', 100],
			['metadata', 80],
			['licence', 50],
			['agentReadiness', 75],
		]);
		expect(score).toMatchObject({
			total: 70,
			band: 'good',
			provisional: false,
			tier: 'government verified',
		});
	});

	it('explains each axis as the launch card does', () => {
		expect(axis(score, 'officialness')?.reasons[0]).toBe(
			'40/100 from 5 proof signals (domain / portal-backlink / GitHub-org / reciprocal / policy): official domain, portal backlink.',
		);
		expect(axis(score, 'availability')?.reasons).toEqual(['Latest verification succeeded.']);
		expect(axis(score, 'metadata')?.reasons).toEqual([
			'8 of 10 recommended metadata fields populated.',
			'Missing: licence, terms of use.',
		]);
		expect(axis(score, 'licence')?.reasons[0]).toMatch(
			/^License info not yet tracked for APIs \(datasets only\)/,
		);
		expect(axis(score, 'agentReadiness')?.reasons).toEqual([
			'OpenAPI spec URL declared · Spec format known (openapi) · Docs URL present · Homepage URL present',
			'Not met: spec not yet validated.',
		]);
	});

	it('shows the evidence behind each proof', () => {
		expect(score.proofs.filter((p) => p.earned).map((p) => [p.summary, p.evidence])).toEqual([
			[
				'official domain (gouv.fr)',
				'https://sandbox-api.piste.gouv.fr/piste/captchetat/v2 sits on gouv.fr, a government domain',
			],
			['(catalog: api-gouv-fr)', 'portal-backlink confirmed'],
		]);
	});

	it('says what would raise it, largest gain first', () => {
		expect(score.hints[0]).toMatchObject({ axis: 'licence', gain: 7.5 });
		expect(score.hints.map((h) => h.gain)).toEqual(
			[...score.hints.map((h) => h.gain)].sort((a, b) => b - a),
		);
		expect(score.hints.map((h) => h.text)).toContain(
			'Make the spec validate against the OpenAPI schema',
		);
	});
});

describe('officialness', () => {
	it.each([
		['no proof at all', input({ entry: { ...API, baseUrl: 'https://api.example.org/v1' } }), 0],
		[
			'an official publisher domain',
			input({ entry: { ...API, baseUrl: 'https://api.etalab.studio/v1' } }),
			20,
		],
		['a government domain', input({ entry: { ...API, docs: 'https://doc.data.gouv.fr/api' } }), 20],
		[
			'a confirmed official catalogue listing',
			input({
				entry: {
					...API,
					sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/x' }],
				},
				snapshot: snapshot({ proofs: [proof('portal-backlink', 'confirmed')] }),
			}),
			20,
		],
		[
			'a catalogue listing never confirmed',
			input({
				entry: {
					...API,
					sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/x' }],
				},
			}),
			0,
		],
		[
			'a community catalogue listing',
			input({
				entry: { ...API, sources: [{ catalogue: 'apis-guru', url: 'https://apis.guru/x' }] },
				snapshot: snapshot({ proofs: [] }),
			}),
			0,
		],
		[
			"a spec under the publisher's GitHub organisation, confirmed",
			input({
				entry: {
					...API,
					spec: {
						url: 'https://raw.githubusercontent.com/etalab/x/main/o.json',
						format: 'openapi',
					},
				},
				snapshot: snapshot({ proofs: [proof('github-org', 'confirmed')] }),
			}),
			20,
		],
		[
			"a spec under someone else's GitHub",
			input({
				entry: {
					...API,
					spec: { url: 'https://raw.githubusercontent.com/else/x/main/o.json', format: 'openapi' },
				},
				snapshot: snapshot({ proofs: [proof('github-org', 'confirmed')] }),
			}),
			0,
		],
		[
			'a confirmed reciprocal link from an official page',
			input({
				entry: { ...API, publisherPage: 'https://www.numerique.gouv.fr/apis' },
				snapshot: snapshot({ proofs: [proof('reciprocal-link', 'confirmed')] }),
			}),
			20,
		],
		[
			'a reciprocal link that the page refutes',
			input({
				entry: { ...API, publisherPage: 'https://www.numerique.gouv.fr/apis' },
				snapshot: snapshot({ proofs: [proof('reciprocal-link', 'refuted')] }),
			}),
			0,
		],
		[
			'a confirmed policy',
			input({ snapshot: snapshot({ proofs: [proof('policy', 'confirmed')] }) }),
			20,
		],
		[
			'a policy check that could not run',
			input({ snapshot: snapshot({ proofs: [proof('policy', 'unconfirmed')] }) }),
			0,
		],
		[
			'all five signals',
			input({
				entry: {
					...API,
					baseUrl: 'https://api.data.gouv.fr/v1',
					spec: { url: 'https://github.com/etalab/x/raw/o.json', format: 'openapi' },
					sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/x' }],
					publisherPage: 'https://www.numerique.gouv.fr/apis',
				},
				snapshot: snapshot({
					proofs: ['portal-backlink', 'github-org', 'reciprocal-link', 'policy'].map((s) =>
						proof(s as 'policy', 'confirmed'),
					),
				}),
			}),
			100,
		],
	])('scores %s', (_name, scoreInput, expected) => {
		expect(axis(scoreRecord(scoreInput), 'officialness')?.score).toBe(expected);
	});

	it('does not grant the government domain to a private company', () => {
		const result = scoreRecord(
			input({
				publisher: { ...PUBLISHER, type: 'private', officialDomains: ['contractor.fr'] },
				entry: { ...API, baseUrl: 'https://api.x.gouv.fr/v1' },
			}),
		);
		expect(result.tier).toBe('unverified');
		expect(axis(result, 'officialness')?.score).toBe(0);
	});

	it('names the tier from the strongest domain proof', () => {
		expect(
			scoreRecord(input({ entry: { ...API, baseUrl: 'https://api.data.gouv.fr' } })).tier,
		).toBe('government verified');
		expect(
			scoreRecord(input({ entry: { ...API, baseUrl: 'https://api.etalab.studio' } })).tier,
		).toBe('publisher verified');
		expect(scoreRecord(input()).tier).toBe('unverified');
	});
});

describe('availability', () => {
	it.each([
		['never verified', null, { ratio: null, counted: 0 }, null],
		['up, no history yet', snapshot({ outcome: 'up' }), { ratio: null, counted: 0 }, 100],
		['degraded', snapshot({ outcome: 'degraded' }), { ratio: null, counted: 1 }, 60],
		['down', snapshot({ outcome: 'down' }), { ratio: null, counted: 1 }, 0],
		[
			'up with 90% uptime over 30 nights',
			snapshot({ outcome: 'up' }),
			{ ratio: 0.9, counted: 30 },
			95,
		],
		[
			'down after a month at 100%',
			snapshot({ outcome: 'down' }),
			{ ratio: 29 / 30, counted: 30 },
			48,
		],
		['up but only 2 counted nights', snapshot({ outcome: 'up' }), { ratio: 0.5, counted: 2 }, 100],
		[
			'inconclusive with no measured night',
			snapshot({ outcome: 'inconclusive' }),
			{ ratio: null, counted: 0 },
			null,
		],
		[
			'inconclusive with 80% uptime',
			snapshot({ outcome: 'inconclusive' }),
			{ ratio: 0.8, counted: 10 },
			80,
		],
	])('scores %s', (_name, snap, uptime30, expected) => {
		expect(axis(scoreRecord(input({ snapshot: snap, uptime30 })), 'availability')?.score).toBe(
			expected,
		);
	});

	it('never shows a record never verified as down: the total is provisional over the other axes', () => {
		const result = scoreRecord(
			input({ entry: { ...API, homepage: 'https://www.numerique.gouv.fr/x' } }),
		);
		expect(axis(result, 'availability')?.reasons[0]).toMatch(/^Not yet verified/);
		expect(result.provisional).toBe(true);
		// (25 × 20 + 20 × 20 + 15 × 50 + 15 × 20) / 75
		expect(result.total).toBe(26);
	});
});

describe('metadata completeness', () => {
	const full: ApiEntry = {
		...API,
		homepage: 'https://a.gouv.fr',
		docs: 'https://b.gouv.fr',
		spec: { url: 'https://c.gouv.fr/o.json', format: 'openapi' },
		licence: 'etalab-2.0',
		terms: 'https://d.gouv.fr/terms',
		themes: ['GOVE'],
		keywords: ['x'],
		languages: ['fr'],
		contact: { email: 'a@b.fr' },
	};
	it.each([
		['all ten fields', full, LONG_DESCRIPTION, 100],
		['a description too short to count', full, 'Short.', 90],
		['nothing but the required fields', API, '', 0],
		[
			'a dataset with downloads',
			{ ...DATASET, distributions: [{ url: 'https://x.gouv.fr/a.csv', format: 'CSV' }] },
			'',
			10,
		],
	])('scores %s', (_name, entry, description, expected) => {
		expect(
			axis(scoreRecord(input({ entry: entry as Entry, description })), 'metadata')?.score,
		).toBe(expected);
	});
});

describe('licence clarity', () => {
	it.each([
		['an API with an open licence', { ...API, licence: 'etalab-2.0' }, 100],
		['an API with terms of use', { ...API, terms: 'https://x.gouv.fr/cgu' }, 75],
		['an API with a restrictive licence', { ...API, licence: 'CC-BY-NC-4.0' }, 70],
		['an API declaring nothing', API, 50],
		['a dataset under an open licence', { ...DATASET, licence: 'ODbL-1.0' }, 100],
		['a dataset under a restrictive licence', { ...DATASET, licence: 'CC-BY-NC-4.0' }, 60],
		[
			"a dataset under the publisher's own licence with terms",
			{ ...DATASET, licence: 'LicenseRef-Own', terms: 'https://x.gouv.fr/t' },
			50,
		],
		["a dataset under the publisher's own licence", { ...DATASET, licence: 'LicenseRef-Own' }, 30],
		['a dataset with terms only', { ...DATASET, terms: 'https://x.gouv.fr/t' }, 25],
		['a dataset declaring nothing', DATASET, 0],
	])('scores %s', (_name, entry, expected) => {
		expect(axis(scoreRecord(input({ entry: entry as Entry })), 'licence')?.score).toBe(expected);
	});
});

function contractCheck(fields: Partial<ContractCheck>): ContractCheck {
	return {
		operation: 'GET /items',
		url: 'https://x.gouv.fr/items',
		status: 200,
		ms: 50,
		contentType: 'application/json',
		bytes: 2,
		error: null,
		failed: false,
		conforms: null,
		violations: [],
		violationCount: 0,
		skipped: null,
		note: 'answered 200',
		...fields,
	};
}

describe('agent readiness', () => {
	const spec = { url: 'https://x.gouv.fr/o.json', format: 'openapi' as const };
	const validCapture = snapshot({
		spec: {
			url: spec.url,
			format: 'openapi',
			version: '3.0.3',
			title: 'x',
			valid: true,
			errors: [],
			sha256: 'a'.repeat(64),
			bytes: 10,
			operations: 1,
			parameters: [],
			fields: [],
			truncated: false,
			capturedAt: '2026-11-23T02:00:00.000Z',
			fetchError: null,
		},
	});
	it.each([
		['nothing declared', API, null, 0],
		['a spec URL of a known format, not yet validated', { ...API, spec }, null, 30],
		['a spec in an unknown format', { ...API, spec: { ...spec, format: 'other' } }, null, 20],
		[
			'an open API with a validated spec, docs and homepage, its contract not yet checked',
			{ ...API, spec, docs: 'https://d.gouv.fr', homepage: 'https://h.gouv.fr' },
			validCapture,
			90,
		],
		[
			'an open API with a validated spec, docs and homepage whose real answer matches its schema',
			{ ...API, spec, docs: 'https://d.gouv.fr', homepage: 'https://h.gouv.fr' },
			{ ...validCapture, contract: contractCheck({ conforms: true }) },
			100,
		],
		[
			'an open API whose real answer differs from its schema',
			{ ...API, spec, docs: 'https://d.gouv.fr', homepage: 'https://h.gouv.fr' },
			{ ...validCapture, contract: contractCheck({ conforms: false, violationCount: 2 }) },
			90,
		],
		[
			'an API needing a key, never called, with a validated spec, docs and homepage',
			{ ...API, access: 'key', spec, docs: 'https://d.gouv.fr', homepage: 'https://h.gouv.fr' },
			validCapture,
			100,
		],
		[
			'an invalid spec',
			{ ...API, spec },
			snapshot({
				spec: {
					...(validCapture.spec as NonNullable<typeof validCapture.spec>),
					valid: false,
					errors: ['bad'],
				},
			}),
			30,
		],
		[
			'a dataset whose CSV answered',
			{
				...DATASET,
				distributions: [
					{ url: 'https://x.gouv.fr/distribution', format: 'CSV', mediaType: 'text/csv' },
				],
			},
			snapshot({ checks: [check('distribution', 'up')] }),
			55,
		],
		[
			'a dataset whose only download is a PDF',
			{ ...DATASET, distributions: [{ url: 'https://x.gouv.fr/distribution', format: 'PDF' }] },
			snapshot({ checks: [check('distribution', 'up')] }),
			20,
		],
		[
			'a dataset whose CSV is down',
			{ ...DATASET, distributions: [{ url: 'https://x.gouv.fr/distribution', format: 'CSV' }] },
			snapshot({ checks: [check('distribution', 'down')] }),
			20,
		],
	])('scores %s', (_name, entry, snap, expected) => {
		expect(
			axis(scoreRecord(input({ entry: entry as Entry, snapshot: snap })), 'agentReadiness')?.score,
		).toBe(expected);
	});
});

describe('bands', () => {
	it.each([
		[100, 'excellent'],
		[85, 'excellent'],
		[84, 'good'],
		[65, 'good'],
		[64, 'fair'],
		[45, 'fair'],
		[44, 'poor'],
		[0, 'poor'],
	])('puts %i in %s', async (total, band) => {
		const { bandOf } = await import('../../src/lib/score/score-record.ts');
		expect(bandOf(total)).toBe(band);
	});
});
