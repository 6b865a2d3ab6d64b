import { absoluteUrl, badgePath, recordPath } from '../register/urls.ts';

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function escapeMarkdown(text: string): string {
	return text.replace(/[\\[\]()]/g, '\\$&');
}

/**
 * Copy-ready embeds of a record's badge. The alternative text names the record and the register
 * but states no verdict: the badge image carries the state, which changes every night.
 */
export function badgeSnippets(id: string, title: string) {
	return embedSnippets(absoluteUrl(badgePath(id)), absoluteUrl(recordPath(id)), title);
}

/** The shields.io badge drawn from a badge endpoint (`/badges/<id>.json`), to restyle it. */
export function shieldsBadgeUrl(endpoint: string): string {
	return `https://img.shields.io/endpoint?url=${encodeURIComponent(endpoint)}`;
}

/** Markdown, HTML and reStructuredText embeds of the badge at `badge`, linked to `page`; shared with publishers' badges. */
export function embedSnippets(badge: string, page: string, name: string) {
	const alt = `${name.replace(/\s+/g, ' ').trim()} on c0mm0, the verified register of European data`;
	return {
		alt,
		markdown: `[![${escapeMarkdown(alt)}](${badge})](${page})`,
		html: `<a href="${escapeHtml(page)}"><img src="${escapeHtml(badge)}" alt="${escapeHtml(alt)}"></a>`,
		rst: `.. image:: ${badge}\n   :alt: ${alt}\n   :target: ${page}`,
	};
}
