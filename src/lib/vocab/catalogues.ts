/**
 * Catalogues that list public APIs and datasets. A record names the ones that list it
 * (`sources`); an official national or EU catalogue listing a record is one of its proofs of
 * officialness, community catalogues are recorded but prove nothing.
 */
export interface Catalogue {
	name: string;
	/** The catalogue's host; a source URL must sit on it or under it. */
	domain: string;
	/** Country whose government runs it, or `EU`; absent for community catalogues. */
	country?: string;
	official: boolean;
}

export const CATALOGUES = {
	'api-gouv-fr': { name: 'api.gouv.fr', domain: 'api.gouv.fr', country: 'FR', official: true },
	'data-gouv-fr': { name: 'data.gouv.fr', domain: 'data.gouv.fr', country: 'FR', official: true },
	'data-europa-eu': {
		name: 'data.europa.eu',
		domain: 'data.europa.eu',
		country: 'EU',
		official: true,
	},
	'govdata-de': { name: 'GovData', domain: 'govdata.de', country: 'DE', official: true },
	'data-gov-uk': { name: 'data.gov.uk', domain: 'data.gov.uk', country: 'GB', official: true },
	'api-gov-uk': { name: 'UK API Catalogue', domain: 'api.gov.uk', country: 'GB', official: true },
	'developer-overheid-nl': {
		name: 'developer.overheid.nl',
		domain: 'developer.overheid.nl',
		country: 'NL',
		official: true,
	},
	'data-overheid-nl': {
		name: 'data.overheid.nl',
		domain: 'data.overheid.nl',
		country: 'NL',
		official: true,
	},
	'opendata-swiss': {
		name: 'opendata.swiss',
		domain: 'opendata.swiss',
		country: 'CH',
		official: true,
	},
	'data-gv-at': { name: 'data.gv.at', domain: 'data.gv.at', country: 'AT', official: true },
	'datos-gob-es': { name: 'datos.gob.es', domain: 'datos.gob.es', country: 'ES', official: true },
	'dati-gov-it': { name: 'dati.gov.it', domain: 'dati.gov.it', country: 'IT', official: true },
	'data-gov-ie': { name: 'data.gov.ie', domain: 'data.gov.ie', country: 'IE', official: true },
	'dados-gov-pt': { name: 'dados.gov.pt', domain: 'dados.gov.pt', country: 'PT', official: true },
	'data-norge-no': {
		name: 'data.norge.no',
		domain: 'data.norge.no',
		country: 'NO',
		official: true,
	},
	'dataportal-se': {
		name: 'dataportal.se',
		domain: 'dataportal.se',
		country: 'SE',
		official: true,
	},
	'avoindata-fi': { name: 'avoindata.fi', domain: 'avoindata.fi', country: 'FI', official: true },
	'data-gov-be': { name: 'data.gov.be', domain: 'data.gov.be', country: 'BE', official: true },
	'dane-gov-pl': { name: 'dane.gov.pl', domain: 'dane.gov.pl', country: 'PL', official: true },
	'data-gov-cz': { name: 'data.gov.cz', domain: 'data.gov.cz', country: 'CZ', official: true },
	'data-public-lu': {
		name: 'data.public.lu',
		domain: 'data.public.lu',
		country: 'LU',
		official: true,
	},
	'data-gov-gr': { name: 'data.gov.gr', domain: 'data.gov.gr', country: 'GR', official: true },
	'data-gov-hr': { name: 'data.gov.hr', domain: 'data.gov.hr', country: 'HR', official: true },
	'data-gov-lt': { name: 'data.gov.lt', domain: 'data.gov.lt', country: 'LT', official: true },
	'data-gov-lv': {
		name: 'Latvijas Atvērto datu portāls',
		domain: 'data.gov.lv',
		country: 'LV',
		official: true,
	},
	'data-gov-ro': { name: 'data.gov.ro', domain: 'data.gov.ro', country: 'RO', official: true },
	'data-slovensko-sk': {
		name: 'data.slovensko.sk',
		domain: 'data.slovensko.sk',
		country: 'SK',
		official: true,
	},
	'datavejviser-dk': {
		name: 'Datavejviser',
		domain: 'datavejviser.dk',
		country: 'DK',
		official: true,
	},
	'kozadatportal-hu': {
		name: 'Közadatportál',
		domain: 'kozadatportal.hu',
		country: 'HU',
		official: true,
	},
	'opendata-government-bg': {
		name: 'Open Data Portal of Bulgaria',
		domain: 'opendata.government.bg',
		country: 'BG',
		official: true,
	},
	'opingogn-is': { name: 'Opin gögn', domain: 'opingogn.is', country: 'IS', official: true },
	'podatki-gov-si': {
		name: 'OPSI (podatki.gov.si)',
		domain: 'podatki.gov.si',
		country: 'SI',
		official: true,
	},
	'bund-dev': { name: 'bund.dev (community)', domain: 'bund.dev', official: false },
	'apis-guru': { name: 'APIs.guru (community)', domain: 'apis.guru', official: false },
} as const satisfies Record<string, Catalogue>;

export type CatalogueId = keyof typeof CATALOGUES;

export const CATALOGUE_IDS = Object.keys(CATALOGUES) as [CatalogueId, ...CatalogueId[]];

export function catalogue(id: CatalogueId): Catalogue {
	return CATALOGUES[id];
}
