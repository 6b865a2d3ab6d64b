/**
 * European countries a record may belong to, keyed by ISO 3166-1 alpha-2 code, plus `EU` for the
 * institutions, bodies and agencies of the European Union. `XK` (Kosovo) is the user-assigned
 * code the European Commission itself uses.
 */
export const COUNTRIES = {
	AD: 'Andorra',
	AL: 'Albania',
	AT: 'Austria',
	BA: 'Bosnia and Herzegovina',
	BE: 'Belgium',
	BG: 'Bulgaria',
	CH: 'Switzerland',
	CY: 'Cyprus',
	CZ: 'Czechia',
	DE: 'Germany',
	DK: 'Denmark',
	EE: 'Estonia',
	ES: 'Spain',
	FI: 'Finland',
	FR: 'France',
	GB: 'United Kingdom',
	GE: 'Georgia',
	GR: 'Greece',
	HR: 'Croatia',
	HU: 'Hungary',
	IE: 'Ireland',
	IS: 'Iceland',
	IT: 'Italy',
	LI: 'Liechtenstein',
	LT: 'Lithuania',
	LU: 'Luxembourg',
	LV: 'Latvia',
	MC: 'Monaco',
	MD: 'Moldova',
	ME: 'Montenegro',
	MK: 'North Macedonia',
	MT: 'Malta',
	NL: 'Netherlands',
	NO: 'Norway',
	PL: 'Poland',
	PT: 'Portugal',
	RO: 'Romania',
	RS: 'Serbia',
	SE: 'Sweden',
	SI: 'Slovenia',
	SK: 'Slovakia',
	SM: 'San Marino',
	UA: 'Ukraine',
	VA: 'Vatican City',
	XK: 'Kosovo',
	EU: 'European Union',
} as const;

export type CountryCode = keyof typeof COUNTRIES;

export const COUNTRY_CODES = Object.keys(COUNTRIES) as [CountryCode, ...CountryCode[]];

/** Codes people often type by mistake, with the code they meant. */
export const COUNTRY_CODE_ALIASES: Readonly<Record<string, CountryCode>> = {
	UK: 'GB',
	EL: 'GR',
};

export function countryName(code: CountryCode): string {
	return COUNTRIES[code];
}
