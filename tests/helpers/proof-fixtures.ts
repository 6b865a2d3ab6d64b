import type { ApiEntry } from '../../src/schemas/entry.ts';
import type { Publisher } from '../../src/schemas/publisher.ts';

/** A publisher and an API entry that claims every proof signal, for proof and claim tests. */
export const AIFE_PUBLISHER: Publisher = {
	id: 'aife',
	name: "Agence pour l'informatique financière de l'État",
	country: 'FR',
	type: 'public',
	homepage: 'https://www.economie.gouv.fr/aife',
	officialDomains: ['economie.gouv.fr', 'piste.gouv.fr'],
	githubOrgs: ['aife-gouv'],
};

export const CAPTCHETAT_ENTRY: ApiEntry = {
	kind: 'api',
	id: 'fr-api-captchetat',
	title: 'API CaptchEtat',
	summary: 'State-run CAPTCHA service for French public bodies.',
	country: 'FR',
	publisher: 'aife',
	access: 'key',
	lang: 'en',
	homepage: 'https://api.gouv.fr/les-api/api-captchetat',
	docs: 'https://piste.gouv.fr/captchetat',
	baseUrl: 'https://api.piste.gouv.fr/piste/captchetat/v2',
	spec: {
		url: 'https://raw.githubusercontent.com/aife-gouv/captchetat/main/openapi.json',
		format: 'openapi',
	},
	sources: [
		{ catalogue: 'api-gouv-fr', url: 'https://api.gouv.fr/les-api/api-captchetat' },
		{ catalogue: 'apis-guru', url: 'https://apis.guru/captchetat' },
	],
	publisherPage: 'https://www.economie.gouv.fr/aife/api',
	added: '2026-11-24',
};
