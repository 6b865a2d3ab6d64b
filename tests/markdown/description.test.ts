import { describe, expect, it } from 'vitest';
import { descriptionText, renderDescription } from '../../src/lib/markdown/description.ts';

describe('renderDescription', () => {
	it('renders markdown, shifting headings under the page sections', () => {
		expect(
			renderDescription('## Data\n\nSome **bold** text and a [link](https://example.org/).'),
		).toBe(
			'<h4>Data</h4>\n<p>Some <strong>bold</strong> text and a <a href="https://example.org/" rel="nofollow ugc noopener">link</a>.</p>\n',
		);
	});

	it.each([
		['a script tag', '<script>alert(1)</script>'],
		['an event handler', '<img src=x onerror=alert(1)>'],
		['an iframe', '<iframe src="https://evil.example.com"></iframe>'],
		['a style tag', '<style>body{display:none}</style>'],
		['an svg with onload', '<svg onload=alert(1)></svg>'],
	])('never lets %s through as markup', (_case, markdown) => {
		const html = renderDescription(markdown);
		expect(html).not.toMatch(/<(script|img|iframe|style|svg)\b/i);
		expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
		expect(html).toContain('&lt;');
	});

	it.each([
		['a javascript: link', '[x](javascript:alert(1))'],
		['an obfuscated javascript: link', '[x](JaVaScRiPt&#58;alert(1))'],
		['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
		['a vbscript: link', '[x](vbscript:msgbox(1))'],
		['an autolink to javascript:', '<javascript:alert(1)>'],
	])('never renders %s as a link', (_case, markdown) => {
		const html = renderDescription(markdown);
		expect(html).not.toMatch(/href="(?!https?:|mailto:)/i);
	});

	it('drops images', () => {
		expect(renderDescription('![x](https://tracker.example.com/p.gif)')).not.toContain('<img');
	});

	it('gives plain text for meta descriptions', () => {
		expect(descriptionText('## Title\n\nHello <b>there</b> & [you](https://x.org).')).toBe(
			'Title Hello &lt;b&gt;there&lt;/b&gt; &amp; you.',
		);
	});
});
