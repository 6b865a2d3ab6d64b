/**
 * The page names of www.api.gov.uk: its generator (co-cddo/api-catalogue, lib/url_helpers.rb)
 * puts an API's page at `/<organisation alternateName>/<API name>/`, each through ActiveSupport's
 * `parameterize`. This is that function for the names the catalogue uses: letters with accents
 * lose them, ß/æ/œ/ø become ss/ae/oe/o (as I18n's transliteration does), every other run of
 * characters outside a–z, 0–9, `-` and `_` becomes one `-`, and the result is lower case
 * without a leading or trailing `-`.
 */
const LIGATURES: Readonly<Record<string, string>> = {
	ß: 'ss',
	æ: 'ae',
	Æ: 'AE',
	œ: 'oe',
	Œ: 'OE',
	ø: 'o',
	Ø: 'O',
	đ: 'd',
	Đ: 'D',
	ł: 'l',
	Ł: 'L',
	þ: 'th',
	Þ: 'TH',
};

export function parameterize(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(/[ßæÆœŒøØđĐłŁþÞ]/g, (letter) => LIGATURES[letter] ?? '-')
		.replace(/[^a-z0-9\-_]+/gi, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^-|-$/g, '')
		.toLowerCase();
}
