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
	protocol: 'the server broke the HTTP protocol',
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

const TLS_CODE =
	/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

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

/** Maps whatever undici, Node or the address guard threw to one of {@link ERROR_CODES}. */
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
	if (
		has('HPE_INVALID_CONSTANT', 'HTTPParserError', 'UND_ERR_INFO') ||
		codes.some((c) => c.startsWith('HPE_'))
	)
		return 'protocol';
	return 'unknown';
}
