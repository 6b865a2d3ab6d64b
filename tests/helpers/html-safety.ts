import { Parser } from 'htmlparser2';

const SAFE_SCHEMES = /^(https?:|mailto:|\/|#|\.)/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/**
 * Parses HTML the way a browser would tokenise it and lists anything an entry could have
 * injected: script elements (other than JSON-LD), iframes, objects, embeds, forms, event-handler
 * attributes, and URL attributes with a scheme other than http(s)/mailto.
 */
export function injectedMarkup(html: string): string[] {
	const found: string[] = [];
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (name === 'script' && attributes.type !== 'application/ld+json')
					found.push(`<script ${JSON.stringify(attributes)}>`);
				if (
					['iframe', 'object', 'embed', 'frame', 'base', 'form'].includes(name) &&
					!(name === 'form' && attributes.action === '/search/')
				) {
					found.push(`<${name}>`);
				}
				for (const [attribute, value] of Object.entries(attributes)) {
					if (/^on/i.test(attribute)) found.push(`${name}[${attribute}]`);
					if (
						URL_ATTRIBUTES.has(attribute) &&
						value.trim() !== '' &&
						!SAFE_SCHEMES.test(value.trim())
					) {
						found.push(`${name}[${attribute}=${value.slice(0, 40)}]`);
					}
				}
			},
		},
		{ decodeEntities: true, lowerCaseAttributeNames: true },
	);
	parser.write(html);
	parser.end();
	return found;
}
