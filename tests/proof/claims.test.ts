import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../src/lib/catalog/entry-urls.ts';
import { proofClaims, recordUrls } from '../../src/lib/proof/claims.ts';
import type { ApiEntry, DatasetEntry } from '../../src/schemas/entry.ts';
import type { Publisher } from '../../src/schemas/publisher.ts';
import { AIFE_PUBLISHER, CAPTCHETAT_ENTRY } from '../helpers/proof-fixtures.ts';

const AIFE = AIFE_PUBLISHER;

const CAPTCHETAT: ApiEntry = {
	...CAPTCHETAT_ENTRY,
	repository: 'https://github.com/aife-gouv/captchetat',
	terms: 'https://piste.gouv.fr/cgu',
};

const SIRENE: DatasetEntry = {
	kind: 'dataset',
	id: 'fr-base-sirene',
	title: 'Base Sirene des entreprises',
	summary: 'Every French company and establishment, monthly.',
	country: 'FR',
	publisher: 'insee',
	access: 'open',
	lang: 'en',
	homepage: 'https://www.data.gouv.fr/fr/datasets/base-sirene/',
	docs: 'https://www.sirene.fr/sirene/public/static/contenu-fichiers',
	distributions: [
		{ url: 'https://files.data.gouv.fr/insee-sirene/StockUniteLegale_utf8.zip', format: 'CSV' },
		{ url: 'https://files.data.gouv.fr/insee-sirene/StockEtablissement_utf8.zip', format: 'CSV' },
	],
	repository: 'https://github.com/InseeFr/sirene',
	sources: [
		{ catalogue: 'data-gouv-fr', url: 'https://www.data.gouv.fr/fr/datasets/base-sirene/' },
		{ catalogue: 'data-europa-eu', url: 'https://data.europa.eu/data/datasets/sirene' },
	],
	publisherPage: 'https://insee.example.com/sirene',
	added: '2026-11-24',
};

const INSEE: Publisher = {
	id: 'insee',
	name: 'Insee',
	country: 'FR',
	type: 'public',
	homepage: 'https://www.insee.fr/fr/accueil',
	officialDomains: ['insee.fr', 'sirene.fr'],
	githubOrgs: ['InseeFr'],
	policyUrl: 'https://www.insee.fr/fr/information/politique-donnees',
};

describe('recordUrls', () => {
	it('lists the URLs that identify the record: base, spec, docs, homepage, then downloads', () => {
		expect(recordUrls(CAPTCHETAT)).toEqual([
			'https://api.piste.gouv.fr/piste/captchetat/v2',
			'https://raw.githubusercontent.com/aife-gouv/captchetat/main/openapi.json',
			'https://piste.gouv.fr/captchetat',
			'https://api.gouv.fr/les-api/api-captchetat',
		]);
		expect(recordUrls(SIRENE)).toEqual([
			'https://www.sirene.fr/sirene/public/static/contenu-fichiers',
			'https://www.data.gouv.fr/fr/datasets/base-sirene/',
			'https://files.data.gouv.fr/insee-sirene/StockUniteLegale_utf8.zip',
			'https://files.data.gouv.fr/insee-sirene/StockEtablissement_utf8.zip',
		]);
	});
});

describe('proofClaims', () => {
	it('pins what an API with every kind of proof claims', () => {
		expect(proofClaims(CAPTCHETAT, AIFE)).toEqual([
			{
				signal: 'portal-backlink',
				url: 'https://api.gouv.fr/les-api/api-captchetat',
				catalogue: 'api-gouv-fr',
			},
			{ signal: 'reciprocal-link', url: 'https://www.economie.gouv.fr/aife/api' },
			{
				signal: 'github-org',
				url: 'https://raw.githubusercontent.com/aife-gouv/captchetat/main/openapi.json',
				owner: 'aife-gouv',
			},
			{
				signal: 'policy',
				url: 'https://www.economie.gouv.fr/.well-known/security.txt',
				securityTxt: true,
			},
		]);
	});

	it('pins what a dataset claims: two official listings, its repository, a declared policy page', () => {
		expect(proofClaims(SIRENE, INSEE)).toEqual([
			{
				signal: 'portal-backlink',
				url: 'https://www.data.gouv.fr/fr/datasets/base-sirene/',
				catalogue: 'data-gouv-fr',
			},
			{
				signal: 'portal-backlink',
				url: 'https://data.europa.eu/data/datasets/sirene',
				catalogue: 'data-europa-eu',
			},
			{ signal: 'github-org', url: 'https://github.com/InseeFr/sirene', owner: 'inseefr' },
			{
				signal: 'policy',
				url: 'https://www.insee.fr/fr/information/politique-donnees',
				securityTxt: false,
			},
		]);
	});

	it('claims nothing a stranger could plant: pages, code and policies off the publisher’s domains', () => {
		const claims = proofClaims(
			{
				...CAPTCHETAT,
				sources: [{ catalogue: 'apis-guru', url: 'https://apis.guru/captchetat' }],
				publisherPage: 'https://economie.gouv.fr.evil.example/aife',
				spec: {
					url: 'https://raw.githubusercontent.com/aife-gouv-fake/x/o.json',
					format: 'openapi',
				},
				repository: 'https://gitlab.com/aife-gouv/captchetat',
			},
			{ ...AIFE, policyUrl: 'https://evil.example/policy' },
		);
		expect(claims).toEqual([
			{
				signal: 'policy',
				url: 'https://www.economie.gouv.fr/.well-known/security.txt',
				securityTxt: true,
			},
		]);
	});

	it('claims only official catalogue listings when the publisher is unknown', () => {
		expect(proofClaims(CAPTCHETAT, undefined).map((c) => c.signal)).toEqual(['portal-backlink']);
	});
});

describe('normaliseUrl', () => {
	it('compares URLs without scheme, www., default port, fragment or trailing slash', () => {
		expect(normaliseUrl('https://WWW.Piste.gouv.fr:443/captchetat/#top')).toBe(
			normaliseUrl('http://piste.gouv.fr/captchetat'),
		);
		expect(normaliseUrl('https://x.fr/a?b=1')).not.toBe(normaliseUrl('https://x.fr/a'));
	});

	it('keeps a non-default port: another port of the host is another service', () => {
		expect(normaliseUrl('https://piste.gouv.fr:8443/captchetat')).not.toBe(
			normaliseUrl('https://piste.gouv.fr/captchetat'),
		);
	});
});
