/**
 * The country of a record from data.europa.eu, which spans countries: its catalogue's
 * `dct:spatial`, an EU country authority URI (…/authority/country/DEU), as an ISO alpha-2 code.
 */

const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
	AND: 'AD',
	ALB: 'AL',
	AUT: 'AT',
	BIH: 'BA',
	BEL: 'BE',
	BGR: 'BG',
	CHE: 'CH',
	CYP: 'CY',
	CZE: 'CZ',
	DEU: 'DE',
	DNK: 'DK',
	EST: 'EE',
	ESP: 'ES',
	FIN: 'FI',
	FRA: 'FR',
	GBR: 'GB',
	GEO: 'GE',
	GRC: 'GR',
	HRV: 'HR',
	HUN: 'HU',
	IRL: 'IE',
	ISL: 'IS',
	ITA: 'IT',
	LIE: 'LI',
	LTU: 'LT',
	LUX: 'LU',
	LVA: 'LV',
	MCO: 'MC',
	MDA: 'MD',
	MNE: 'ME',
	MKD: 'MK',
	MLT: 'MT',
	NLD: 'NL',
	NOR: 'NO',
	POL: 'PL',
	PRT: 'PT',
	ROU: 'RO',
	SRB: 'RS',
	SWE: 'SE',
	SVN: 'SI',
	SVK: 'SK',
	SMR: 'SM',
	UKR: 'UA',
	VAT: 'VA',
	XKX: 'XK',
	EUR: 'EU',
};

const COUNTRY_AUTHORITY = 'http://publications.europa.eu/resource/authority/country/';

export function countryOfSpatial(uris: readonly string[]): string | undefined {
	for (const uri of uris) {
		if (!uri.startsWith(COUNTRY_AUTHORITY)) continue;
		const code = ALPHA3_TO_ALPHA2[uri.slice(COUNTRY_AUTHORITY.length).toUpperCase()];
		if (code) return code;
	}
	return undefined;
}
