import { describe, expect, it } from 'vitest';
import { badgeSnippets } from '../../src/lib/site/badge-snippets.ts';

describe('badge snippets', () => {
	it('gives Markdown, HTML and reStructuredText embeds linking the badge to the record', () => {
		const s = badgeSnippets('fr-api-captchetat', 'API CaptchEtat');
		expect(s.markdown).toBe(
			'[![API CaptchEtat on c0mm0, the verified register of European data](https://c0mm0.com/badges/fr-api-captchetat.svg)](https://c0mm0.com/records/fr-api-captchetat/)',
		);
		expect(s.html).toBe(
			'<a href="https://c0mm0.com/records/fr-api-captchetat/"><img src="https://c0mm0.com/badges/fr-api-captchetat.svg" alt="API CaptchEtat on c0mm0, the verified register of European data"></a>',
		);
		expect(s.rst).toBe(
			'.. image:: https://c0mm0.com/badges/fr-api-captchetat.svg\n   :alt: API CaptchEtat on c0mm0, the verified register of European data\n   :target: https://c0mm0.com/records/fr-api-captchetat/',
		);
	});

	it('states no verdict in the alternative text', () => {
		expect(badgeSnippets('fr-x', 'X').alt).not.toMatch(/verified by|up|down/i);
	});

	it('keeps brackets from breaking the Markdown link and markup from breaking the HTML', () => {
		const s = badgeSnippets('fr-x', 'API [beta] (v2) & "more" <b>');
		expect(s.markdown).toContain('API \\[beta\\] \\(v2\\) & "more" <b>');
		expect(s.html).toContain('alt="API [beta] (v2) &amp; &quot;more&quot; &lt;b&gt; on c0mm0');
	});
});
