/** ISO 639-1 codes of the languages of Europe that records are published in. */
export const LANGUAGES = {
	bg: 'Bulgarian',
	bs: 'Bosnian',
	ca: 'Catalan',
	cs: 'Czech',
	cy: 'Welsh',
	da: 'Danish',
	de: 'German',
	el: 'Greek',
	en: 'English',
	es: 'Spanish',
	et: 'Estonian',
	eu: 'Basque',
	fi: 'Finnish',
	fr: 'French',
	fy: 'Western Frisian',
	ga: 'Irish',
	gd: 'Scottish Gaelic',
	gl: 'Galician',
	hr: 'Croatian',
	hu: 'Hungarian',
	is: 'Icelandic',
	it: 'Italian',
	ka: 'Georgian',
	lb: 'Luxembourgish',
	lt: 'Lithuanian',
	lv: 'Latvian',
	mk: 'Macedonian',
	mt: 'Maltese',
	nb: 'Norwegian Bokmål',
	nl: 'Dutch',
	nn: 'Norwegian Nynorsk',
	no: 'Norwegian',
	pl: 'Polish',
	pt: 'Portuguese',
	rm: 'Romansh',
	ro: 'Romanian',
	ru: 'Russian',
	se: 'Northern Sami',
	sk: 'Slovak',
	sl: 'Slovenian',
	sq: 'Albanian',
	sr: 'Serbian',
	sv: 'Swedish',
	tr: 'Turkish',
	uk: 'Ukrainian',
} as const;

export type LanguageCode = keyof typeof LANGUAGES;

export const LANGUAGE_CODES = Object.keys(LANGUAGES) as [LanguageCode, ...LanguageCode[]];

export function languageName(code: LanguageCode): string {
	return LANGUAGES[code];
}
