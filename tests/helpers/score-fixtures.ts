import type { ScoreInput } from '../../src/lib/score/types.ts';
import type { ApiEntry, DatasetEntry } from '../../src/schemas/entry.ts';
import type { Publisher } from '../../src/schemas/publisher.ts';
import type { Check, ProofCheck, Snapshot } from '../../src/schemas/snapshot.ts';

export const PUBLISHER: Publisher = {
	id: 'dinum',
	name: 'Direction interministérielle du numérique',
	country: 'FR',
	type: 'public',
	homepage: 'https://www.numerique.gouv.fr/',
	officialDomains: ['numerique.gouv.fr', 'api.gouv.fr', 'data.gouv.fr', 'etalab.studio'],
	githubOrgs: ['etalab'],
};

export const API: ApiEntry = {
	kind: 'api',
	id: 'fr-sample',
	title: 'Sample API',
	summary: 'A sample API for the score tests.',
	country: 'FR',
	publisher: 'dinum',
	access: 'open',
	lang: 'en',
	added: '2026-11-01',
};

export const DATASET: DatasetEntry = {
	kind: 'dataset',
	id: 'fr-sample-data',
	title: 'Sample dataset',
	summary: 'A sample dataset for the score tests.',
	country: 'FR',
	publisher: 'dinum',
	access: 'open',
	lang: 'en',
	distributions: [],
	added: '2026-11-01',
};

export const LONG_DESCRIPTION =
	'A description long enough to count as one: it says what the thing offers and who it is for, and how to get in.';

export function check(
	target: Check['target'],
	outcome: Check['outcome'],
	url = `https://x.gouv.fr/${target}`,
): Check {
	return {
		target,
		url,
		method: 'GET',
		status: outcome === 'down' ? 500 : 200,
		ms: 100,
		error: null,
		finalUrl: url,
		redirects: 0,
		tlsDaysLeft: 60,
		outcome,
		note: 'answered',
	};
}

export function snapshot(fields: Partial<Snapshot> = {}): Snapshot {
	return {
		id: 'fr-sample',
		checkedAt: '2026-11-23T02:00:00.000Z',
		outcome: 'up',
		reason: 'The base URL answered 200.',
		lastUpAt: '2026-11-23T02:00:00.000Z',
		checks: [check('base', 'up')],
		spec: null,
		proofs: [],
		...fields,
	};
}

export function proof(
	signal: ProofCheck['signal'],
	status: ProofCheck['status'],
	url = `https://proof.example.gouv.fr/${signal}`,
): ProofCheck {
	return {
		signal,
		url,
		status,
		httpStatus: status === 'unconfirmed' ? null : 200,
		detail: `${signal} ${status}`,
	};
}

export function input(fields: Partial<ScoreInput> = {}): ScoreInput {
	return {
		entry: API,
		description: LONG_DESCRIPTION,
		publisher: PUBLISHER,
		snapshot: null,
		uptime30: { ratio: null, counted: 0 },
		...fields,
	};
}
