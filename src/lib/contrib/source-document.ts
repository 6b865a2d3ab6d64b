import { decodeEntities } from '../import/clean-text.ts';
import { parseSpecText } from '../verify/openapi/parse-spec-text.ts';

/**
 * Recognising the document a contributor points `npm run new-entry` at, and reading what an
 * OpenAPI/Swagger document states about itself. Pure.
 */

/** What the fetched document turned out to be. */
export type DraftSource =
	| { kind: 'openapi'; url: string; document: Record<string, unknown> }
	| { kind: 'html'; url: string; title?: string }
	| { kind: 'other'; url: string; contentType: string };

/** Recognises an OpenAPI 3.x or Swagger 2.0 document, an HTML page, or neither. */
export function classifyDocument(url: string, contentType: string, body: string): DraftSource {
	const text = body.replace(/^\uFEFF/, '').trimStart();
	const type = contentType.toLowerCase();
	if (type.includes('html') || /^<(!doctype html|html|head)\b/i.test(text)) {
		const title = htmlTitle(text);
		return title ? { kind: 'html', url, title } : { kind: 'html', url };
	}
	let parsed: unknown;
	try {
		parsed = parseSpecText(text);
	} catch {
		return { kind: 'other', url, contentType };
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		const document = parsed as Record<string, unknown>;
		const version = String(document.openapi ?? document.swagger ?? '');
		if (/^(2(\.0)?|3\.\d+(\.\d+)?)$/.test(version)) return { kind: 'openapi', url, document };
	}
	return { kind: 'other', url, contentType };
}

export function htmlTitle(html: string): string | undefined {
	const match = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
	const title = decodeEntities(match?.[1] ?? '')
		.replace(/\s+/g, ' ')
		.trim();
	return title || undefined;
}

export function httpUrl(value: unknown, base: string): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	try {
		const url = new URL(value.trim(), base);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

export function asRecord(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

/** `servers[0]` (variables filled with their defaults) or Swagger's scheme + host + basePath. */
export function specBaseUrl(
	document: Record<string, unknown>,
	specUrl: string,
): string | undefined {
	if (Array.isArray(document.servers)) {
		const server = asRecord(document.servers[0]);
		const variables = asRecord(server.variables);
		const template = typeof server.url === 'string' ? server.url : '';
		const filled = template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
			const fallback = asRecord(variables[name]).default;
			return typeof fallback === 'string' ? fallback : whole;
		});
		return filled.includes('{') ? undefined : httpUrl(filled, specUrl);
	}
	if (document.swagger === undefined) return undefined;
	const spec = new URL(specUrl);
	const schemes = Array.isArray(document.schemes) ? document.schemes.map(String) : [];
	const scheme = schemes.includes('https')
		? 'https'
		: (schemes[0] ?? spec.protocol.replace(':', ''));
	const host = typeof document.host === 'string' && document.host ? document.host : spec.host;
	const basePath = typeof document.basePath === 'string' ? document.basePath : '/';
	return httpUrl(`${scheme}://${host}${basePath.startsWith('/') ? '' : '/'}${basePath}`, specUrl);
}

/** What the spec's security schemes suggest for `access` — a hint for the contributor, not a value. */
export function accessHint(document: Record<string, unknown>): string {
	const schemes = {
		...asRecord(document.securityDefinitions),
		...asRecord(asRecord(document.components).securitySchemes),
	};
	const types = new Set(Object.values(schemes).map((s) => String(asRecord(s).type ?? '')));
	if (types.size === 0) return 'the spec declares no security scheme: open, if the docs agree';
	if (types.has('oauth2') || types.has('openIdConnect'))
		return 'the spec declares OAuth 2.0: oauth2';
	return `the spec declares ${[...types].join(', ')} authentication: key, unless access needs approval (restricted)`;
}
