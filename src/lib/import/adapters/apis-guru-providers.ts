import type { CountryCode } from '../../vocab/countries.ts';

/**
 * Which APIs.guru providers are European public bodies, and of which country. APIs.guru names a
 * provider by its domain (`api.gov.uk`, `tfl.gov.uk`, `europeana.eu`), so a government's own
 * second-level domain says both that the provider is public and where it is. Everything else in
 * the directory — commercial APIs, and public bodies outside Europe such as `gov.bc.ca` — is left out.
 */

/** Domain suffixes that only government bodies of one country (or the EU) can register under. */
const PUBLIC_SECTOR_SUFFIXES: Readonly<Record<string, CountryCode>> = {
	'gov.uk': 'GB',
	'gov.scot': 'GB',
	'gov.wales': 'GB',
	'gouv.fr': 'FR',
	'bund.de': 'DE',
	'admin.ch': 'CH',
	'overheid.nl': 'NL',
	'rijksoverheid.nl': 'NL',
	'europa.eu': 'EU',
	'gv.at': 'AT',
	'gov.ie': 'IE',
	'gov.pl': 'PL',
	'gov.it': 'IT',
	'gob.es': 'ES',
	'gov.pt': 'PT',
	'fgov.be': 'BE',
	'belgium.be': 'BE',
	'public.lu': 'LU',
	'gov.cz': 'CZ',
	'gov.sk': 'SK',
	'gov.si': 'SI',
	'gov.hr': 'HR',
	'gov.gr': 'GR',
	'gov.ro': 'RO',
	'gov.lv': 'LV',
	'gov.lt': 'LT',
	'gov.mt': 'MT',
	'gov.cy': 'CY',
	'suomi.fi': 'FI',
};

/**
 * Public bodies whose provider domain is on no government suffix, by the exact provider name
 * APIs.guru gives them.
 */
const PUBLIC_SECTOR_PROVIDERS: Readonly<Record<string, CountryCode>> = {
	// Europeana: the EU's digital platform for cultural heritage, funded by the European Commission.
	'europeana.eu': 'EU',
};

/** A provider name as APIs.guru writes it: a lower-case host name. */
const DOMAIN =
	/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/**
 * The provider's country when its name is a European public body's, else undefined (left out).
 * The name is not checked to be a host name here: see {@link isProviderDomain}.
 */
export function publicSectorCountry(provider: string): CountryCode | undefined {
	if (Object.hasOwn(PUBLIC_SECTOR_PROVIDERS, provider)) return PUBLIC_SECTOR_PROVIDERS[provider];
	const labels = provider.split('.');
	// Longest suffix first: the provider itself may be a listed suffix (`gov.uk`, `europa.eu`).
	for (let i = 0; i < labels.length - 1; i += 1) {
		const suffix = labels.slice(i).join('.');
		if (Object.hasOwn(PUBLIC_SECTOR_SUFFIXES, suffix)) return PUBLIC_SECTOR_SUFFIXES[suffix];
	}
	return undefined;
}

/** Whether `provider` is a host name at all (the publisher's homepage is built from it). */
export function isProviderDomain(provider: string): boolean {
	return DOMAIN.test(provider);
}
