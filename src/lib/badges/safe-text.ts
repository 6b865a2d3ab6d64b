/**
 * Text from catalog entries (written by strangers) on its way into SVG and PNG output. XML 1.0
 * forbids most control characters even when escaped, a lone surrogate is not text at all, and
 * bidirectional overrides can make a badge read differently from what it says — so they go
 * before anything is measured or escaped.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/gu;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The text with unsafe characters turned into spaces, runs of white space collapsed, trimmed. */
export function cleanText(text: string): string {
	return text.toWellFormed().replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The cleaned text in at most `max` UTF-16 code units, ending in "…" when cut. Cuts fall between
 * graphemes, so an emoji or an accented letter is never split into a broken half; counting code
 * units rather than graphemes bounds the bytes too, whatever the text is made of.
 */
export function truncateText(text: string, max: number): string {
	const clean = cleanText(text);
	if (clean.length <= max) return clean;
	let kept = '';
	for (const { segment } of graphemes.segment(clean)) {
		if (kept.length + segment.length > max - 1) break;
		kept += segment;
	}
	return `${kept.trimEnd()}…`;
}

const XML_ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

/** Escapes text for an XML text node or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string);
}
