import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Descriptions are markdown written by strangers. They render through markdown-it with raw HTML
 * switched off and images disabled, then through an allow-list sanitiser as a second, independent
 * wall: no script, style, iframe, event handler or javascript: URL can reach a page.
 */

const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];

const renderer = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable([
	'image',
]);

// Headings in a description sit under the record page's own h2 sections.
renderer.renderer.rules.heading_open = (tokens, idx) => {
	const token = tokens[idx];
	const level = Math.min(6, Number(token?.tag.slice(1) ?? 3) + 2);
	return `<h${level}>`;
};
renderer.renderer.rules.heading_close = (tokens, idx) => {
	const token = tokens[idx];
	const level = Math.min(6, Number(token?.tag.slice(1) ?? 3) + 2);
	return `</h${level}>\n`;
};

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'a',
		'hr',
		'h3',
		'h4',
		'h5',
		'h6',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		's',
	],
	allowedAttributes: { a: ['href', 'rel'], th: ['style'], td: ['style'], ol: ['start'] },
	allowedStyles: {
		th: { 'text-align': [/^(left|right|center)$/] },
		td: { 'text-align': [/^(left|right|center)$/] },
	},
	allowedSchemes: ALLOWED_SCHEMES,
	allowProtocolRelative: false,
	transformTags: {
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'nofollow ugc noopener' },
		}),
	},
};

/** Safe HTML for a description. */
export function renderDescription(markdown: string): string {
	return sanitizeHtml(renderer.render(markdown), SANITIZE_OPTIONS);
}

/** Plain text of a description, for search snippets and meta descriptions. */
export function descriptionText(markdown: string): string {
	return sanitizeHtml(renderer.render(markdown), { allowedTags: [], allowedAttributes: {} })
		.replace(/\s+/g, ' ')
		.trim();
}

/** A parser that keeps every link, so that the validator can see (and refuse) the bad ones. */
const inspector = new MarkdownIt({ html: true, linkify: true });
inspector.validateLink = () => true;

export interface DescriptionFinding {
	message: string;
	fix: string;
}

function snippet(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
}

/** What a contributor must change in a description before it can be published. */
export function inspectDescription(markdown: string, maxLength: number): DescriptionFinding[] {
	const findings: DescriptionFinding[] = [];
	if (markdown.length > maxLength) {
		findings.push({
			message: `is ${markdown.length} characters long, over the ${maxLength} limit`,
			fix: 'keep the essentials and link to the documentation for the rest',
		});
	}
	const tokens = inspector.parse(markdown, {});
	const htmlSnippets = new Set<string>();
	const walk = (list: ReturnType<typeof inspector.parse>): void => {
		for (const token of list) {
			if (token.type === 'html_block' || token.type === 'html_inline') {
				htmlSnippets.add(snippet(token.content));
			} else if (token.type === 'image') {
				findings.push({
					message: `contains an image (${snippet(String(token.attrGet('src') ?? ''))})`,
					fix: 'remove it; record pages show no images from entries',
				});
			} else if (token.type === 'link_open') {
				const href = String(token.attrGet('href') ?? '');
				const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim())?.[1]?.toLowerCase();
				if (scheme && !ALLOWED_SCHEMES.includes(scheme)) {
					findings.push({
						message: `links to a ${scheme}: URL (${snippet(href)})`,
						fix: 'link only to https://, http:// or mailto: addresses',
					});
				} else if (!scheme) {
					findings.push({
						message: `has a relative link (${snippet(href)})`,
						fix: 'write links in full, starting with https://',
					});
				}
			}
			if (token.children) walk(token.children);
		}
	};
	walk(tokens);
	if (htmlSnippets.size > 0) {
		findings.unshift({
			message: `contains raw HTML (${[...htmlSnippets].slice(0, 3).join(' ')})`,
			fix: 'write it in markdown; HTML is never rendered',
		});
	}
	return findings;
}
