import { performance } from 'node:perf_hooks';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, type Dispatcher, interceptors, request } from 'undici';
import type { ErrorCode } from '../../schemas/snapshot.ts';
import {
	TRANSIENT_ERROR_CODES,
	TRANSIENT_STATUS_CODES,
	USER_AGENT,
	type VerifyLimits,
} from './constants.ts';
import { classifyError, FetchError } from './errors.ts';
import { type CertificateInfo, guardedConnector } from './guarded-connector.ts';

export interface HttpClientOptions {
	limits: VerifyLimits;
	/** Whether an address may be connected to (see addressGate in the address policy). */
	mayConnect: (address: string) => boolean;
	/** Extra trusted CA certificates (PEM) — tests serving HTTPS with their own CA. */
	ca?: string[];
}

export interface FetchRequest {
	/** POST is for the importer's SPARQL queries only: never retried, sent with `form` as its body. */
	method: 'GET' | 'HEAD' | 'POST';
	/** Decompressed body bytes to read; more is cut off and reported as truncated. */
	maxBytes: number;
	accept?: string;
	signal?: AbortSignal;
	/** Extra request headers (the importer's conditional-request and API-key headers). */
	headers?: Record<string, string>;
	/** An application/x-www-form-urlencoded body, for POST. */
	form?: Record<string, string>;
}

export interface FetchResult {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
	/** The body went on past maxBytes and was cut. */
	truncated: boolean;
	finalUrl: string;
	redirects: number;
	ms: number;
}

export interface HttpClient {
	fetch(url: string, request: FetchRequest): Promise<FetchResult>;
	/** The certificate last seen for a URL's origin, when it was fetched over HTTPS. */
	certificate(url: string): CertificateInfo | undefined;
	close(): Promise<void>;
}

/** HTTP status codes are three digits from 100 to 599 (RFC 9110 §15); anything else is not HTTP. */
function isHttpStatus(status: number): boolean {
	return Number.isInteger(status) && status >= 100 && status <= 599;
}

function originKey(url: URL): string {
	const port = url.port || (url.protocol === 'https:' ? '443' : '80');
	return `${url.protocol}//${url.hostname.replace(/^\[|\]$/g, '')}:${port}`;
}

function flattenHeaders(
	headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers)) {
		if (value !== undefined)
			out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

/**
 * The verifier's one HTTP client: a single undici Agent whose connector enforces the address
 * policy, composed with undici's retry (transient errors and 429/502/503/504, doubling delays,
 * Retry-After honoured up to a cap), redirect (at most N hops) and decompress (decompressed
 * bytes capped, so a gzip bomb is cut off) interceptors. On top: a per-host limit of requests in
 * flight and a deadline per request.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
	const { limits } = options;
	const certificates = new Map<string, CertificateInfo>();
	const agent = new Agent({
		connect: guardedConnector({
			connectTimeoutMs: limits.connectTimeoutMs,
			mayConnect: options.mayConnect,
			...(options.ca ? { ca: options.ca } : {}),
			onCertificate: (origin, certificate) => certificates.set(origin, certificate),
		}),
		connections: limits.perHostConcurrency,
		pipelining: 1,
		headersTimeout: limits.headersTimeoutMs,
		bodyTimeout: limits.bodyTimeoutMs,
		keepAliveTimeout: 4_000,
	});
	const dispatcher: Dispatcher = agent.compose(
		interceptors.decompress({ maxSize: limits.specBodyBytes, skipErrorResponses: false }),
		interceptors.redirect({ maxRedirections: limits.maxRedirects, throwOnMaxRedirect: true }),
		interceptors.retry({
			maxRetries: limits.maxRetries,
			minTimeout: limits.retryBaseDelayMs,
			timeoutFactor: 2,
			maxTimeout: limits.maxRetryAfterMs,
			methods: ['GET', 'HEAD'],
			statusCodes: [...TRANSIENT_STATUS_CODES],
			errorCodes: [...TRANSIENT_ERROR_CODES],
			throwOnError: false,
		}),
	);
	const hosts = new Map<string, LimitFunction>();
	const hostLimit = (url: URL): LimitFunction => {
		const key = originKey(url);
		let limit = hosts.get(key);
		if (!limit) {
			limit = pLimit(limits.perHostConcurrency);
			hosts.set(key, limit);
		}
		return limit;
	};

	async function fetchOnce(url: URL, req: FetchRequest): Promise<FetchResult> {
		const started = performance.now();
		const deadline = AbortSignal.timeout(limits.requestDeadlineMs);
		const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
		try {
			const response = await request(url, {
				dispatcher,
				method: req.method,
				signal,
				headers: {
					...req.headers,
					'user-agent': USER_AGENT,
					accept: req.accept ?? '*/*',
					'accept-encoding': 'gzip, deflate, br',
					...(req.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
				},
				...(req.form ? { body: new URLSearchParams(req.form).toString() } : {}),
			});
			if (!isHttpStatus(response.statusCode)) {
				response.body.on('error', () => {});
				response.body.destroy();
				throw new FetchError(
					'protocol',
					`answered status ${response.statusCode}, which is not an HTTP status (100–599)`,
					Math.round(performance.now() - started),
				);
			}
			const chunks: Buffer[] = [];
			let size = 0;
			let truncated = false;
			if (req.method === 'HEAD') {
				await response.body.dump();
			} else {
				for await (const chunk of response.body) {
					const buffer = chunk as Buffer;
					const room = req.maxBytes - size;
					if (buffer.length > room) {
						chunks.push(buffer.subarray(0, room));
						size = req.maxBytes;
						truncated = true;
						break;
					}
					chunks.push(buffer);
					size += buffer.length;
				}
				if (truncated) {
					// Stop reading: destroying the stream aborts the request, which reports (harmlessly) as an error.
					response.body.on('error', () => {});
					response.body.destroy();
				}
			}
			const history = (response.context as { history?: URL[] } | undefined)?.history ?? [];
			const finalUrl = history.at(-1)?.href ?? url.href;
			return {
				status: response.statusCode,
				headers: flattenHeaders(response.headers),
				body: Buffer.concat(chunks, size),
				truncated,
				finalUrl,
				redirects: Math.max(0, history.length - 1),
				ms: Math.round(performance.now() - started),
			};
		} catch (error) {
			if (error instanceof FetchError) throw error;
			const ms = Math.round(performance.now() - started);
			const code: ErrorCode = deadline.aborted ? 'timeout' : classifyError(error);
			throw new FetchError(code, error instanceof Error ? error.message : String(error), ms, {
				cause: error,
			});
		}
	}

	return {
		async fetch(url, req) {
			let parsed: URL;
			try {
				parsed = new URL(url);
			} catch (error) {
				throw new FetchError('bad-url', `not a URL: ${url}`, 0, { cause: error });
			}
			if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
				throw new FetchError(
					'bad-url',
					`only http and https are fetched, not ${parsed.protocol}`,
					0,
				);
			}
			return hostLimit(parsed)(() => fetchOnce(parsed, req));
		},
		certificate(url) {
			try {
				return certificates.get(originKey(new URL(url)));
			} catch {
				return undefined;
			}
		},
		async close() {
			await agent.close();
		},
	};
}
