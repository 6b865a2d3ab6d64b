import type { Access } from '../../schemas/entry.ts';
import { FREQUENCIES, type FrequencyCode } from '../vocab/frequencies.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../vocab/languages.ts';
import { canonicalLicenceId, suggestLicenceId } from '../vocab/licences.ts';
import { THEME_CODES, type ThemeCode } from '../vocab/themes.ts';

/**
 * Maps what sources write (SPDX ids, licence URIs, EU authority-table URIs, their own words) to
 * the register's vocabularies. Anything not recognised maps to undefined and is left out: a
 * guess would put a wrong fact in the register.
 */

/** The last path segment of a URI (EU authority tables end in the code: …/data-theme/ECON). */
function lastSegment(value: string): string {
	return (
		value
			.replace(/[/#]+$/, '')
			.split(/[/#]/)
			.pop() ?? value
	);
}

/** Licence URIs whose path names the licence without an SPDX id in it. */
const LICENCE_URI_PATTERNS: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
	[/creativecommons\.org\/publicdomain\/zero\/1\.0/i, () => 'CC0-1.0'],
	[
		/creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)/i,
		(m) => `CC-${(m[1] ?? '').toUpperCase()}-${m[2]}`,
	],
	[/opendatacommons\.org\/licenses\/odbl/i, () => 'ODbL-1.0'],
	[/opendatacommons\.org\/licenses\/by/i, () => 'ODC-By-1.0'],
	[/opendatacommons\.org\/licenses\/pddl/i, () => 'PDDL-1.0'],
	[/etalab\.gouv\.fr\/licence-ouverte|etalab-2\.0|licence-ouverte/i, () => 'etalab-2.0'],
	[/open-government-licence/i, () => 'OGL-UK-3.0'],
	[/dl-de\/by-2-0|dl-de-by-2\.0/i, () => 'DL-DE-BY-2.0'],
	[/dl-de\/zero-2-0|dl-de-zero-2\.0/i, () => 'DL-DE-ZERO-2.0'],
	[/data\.norge\.no\/nlod/i, () => 'NLOD-2.0'],
	[/eli\/dec\/2011\/833/i, () => 'EC-Reuse-2011-833'],
];

/** An SPDX id (or our own id for a well-known open licence), or undefined. */
export function mapLicence(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const text = value.trim();
	const direct = canonicalLicenceId(text) ?? suggestLicenceId(text);
	if (direct) return direct;
	for (const [pattern, id] of LICENCE_URI_PATTERNS) {
		const match = text.match(pattern);
		if (match) return canonicalLicenceId(id(match));
	}
	// EU licence authority table: …/licence/CC_BY_4_0 → CC-BY-4.0.
	const code = lastSegment(text)
		.replace(/_(\d+)_(\d+)$/, '-$1.$2')
		.replaceAll('_', '-');
	return canonicalLicenceId(code) ?? suggestLicenceId(code);
}

const THEME_SET = new Set<string>(THEME_CODES);

/** EU data-theme codes, deduplicated, at most `max`. */
export function mapThemes(values: readonly string[] | undefined, max = 4): ThemeCode[] {
	const out = new Set<ThemeCode>();
	for (const value of values ?? []) {
		const code = lastSegment(value.trim()).toUpperCase();
		if (THEME_SET.has(code)) out.add(code as ThemeCode);
		if (out.size === max) break;
	}
	return [...out];
}

/** The EU language table's three-letter codes for the languages the register knows. */
const EU_LANGUAGE_CODES: Readonly<Record<string, string>> = {
	BUL: 'bg',
	CES: 'cs',
	DAN: 'da',
	DEU: 'de',
	ELL: 'el',
	ENG: 'en',
	EST: 'et',
	FIN: 'fi',
	FRA: 'fr',
	GLE: 'ga',
	HRV: 'hr',
	HUN: 'hu',
	ITA: 'it',
	LAV: 'lv',
	LIT: 'lt',
	MLT: 'mt',
	NLD: 'nl',
	POL: 'pl',
	POR: 'pt',
	RON: 'ro',
	SLK: 'sk',
	SLV: 'sl',
	SPA: 'es',
	SWE: 'sv',
	NOR: 'no',
	NOB: 'nb',
	NNO: 'nn',
	ISL: 'is',
	LTZ: 'lb',
	CAT: 'ca',
	EUS: 'eu',
	GLG: 'gl',
	SRP: 'sr',
	BOS: 'bs',
	MKD: 'mk',
	SQI: 'sq',
	UKR: 'uk',
	TUR: 'tr',
	RUS: 'ru',
	CYM: 'cy',
};

const LANGUAGE_SET = new Set<string>(LANGUAGE_CODES);

/** ISO 639-1 codes the register knows, deduplicated. */
export function mapLanguages(values: readonly string[] | undefined): LanguageCode[] {
	const out = new Set<LanguageCode>();
	for (const value of values ?? []) {
		const segment = lastSegment(value.trim());
		const code =
			segment.length === 2 ? segment.toLowerCase() : EU_LANGUAGE_CODES[segment.toUpperCase()];
		if (code && LANGUAGE_SET.has(code)) out.add(code as LanguageCode);
	}
	return [...out];
}

/** Words sources use for each access level, compared lower-case without punctuation. */
const ACCESS_WORDS: Readonly<Record<string, Access>> = {
	open: 'open',
	public: 'open',
	none: 'open',
	noauth: 'open',
	key: 'key',
	apikey: 'key',
	token: 'key',
	oauth: 'oauth2',
	oauth2: 'oauth2',
	oauth20: 'oauth2',
	restricted: 'restricted',
	nonpublic: 'restricted',
	private: 'restricted',
};

/**
 * The access level a source states, or undefined when it states none we recognise. `restricted`
 * comes only from a source's own word for it (or the EU access-right table's RESTRICTED /
 * NON_PUBLIC), never from a guess.
 */
export function mapAccess(value: string | undefined): Access | undefined {
	if (!value) return undefined;
	const word = lastSegment(value.trim())
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
	return ACCESS_WORDS[word];
}

/** Words catalogues use for a frequency (udata, CKAN extras), mapped to the EU code. */
const FREQUENCY_WORDS: Readonly<Record<string, FrequencyCode>> = {
	hourly: 'HOURLY',
	daily: 'DAILY',
	weekly: 'WEEKLY',
	biweekly: 'BIWEEKLY',
	fortnightly: 'BIWEEKLY',
	monthly: 'MONTHLY',
	bimonthly: 'BIMONTHLY',
	quarterly: 'QUARTERLY',
	semiannual: 'ANNUAL_2',
	biannual: 'ANNUAL_2',
	annual: 'ANNUAL',
	annually: 'ANNUAL',
	yearly: 'ANNUAL',
	biennial: 'BIENNIAL',
	continuous: 'CONT',
	irregular: 'IRREG',
	punctual: 'IRREG',
	never: 'NEVER',
	unknown: 'UNKNOWN',
};

/** An EU frequency code from a frequency URI, code or common word, or undefined. */
export function mapFrequency(value: string | undefined): FrequencyCode | undefined {
	if (!value) return undefined;
	const code = lastSegment(value.trim()).toUpperCase();
	if (code in FREQUENCIES) return code as FrequencyCode;
	return FREQUENCY_WORDS[code.toLowerCase()];
}
