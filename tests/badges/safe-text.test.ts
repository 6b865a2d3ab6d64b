import { describe, expect, it } from 'vitest';
import { cleanText, escapeXml, truncateText } from '../../src/lib/badges/safe-text.ts';

describe('cleanText', () => {
	it('turns control characters into spaces and collapses white space', () => {
		expect(cleanText('  a\u0000b\tc\n\nd\u007f\u0085e  ')).toBe('a b c d e');
	});

	it('drops bidirectional overrides and isolates', () => {
		expect(cleanText('a\u202eb\u2066c\u200fd')).toBe('a b c d');
	});

	it('replaces a lone surrogate, which is not text', () => {
		expect(cleanText('a\ud800b').isWellFormed()).toBe(true);
	});

	it('keeps letters of every script and emoji', () => {
		expect(cleanText('Ελληνικά кириллица ქართული 🚌')).toBe('Ελληνικά кириллица ქართული 🚌');
	});
});

describe('truncateText', () => {
	it('leaves text that fits alone', () => {
		expect(truncateText('API CaptchEtat', 14)).toBe('API CaptchEtat');
	});

	it('cuts to the limit, ellipsis included', () => {
		expect(truncateText('abcdefghij', 5)).toBe('abcd…');
	});

	it('does not leave a space before the ellipsis', () => {
		expect(truncateText('abc defghij', 5)).toBe('abc…');
	});

	it('cuts between graphemes, never inside an emoji or a flag', () => {
		expect(truncateText('ab🇪🇺🇪🇺', 5)).toBe('ab…');
		expect(truncateText('ab🇪🇺🇪🇺', 7)).toBe('ab🇪🇺…');
		expect(truncateText('a👨‍👩‍👧‍👦b', 5)).toBe('a…');
		expect(truncateText('e\u0301e\u0301e\u0301', 5)).toBe('e\u0301e\u0301…');
	});
});

describe('escapeXml', () => {
	it('escapes the five XML special characters', () => {
		expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;',
		);
	});
});
