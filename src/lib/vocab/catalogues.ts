/**
 * Catalogues that list public APIs and datasets. A record names the ones that list it
 * (`sources`); an official national or EU catalogue listing a record is one of its proofs of
 * officialness, community catalogues are recorded but prove nothing.
 *
 * Only what must be known before any data is read lives here: the ids the entry schema accepts,
 * the domain a source page must sit on, whether it is official (the proofs rest on it) and its
 * country. The rest (name, endpoints) is in the catalogue's data/sources/<id>.yaml, which the
 * source loader checks against this list.
 */
export interface Catalogue {
	/** The catalogue's host; a source URL must sit on it or under it. */
	domain: string;
	/** Country whose government runs it, or `EU`; absent for community catalogues. */
	country?: string;
	official: boolean;
}

export const CATALOGUES = {
	'api-gouv-fr': { domain: 'api.gouv.fr', country: 'FR', official: true },
	'data-gouv-fr': { domain: 'data.gouv.fr', country: 'FR', official: true },
	'data-europa-eu': { domain: 'data.europa.eu', country: 'EU', official: true },
	'govdata-de': { domain: 'govdata.de', country: 'DE', official: true },
	'data-gov-uk': { domain: 'data.gov.uk', country: 'GB', official: true },
	'api-gov-uk': { domain: 'api.gov.uk', country: 'GB', official: true },
	'developer-overheid-nl': { domain: 'developer.overheid.nl', country: 'NL', official: true },
	'data-overheid-nl': { domain: 'data.overheid.nl', country: 'NL', official: true },
	'opendata-swiss': { domain: 'opendata.swiss', country: 'CH', official: true },
	'data-gv-at': { domain: 'data.gv.at', country: 'AT', official: true },
	'datos-gob-es': { domain: 'datos.gob.es', country: 'ES', official: true },
	'dati-gov-it': { domain: 'dati.gov.it', country: 'IT', official: true },
	'data-gov-ie': { domain: 'data.gov.ie', country: 'IE', official: true },
	'dados-gov-pt': { domain: 'dados.gov.pt', country: 'PT', official: true },
	'data-norge-no': { domain: 'data.norge.no', country: 'NO', official: true },
	'dataportal-se': { domain: 'dataportal.se', country: 'SE', official: true },
	'avoindata-fi': { domain: 'avoindata.fi', country: 'FI', official: true },
	'data-gov-be': { domain: 'data.gov.be', country: 'BE', official: true },
	'dane-gov-pl': { domain: 'dane.gov.pl', country: 'PL', official: true },
	'data-gov-cz': { domain: 'data.gov.cz', country: 'CZ', official: true },
	'data-public-lu': { domain: 'data.public.lu', country: 'LU', official: true },
	'data-gov-gr': { domain: 'data.gov.gr', country: 'GR', official: true },
	'data-gov-hr': { domain: 'data.gov.hr', country: 'HR', official: true },
	'data-gov-lt': { domain: 'data.gov.lt', country: 'LT', official: true },
	'data-gov-lv': { domain: 'data.gov.lv', country: 'LV', official: true },
	'data-gov-ro': { domain: 'data.gov.ro', country: 'RO', official: true },
	'data-slovensko-sk': { domain: 'data.slovensko.sk', country: 'SK', official: true },
	'datavejviser-dk': { domain: 'datavejviser.dk', country: 'DK', official: true },
	'kozadatportal-hu': { domain: 'kozadatportal.hu', country: 'HU', official: true },
	'opendata-government-bg': { domain: 'opendata.government.bg', country: 'BG', official: true },
	'opingogn-is': { domain: 'opingogn.is', country: 'IS', official: true },
	'podatki-gov-si': { domain: 'podatki.gov.si', country: 'SI', official: true },
	'bund-dev': { domain: 'bund.dev', official: false },
	'apis-guru': { domain: 'apis.guru', official: false },
	'dataportals-registry': { domain: 'github.com', official: false },
} as const satisfies Record<string, Catalogue>;

export type CatalogueId = keyof typeof CATALOGUES;

export const CATALOGUE_IDS = Object.keys(CATALOGUES) as [CatalogueId, ...CatalogueId[]];
