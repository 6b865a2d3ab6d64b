import { describe, expect, it } from 'vitest';
import { scoreOfficialness } from '../../src/lib/score/score-officialness.ts';
import type { FetchResult, HttpClient } from '../../src/lib/verify/http-client.ts';
import { checkProofs } from '../../src/lib/verify/proofs.ts';
import type { Entry } from '../../src/schemas/entry.ts';
import type { Publisher } from '../../src/schemas/publisher.ts';
import { NETWORK_PROOF_SIGNALS, type NetworkProofSignal } from '../../src/schemas/snapshot.ts';
import { API, DATASET, input, PUBLISHER, snapshot } from '../helpers/score-fixtures.ts';

/**
 * The verifier decides what to go and check, the score decides what to credit; both must read
 * the same claims off an entry. Over every combination of the things a claim depends on, the
 * signals the verifier checks are exactly the signals the score says are claimed, and a record
 * whose every check was confirmed earns every one of them.
 */

/** A page that confirms anything: it names every host and title and links everywhere. */
function agreeableClient(entry: Entry): HttpClient {
	return {
		async fetch(url): Promise<FetchResult> {
			const urls = [entry.homepage, entry.docs, entry.kind === 'api' ? entry.baseUrl : undefined];
			const links = urls.map((u) => (u ? `<a href="${u}">x</a>` : '')).join('');
			return {
				status: 200,
				headers: {},
				body: Buffer.from(`<h1>${entry.title}</h1>${links}\nContact: mailto:x@y.fr\n`),
				truncated: false,
				finalUrl: url,
				redirects: 0,
				ms: 1,
			};
		},
		certificate: () => undefined,
		close: async () => {},
	};
}

const SPECS = [
	undefined,
	'https://raw.githubusercontent.com/etalab/x/main/openapi.json',
	'https://raw.githubusercontent.com/someone/x/main/openapi.json',
	'https://api.data.gouv.fr/openapi.json',
];
const REPOSITORIES = [undefined, 'https://github.com/Etalab/x', 'https://github.com/else/x'];
const SOURCES: Entry['sources'][] = [
	undefined,
	[{ catalogue: 'apis-guru', url: 'https://apis.guru/x' }],
	[{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/x' }],
	[
		{ catalogue: 'apis-guru', url: 'https://apis.guru/x' },
		{ catalogue: 'data-gouv-fr', url: 'https://www.data.gouv.fr/fr/dataservices/x' },
	],
];
const PAGES = [undefined, 'https://www.numerique.gouv.fr/apis', 'https://evil.example.com/links'];
const PUBLISHERS: Publisher[] = [
	PUBLISHER,
	{ ...PUBLISHER, githubOrgs: [] },
	{ ...PUBLISHER, policyUrl: 'https://www.numerique.gouv.fr/politique' },
	{ ...PUBLISHER, policyUrl: 'https://elsewhere.example.com/policy' },
	{ ...PUBLISHER, type: 'private', officialDomains: ['etalab.studio'] },
];

function* cases(): Generator<{ entry: Entry; publisher: Publisher }> {
	for (const publisher of PUBLISHERS)
		for (const sources of SOURCES)
			for (const publisherPage of PAGES)
				for (const repository of REPOSITORIES) {
					const shared = {
						...(sources ? { sources } : {}),
						...(publisherPage ? { publisherPage } : {}),
						...(repository ? { repository } : {}),
						homepage: 'https://www.numerique.gouv.fr/sample',
					};
					for (const spec of SPECS) {
						const entry: Entry = {
							...API,
							...shared,
							baseUrl: 'https://api.numerique.gouv.fr/v1',
							...(spec ? { spec: { url: spec, format: 'openapi' as const } } : {}),
						};
						yield { entry, publisher };
					}
					yield {
						entry: {
							...DATASET,
							...shared,
							distributions: [{ url: 'https://static.data.gouv.fr/x.csv', format: 'CSV' }],
						},
						publisher,
					};
				}
}

const isNetworkSignal = (signal: string): signal is NetworkProofSignal =>
	(NETWORK_PROOF_SIGNALS as readonly string[]).includes(signal);

describe('the verifier and the score read the same claims', () => {
	it('checks exactly the signals the score counts as claimed, for every combination', async () => {
		let compared = 0;
		for (const { entry, publisher } of cases()) {
			const context = { client: agreeableClient(entry), maxBytes: 1 << 20, cache: new Map() };
			const checks = await checkProofs(context, entry, publisher);
			const checked = [...new Set(checks.map((c) => c.signal))].sort();

			const before = scoreOfficialness(input({ entry, publisher, snapshot: snapshot() }));
			const claimed = before.proofs
				.filter((p) => isNetworkSignal(p.signal) && p.status !== 'not-claimed')
				.map((p) => p.signal)
				.sort();
			expect({ id: entry.id, entry, publisher, signals: checked }).toEqual({
				id: entry.id,
				entry,
				publisher,
				signals: claimed,
			});

			const after = scoreOfficialness(
				input({ entry, publisher, snapshot: snapshot({ proofs: checks }) }),
			);
			const earned = after.proofs
				.filter((p) => isNetworkSignal(p.signal) && p.earned)
				.map((p) => p.signal)
				.sort();
			expect(checks.every((c) => c.status === 'confirmed')).toBe(true);
			expect(earned).toEqual(checked);
			compared += 1;
		}
		expect(compared).toBe(PUBLISHERS.length * SOURCES.length * PAGES.length * 3 * 5);
	});
});
