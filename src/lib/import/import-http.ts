import { addressGate } from '../net/address-policy.ts';
import { VERIFY_DEFAULTS, type VerifyLimits } from '../verify/constants.ts';
import { createHttpClient } from '../verify/http-client.ts';
import type { ImportGet, ImportHttp, ImportResponse } from './adapter.ts';
import { IMPORT_DEFAULTS } from './constants.ts';

/** The only headers an adapter may send: conditional requests and an API key. */
const ALLOWED_HEADERS = /^(if-none-match|if-modified-since|x-api-key|api-key|apikey)$/i;

/**
 * What the pipeline passes beside an adapter's own options: the source's deadline, so a source
 * that hangs is cut off at it whatever its adapter does (see {@link withDeadline}).
 */
type GetWithSignal = ImportGet & { signal?: AbortSignal };

export interface ImportHttpOptions {
	allowPrivate: boolean;
	/** Extra trusted CA certificates (PEM), for tests serving HTTPS. */
	ca?: string[];
	/** Overrides of the verifier's limits (tests shrink the times). */
	limits?: Partial<VerifyLimits>;
}

function checkedHeaders(headers: Record<string, string> | undefined): Record<string, string> {
	for (const name of Object.keys(headers ?? {})) {
		if (!ALLOWED_HEADERS.test(name)) {
			throw new Error(`an adapter may not send the ${name} header`);
		}
	}
	return headers ?? {};
}

/**
 * The importer's HTTP: the verifier's one client (address policy checked at connect time,
 * timeouts, redirects, retries, decompression cap, per-host limit, User-Agent), with a page
 * size large enough for a catalogue's page instead of a spec's.
 */
export function createImportHttp(
	options: ImportHttpOptions,
): ImportHttp & { close(): Promise<void> } {
	const client = createHttpClient({
		limits: { ...VERIFY_DEFAULTS, specBodyBytes: IMPORT_DEFAULTS.maxPageBytes, ...options.limits },
		mayConnect: addressGate({ allowPrivate: options.allowPrivate }),
		...(options.ca ? { ca: options.ca } : {}),
	});
	const answer = async (
		url: string,
		get: ImportGet,
		form?: Record<string, string>,
	): Promise<ImportResponse> => {
		const result = await client.fetch(url, {
			method: form ? 'POST' : 'GET',
			maxBytes: get.maxBytes,
			...(get.accept ? { accept: get.accept } : {}),
			...((get as GetWithSignal).signal ? { signal: (get as GetWithSignal).signal } : {}),
			headers: checkedHeaders(get.headers),
			...(form ? { form } : {}),
		});
		return {
			status: result.status,
			headers: result.headers,
			body: result.body,
			truncated: result.truncated,
			finalUrl: result.finalUrl,
		};
	};
	return {
		get: (url, get) => answer(url, get),
		postForm: (url, form, get) => answer(url, get, form),
		close: () => client.close(),
	};
}

/** The same client, every request of it ended when `signal` aborts (a source's deadline). */
export function withDeadline(http: ImportHttp, signal: AbortSignal): ImportHttp {
	const post = http.postForm?.bind(http);
	return {
		get: (url, get) => http.get(url, { ...get, signal } as GetWithSignal),
		...(post
			? { postForm: (url, form, get) => post(url, form, { ...get, signal } as GetWithSignal) }
			: {}),
	};
}
