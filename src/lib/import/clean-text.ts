import { HTML_TAG } from '../catalog/entry-rules.ts';
import { withoutControlCharacters } from '../cli/safe-log-text.ts';

/**
 * Text from a source made plain: entities decoded, markup removed, controls and runs of
 * whitespace collapsed, then cut to a length at a word. Sources paste HTML into titles and
 * names; the register shows plain text only.
 */

const ENTITIES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/**
 * HTML character references decoded: numeric ones, and the named ones a title or a name uses;
 * an unknown name stays as written, a number that is no Unicode character is dropped.
 */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X'
					? Number.parseInt(name.slice(2), 16)
					: Number.parseInt(name.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** Removes tags until none is left: decoding `&lt;b&gt;` can make a new one. */
function stripTags(text: string): string {
	let out = text;
	for (let round = 0; round < 5; round += 1) {
		const next = decodeEntities(out)
			.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(/<\/?[a-z!][^>]*>/gi, ' ');
		if (next === out) break;
		out = next;
	}
	// Whatever still looks like a tag (a `<` left unclosed by the rounds above) loses its angle.
	return HTML_TAG.test(out) ? out.replace(/[<>]/g, ' ') : out;
}

/** Cut to at most `max` characters, at the last space when there is one in the second half. */
function cutAtWord(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max + 1);
	const space = cut.lastIndexOf(' ');
	return (space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/** Plain one-line text, at most `max` characters; empty when nothing is left. */
export function plainText(value: string | undefined, max: number): string {
	if (!value) return '';
	const text = withoutControlCharacters(stripTags(value)).replace(/\s+/g, ' ').trim();
	return cutAtWord(text, max);
}
