/**
 * Which language a multilingual title is taken in: the source country's own languages first,
 * then English, then any. Shared by the generic adapters (DCAT literals carry language tags,
 * some CKAN portals give titles as `{ "de": …, "fr": … }`).
 */

/** Official languages of the European countries (ISO 639-1), most used first. */
const COUNTRY_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
	AD: ['ca'],
	AL: ['sq'],
	AT: ['de'],
	BA: ['bs', 'hr', 'sr'],
	BE: ['nl', 'fr', 'de'],
	BG: ['bg'],
	CH: ['de', 'fr', 'it', 'rm'],
	CY: ['el', 'tr'],
	CZ: ['cs'],
	DE: ['de'],
	DK: ['da'],
	EE: ['et'],
	ES: ['es', 'ca', 'gl', 'eu'],
	FI: ['fi', 'sv'],
	FR: ['fr'],
	GB: ['en', 'cy'],
	GR: ['el'],
	HR: ['hr'],
	HU: ['hu'],
	IE: ['en', 'ga'],
	IS: ['is'],
	IT: ['it'],
	LI: ['de'],
	LT: ['lt'],
	LU: ['lb', 'fr', 'de'],
	LV: ['lv'],
	MC: ['fr'],
	MD: ['ro'],
	ME: ['sr', 'cnr'],
	MK: ['mk'],
	MT: ['mt', 'en'],
	NL: ['nl'],
	NO: ['nb', 'no', 'nn'],
	PL: ['pl'],
	PT: ['pt'],
	RO: ['ro'],
	RS: ['sr'],
	SE: ['sv'],
	SI: ['sl'],
	SK: ['sk'],
	SM: ['it'],
	UA: ['uk'],
	VA: ['it'],
	XK: ['sq', 'sr'],
};

/** Language tags to prefer for a source's country, in order; `en` always comes last. */
export function preferredLanguages(country: string): string[] {
	const own = COUNTRY_LANGUAGES[country.toUpperCase()] ?? [];
	return [...own.filter((tag) => tag !== 'en'), 'en'];
}

/**
 * Picks one value from values tagged with a language (`''` = untagged): the first preferred
 * language that has one, else an untagged value, else the first.
 */
export function pickByLanguage<T>(
	values: readonly { language: string; value: T }[],
	preferred: readonly string[],
): T | undefined {
	const base = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';
	for (const tag of preferred) {
		const hit = values.find((candidate) => base(candidate.language) === tag);
		if (hit) return hit.value;
	}
	return (values.find((candidate) => candidate.language === '') ?? values[0])?.value;
}
