import type { ErrorCode } from '../../schemas/snapshot.ts';

/** What each code means, for the methodology page and the record page. */
export const ERROR_MEANINGS: Record<ErrorCode, string> = {
	timeout: 'no answer within the time limit',
	dns: 'the host name does not resolve',
	refused: 'the server refused the connection',
	reset: 'the connection was cut',
	tls: 'the TLS certificate or handshake is not valid',
	'too-many-redirects': 'more than 5 redirects, or a redirect loop',
	'bad-redirect': 'a redirect to something other than an http(s) URL',
	'too-large': 'the response is larger than the register reads',
	'blocked-address':
		'the host resolves to a private or reserved address, which the register never contacts',
	'bad-url': 'the URL cannot be fetched',
	protocol:
		'the server broke HTTP: a malformed status line or status code, oversized headers, a body that does not match its declared length, or too many content encodings',
	unknown: 'an unexpected error',
};

export class FetchError extends Error {
	readonly code: ErrorCode;
	readonly ms: number;
	constructor(code: ErrorCode, message: string, ms: number, options?: ErrorOptions) {
		super(message, options);
		this.name = 'FetchError';
		this.code = code;
		this.ms = ms;
	}
}

/**
 * Node and OpenSSL codes for a certificate or handshake the server got wrong — a notAfter that
 * is not a date (`ERROR_IN_CERT_NOT_AFTER_FIELD`) included: it is the server's certificate that
 * is broken, so it counts as a TLS failure, not as a failure of the check.
 */
const TLS_CODE =
	/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_|ERROR_IN_C(ERT|RL)_|CRL_|INVALID_CA$|INVALID_PURPOSE$|PATH_LENGTH_EXCEEDED$|(EE|CA)_KEY_TOO_SMALL$|CA_MD_TOO_WEAK$)/;

/**
 * undici's codes for an answer that breaks HTTP, besides llhttp's HPE_ ones: headers too large,
 * a body longer or shorter than its Content-Length (undici's retry then cannot resume it:
 * UND_ERR_REQ_RETRY), conflicting lengths.
 */
const PROTOCOL_CODES = [
	'HTTPParserError',
	'UND_ERR_INFO',
	'UND_ERR_HEADERS_OVERFLOW',
	'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
	'UND_ERR_REQ_RETRY',
];

/**
 * undici reports some protocol violations only in words: a status below 100 trips an assertion
 * in its parser, and more than 5 content encodings is a plain Error.
 */
const PROTOCOL_MESSAGE = /statusCode >= 100|too many content-encodings/i;

function codesOf(error: unknown): string[] {
	const codes: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current && depth < 5; depth++) {
		const item = current as {
			code?: unknown;
			name?: unknown;
			errors?: unknown[];
			cause?: unknown;
			message?: unknown;
		};
		if (typeof item.code === 'string') codes.push(item.code);
		if (typeof item.name === 'string') codes.push(item.name);
		if (Array.isArray(item.errors)) for (const inner of item.errors) codes.push(...codesOf(inner));
		current = item.cause;
	}
	return codes;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The messages of an error and of its causes. */
function messagesOf(error: unknown): string[] {
	const messages: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current && depth < 5; depth++) {
		messages.push(messageOf(current));
		current = (current as { cause?: unknown }).cause;
	}
	return messages;
}

/** Maps whatever undici, Node or the address guard threw to one of the ERROR_CODES of a snapshot. */
export function classifyError(error: unknown): ErrorCode {
	const codes = codesOf(error);
	const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
	if (has('EBLOCKEDADDRESS')) return 'blocked-address';
	if (codes.some((code) => TLS_CODE.test(code))) return 'tls';
	if (has('UND_ERR_REDIRECT_MAX', 'MaxRedirectsError')) return 'too-many-redirects';
	if (/redirect loop/i.test(messageOf(error))) return 'too-many-redirects';
	if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA')) return 'dns';
	if (has('ECONNREFUSED')) return 'refused';
	if (
		has(
			'UND_ERR_CONNECT_TIMEOUT',
			'UND_ERR_HEADERS_TIMEOUT',
			'UND_ERR_BODY_TIMEOUT',
			'ETIMEDOUT',
			'TimeoutError',
		)
	)
		return 'timeout';
	if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET')) return 'reset';
	if (/exceeded maxSize|maxSize/i.test(messageOf(error)) || has('UND_ERR_RES_EXCEEDED_MAX_SIZE'))
		return 'too-large';
	if (/invalid (protocol|url)|unsupported protocol/i.test(messageOf(error))) return 'bad-redirect';
	if (has(...PROTOCOL_CODES) || codes.some((c) => c.startsWith('HPE_'))) return 'protocol';
	if (messagesOf(error).some((m) => PROTOCOL_MESSAGE.test(m))) return 'protocol';
	return 'unknown';
}
