import {
	type AdapterContext,
	type ImportResponse,
	SourceFailure,
	SourceUnchanged,
} from '../adapter.ts';

/**
 * One page of a catalogue, read the same way by every adapter. Every way a page can go wrong fails
 * the whole source — a transport error, a status other than 200, a body cut at the page cap, a
 * JSON page that is not JSON — so an adapter never builds records from half a page.
 */

export interface PageRequest {
	accept: string;
	/** An API key header, sent as is (the client refuses any other header). */
	headers?: Record<string, string>;
	/**
	 * Ask with the validators of the last run and answer 304 with {@link SourceUnchanged}. Only for
	 * a single-document source: page 1 of a paged API being unchanged says nothing about page 2.
	 */
	conditional?: boolean;
	/** A POSTed SPARQL query form; sent as a GET query string when the client cannot POST. */
	form?: Record<string, string>;
}

function conditionalHeaders(context: AdapterContext, url: string): Record<string, string> {
	const previous = context.previousValidators.get(url);
	const headers: Record<string, string> = {};
	if (previous?.etag) headers['If-None-Match'] = previous.etag;
	if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
	return headers;
}

function rememberValidators(context: AdapterContext, url: string, response: ImportResponse): void {
	const etag = response.headers.etag;
	const lastModified = response.headers['last-modified'];
	if (etag || lastModified) {
		context.rememberValidators(url, {
			...(etag ? { etag } : {}),
			...(lastModified ? { lastModified } : {}),
		});
	}
}

function withQuery(url: string, form: Record<string, string>): string {
	const target = new URL(url);
	for (const [key, value] of Object.entries(form)) target.searchParams.set(key, value);
	return target.href;
}

/** GETs (or POSTs a form to) one page; anything but a whole 200 answer fails the source. */
export async function fetchPage(
	context: AdapterContext,
	url: string,
	request: PageRequest,
): Promise<ImportResponse> {
	if (context.signal.aborted) throw new SourceFailure(`${url}: the import was stopped`);
	const options = {
		maxBytes: context.limits.maxPageBytes,
		accept: request.accept,
		headers: {
			...request.headers,
			...(request.conditional ? conditionalHeaders(context, url) : {}),
		},
	};
	let response: ImportResponse;
	try {
		if (request.form && context.http.postForm) {
			response = await context.http.postForm(url, request.form, options);
		} else {
			response = await context.http.get(request.form ? withQuery(url, request.form) : url, options);
		}
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new SourceFailure(`${url}: ${reason}`, { cause: error });
	}
	if (response.status === 304 && request.conditional) throw new SourceUnchanged(url);
	if (response.status !== 200) throw new SourceFailure(`${url} answered HTTP ${response.status}`);
	if (response.truncated) {
		throw new SourceFailure(
			`${url}: the page is larger than ${context.limits.maxPageBytes} bytes (maxPageBytes) — not read`,
		);
	}
	if (request.conditional) rememberValidators(context, url, response);
	return response;
}

/** The page as JSON; a page that is not JSON fails the source. */
export function parseJsonPage(response: ImportResponse, url: string): unknown {
	try {
		return JSON.parse(response.body.toString('utf8'));
	} catch (error) {
		throw new SourceFailure(`${url}: the answer is not JSON`, { cause: error });
	}
}
