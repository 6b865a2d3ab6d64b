import type { ApiEntry, DatasetEntry } from '../../schemas/entry.ts';
import type { Publisher } from '../../schemas/publisher.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { scoreRecord } from './score-record.ts';
import type { RecordScore, ScoreInput } from './types.ts';

/**
 * Worked examples for the methodology page, scored by the real scoring code at build time — so
 * the page can never show arithmetic the code does not do. The inputs are illustrative.
 */
export interface WorkedExample {
	title: string;
	story: string;
	input: ScoreInput;
	score: RecordScore;
}

const publisher: Publisher = {
	id: 'example-agency',
	name: 'An example national agency',
	country: 'FR',
	type: 'public',
	homepage: 'https://www.agence.gouv.fr/',
	officialDomains: ['agence.gouv.fr'],
	githubOrgs: [],
};

const api: ApiEntry = {
	kind: 'api',
	id: 'fr-example-api',
	title: 'Example API',
	summary: 'An example API, key required, listed in api.gouv.fr.',
	country: 'FR',
	publisher: 'example-agency',
	access: 'key',
	lang: 'en',
	homepage: 'https://api.gouv.fr/les-api/example',
	docs: 'https://developers.agence.gouv.fr/',
	baseUrl: 'https://api.agence.gouv.fr/v1',
	spec: { url: 'https://api.agence.gouv.fr/v1/openapi.json', format: 'openapi' },
	themes: ['GOVE'],
	keywords: ['example'],
	languages: ['fr'],
	sources: [{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/example' }],
	contact: { url: 'https://www.agence.gouv.fr/contact' },
	added: '2026-11-24',
};

const dataset: DatasetEntry = {
	kind: 'dataset',
	id: 'de-example-dataset',
	title: 'Example dataset',
	summary: 'An example dataset with one CSV download under an open licence.',
	country: 'DE',
	publisher: 'example-agency',
	access: 'open',
	lang: 'en',
	licence: 'DL-DE-BY-2.0',
	distributions: [
		{ url: 'https://daten.example.bund.de/data.csv', format: 'CSV', mediaType: 'text/csv' },
	],
	added: '2026-11-24',
};

const description =
	'A description of more than eighty characters, saying what it offers, who it is for and how to get access.';

const checkedUp: Snapshot = {
	id: 'fr-example-api',
	checkedAt: '2026-11-24T02:00:00.000Z',
	outcome: 'up',
	reason: 'The base URL answered 401: credentials required, as the entry declares.',
	lastUpAt: '2026-11-24T02:00:00.000Z',
	checks: [],
	spec: null,
	proofs: [
		{
			signal: 'portal-backlink',
			url: 'https://api.gouv.fr/les-api/example',
			status: 'confirmed',
			httpStatus: 200,
			detail: 'the catalogue page lists it',
		},
		{
			signal: 'policy',
			url: 'https://www.agence.gouv.fr/.well-known/security.txt',
			status: 'refuted',
			httpStatus: 404,
			detail: 'answered 404: the page is gone',
		},
	],
};

function example(title: string, story: string, input: ScoreInput): WorkedExample {
	return { title, story, input, score: scoreRecord(input) };
}

export function workedExamples(): WorkedExample[] {
	return [
		example(
			'An API like API CaptchEtat, the reference case',
			'Key required; its URLs sit on gouv.fr; the verifier found it on api.gouv.fr and its base URL answered 401, as expected of a key-required API; its spec was not validated yet; no licence or terms declared; no security.txt.',
			{
				entry: api,
				description,
				publisher,
				snapshot: checkedUp,
				uptime30: { ratio: null, counted: 0 },
			},
		),
		example(
			'The same API after a month of nightly checks, one of them down',
			'As above, 29 of 30 counted nights up, the last one up.',
			{
				entry: api,
				description,
				publisher,
				snapshot: checkedUp,
				uptime30: { ratio: 29 / 30, counted: 30 },
			},
		),
		example(
			'A dataset never verified yet',
			'Open licence, one CSV download with its media type, no docs, homepage or keywords; the verifier has not run yet, so the total is provisional.',
			{
				entry: dataset,
				description,
				publisher: { ...publisher, country: 'DE', officialDomains: ['example.bund.de'] },
				snapshot: null,
				uptime30: { ratio: null, counted: 0 },
			},
		),
	];
}
