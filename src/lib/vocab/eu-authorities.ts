import type { CountryCode } from './countries.ts';
import type { FrequencyCode } from './frequencies.ts';
import type { LanguageCode } from './languages.ts';
import type { ThemeCode } from './themes.ts';

/**
 * The EU Publications Office's authority tables (http://publications.europa.eu/resource/authority/…),
 * the controlled vocabularies DCAT-AP asks portals to use, keyed by the codes the register stores.
 * Where we could not establish a table's code for one of ours, the code is left out and the
 * DCAT-AP export omits the property rather than guess a URI.
 */
const AUTHORITY = 'http://publications.europa.eu/resource/authority/';

export type AuthorityTable =
	| 'access-right'
	| 'country'
	| 'data-theme'
	| 'file-type'
	| 'frequency'
	| 'language'
	| 'licence';

/** The URI of a whole table (a skos:ConceptScheme). */
export function authorityScheme(table: AuthorityTable): string {
	return `${AUTHORITY}${table}`;
}

function authorityUri(table: AuthorityTable, code: string): string {
	return `${AUTHORITY}${table}/${code}`;
}

/** The table's codes follow ISO 639-3 (upper case), which our ISO 639-1 codes map onto one to one. */
const LANGUAGE_CODES: Record<LanguageCode, string> = {
	bg: 'BUL',
	bs: 'BOS',
	ca: 'CAT',
	cs: 'CES',
	cy: 'CYM',
	da: 'DAN',
	de: 'DEU',
	el: 'ELL',
	en: 'ENG',
	es: 'SPA',
	et: 'EST',
	eu: 'EUS',
	fi: 'FIN',
	fr: 'FRA',
	fy: 'FRY',
	ga: 'GLE',
	gd: 'GLA',
	gl: 'GLG',
	hr: 'HRV',
	hu: 'HUN',
	is: 'ISL',
	it: 'ITA',
	ka: 'KAT',
	lb: 'LTZ',
	lt: 'LIT',
	lv: 'LAV',
	mk: 'MKD',
	mt: 'MLT',
	nb: 'NOB',
	nl: 'NLD',
	nn: 'NNO',
	no: 'NOR',
	pl: 'POL',
	pt: 'POR',
	rm: 'ROH',
	ro: 'RON',
	ru: 'RUS',
	se: 'SME',
	sk: 'SLK',
	sl: 'SLV',
	sq: 'SQI',
	sr: 'SRP',
	sv: 'SWE',
	tr: 'TUR',
	uk: 'UKR',
};

/**
 * The country table uses ISO 3166-1 alpha-3 codes, and EUR for the European Union. Kosovo is
 * left out: its code in the table could not be confirmed.
 */
const COUNTRY_CODES: Partial<Record<CountryCode, string>> = {
	AD: 'AND',
	AL: 'ALB',
	AT: 'AUT',
	BA: 'BIH',
	BE: 'BEL',
	BG: 'BGR',
	CH: 'CHE',
	CY: 'CYP',
	CZ: 'CZE',
	DE: 'DEU',
	DK: 'DNK',
	EE: 'EST',
	ES: 'ESP',
	FI: 'FIN',
	FR: 'FRA',
	GB: 'GBR',
	GE: 'GEO',
	GR: 'GRC',
	HR: 'HRV',
	HU: 'HUN',
	IE: 'IRL',
	IS: 'ISL',
	IT: 'ITA',
	LI: 'LIE',
	LT: 'LTU',
	LU: 'LUX',
	LV: 'LVA',
	MC: 'MCO',
	MD: 'MDA',
	ME: 'MNE',
	MK: 'MKD',
	MT: 'MLT',
	NL: 'NLD',
	NO: 'NOR',
	PL: 'POL',
	PT: 'PRT',
	RO: 'ROU',
	RS: 'SRB',
	SE: 'SWE',
	SI: 'SVN',
	SK: 'SVK',
	SM: 'SMR',
	UA: 'UKR',
	VA: 'VAT',
	EU: 'EUR',
};

/**
 * Our access levels on the access-right table: open is PUBLIC; a key or an OAuth client anyone
 * may ask for is RESTRICTED (available under conditions); `restricted` (approved bodies only) is
 * NON_PUBLIC. `unknown` has no URI: we would be guessing.
 */
const ACCESS_RIGHTS: Readonly<Record<string, string>> = {
	open: 'PUBLIC',
	key: 'RESTRICTED',
	oauth2: 'RESTRICTED',
	restricted: 'NON_PUBLIC',
};

/** SPDX ids (and ours) whose entry in the licence table we know. The rest keep their own URL. */
const LICENCE_CODES: Readonly<Record<string, string>> = {
	'CC0-1.0': 'CC0',
	'CC-BY-4.0': 'CC_BY_4_0',
	'CC-BY-SA-4.0': 'CC_BYSA_4_0',
	'CC-BY-NC-4.0': 'CC_BYNC_4_0',
	'CC-BY-ND-4.0': 'CC_BYND_4_0',
	'ODC-By-1.0': 'ODC_BY',
	'ODbL-1.0': 'ODC_BL',
	'PDDL-1.0': 'ODC_PDDL',
	'OGL-UK-3.0': 'OGL_3_0',
	'EUPL-1.2': 'EUPL_1_2',
};

/** Format names as entries write them (upper-cased), on the file-type table's codes. */
const FILE_TYPES: Readonly<Record<string, string>> = {
	CSV: 'CSV',
	TSV: 'TSV',
	JSON: 'JSON',
	GEOJSON: 'GEOJSON',
	XML: 'XML',
	XLSX: 'XLSX',
	XLS: 'XLS',
	ODS: 'ODS',
	ZIP: 'ZIP',
	GZIP: 'GZIP',
	TAR: 'TAR',
	PDF: 'PDF',
	HTML: 'HTML',
	TXT: 'TXT',
	GML: 'GML',
	KML: 'KML',
	KMZ: 'KMZ',
	GPKG: 'GPKG',
	GPX: 'GPX',
	SHP: 'SHP',
	NETCDF: 'NETCDF',
	ATOM: 'ATOM',
	RSS: 'RSS',
	RDF: 'RDF_XML',
	'RDF+XML': 'RDF_XML',
	TTL: 'RDF_TURTLE',
	TURTLE: 'RDF_TURTLE',
	TIFF: 'TIFF',
	GEOTIFF: 'GEOTIFF',
	PNG: 'PNG',
	JPEG: 'JPEG',
};

export function languageUri(code: LanguageCode): string {
	return authorityUri('language', LANGUAGE_CODES[code]);
}

export function countryUri(code: CountryCode): string | undefined {
	const table = COUNTRY_CODES[code];
	return table === undefined ? undefined : authorityUri('country', table);
}

export function themeUri(code: ThemeCode): string {
	return authorityUri('data-theme', code);
}

export function frequencyUri(code: FrequencyCode): string {
	return authorityUri('frequency', code);
}

/** `access` as the entry schema stores it (open, key, oauth2, restricted, unknown). */
export function accessRightUri(access: string): string | undefined {
	const table = ACCESS_RIGHTS[access];
	return table === undefined ? undefined : authorityUri('access-right', table);
}

export function licenceUri(spdxId: string): string | undefined {
	const table = LICENCE_CODES[spdxId];
	return table === undefined ? undefined : authorityUri('licence', table);
}

export function fileTypeUri(format: string): string | undefined {
	const table = FILE_TYPES[format.toUpperCase()];
	return table === undefined ? undefined : authorityUri('file-type', table);
}
