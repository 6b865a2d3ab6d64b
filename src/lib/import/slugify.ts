/**
 * Titles to ASCII slugs for record ids. Latin letters lose their accents (NFKD); Greek and
 * Cyrillic, which many national catalogues write in, are transliterated letter by letter so a
 * Bulgarian or Greek record still gets a readable id.
 */

const TRANSLITERATION: Readonly<Record<string, string>> = {
	// Cyrillic (Bulgarian, Serbian, Macedonian, Ukrainian, Russian)
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	ђ: 'dj',
	е: 'e',
	ё: 'e',
	є: 'ie',
	ж: 'zh',
	з: 'z',
	ѕ: 'dz',
	и: 'i',
	і: 'i',
	ї: 'i',
	й: 'i',
	ј: 'j',
	к: 'k',
	л: 'l',
	љ: 'lj',
	м: 'm',
	н: 'n',
	њ: 'nj',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	ћ: 'c',
	ќ: 'kj',
	у: 'u',
	ў: 'u',
	ф: 'f',
	х: 'h',
	ц: 'ts',
	ч: 'ch',
	џ: 'dz',
	ш: 'sh',
	щ: 'sht',
	ъ: 'a',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya',
	ґ: 'g',
	ѓ: 'gj',
	// Greek
	α: 'a',
	β: 'v',
	γ: 'g',
	δ: 'd',
	ε: 'e',
	ζ: 'z',
	η: 'i',
	θ: 'th',
	ι: 'i',
	κ: 'k',
	λ: 'l',
	μ: 'm',
	ν: 'n',
	ξ: 'x',
	ο: 'o',
	π: 'p',
	ρ: 'r',
	σ: 's',
	ς: 's',
	τ: 't',
	υ: 'y',
	φ: 'f',
	χ: 'ch',
	ψ: 'ps',
	ω: 'o',
	// Latin letters NFKD does not take apart
	ß: 'ss',
	æ: 'ae',
	ø: 'o',
	œ: 'oe',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ł: 'l',
	ı: 'i',
	ħ: 'h',
};

/** Lower-case ASCII words joined by hyphens, at most `max` characters, cut between words. */
export function slugify(text: string, max = 60): string {
	const folded = [...text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')]
		.map((ch) => TRANSLITERATION[ch] ?? ch)
		.join('');
	const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max + 1);
	const hyphen = cut.lastIndexOf('-');
	return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, max)).replace(/-+$/, '');
}
