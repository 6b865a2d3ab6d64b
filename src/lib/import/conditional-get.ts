import {
	type AdapterContext,
	type ImportGet,
	type ImportResponse,
	SourceUnchanged,
} from './adapter.ts';

/**
 * A GET that asks the source whether its file changed since the last successful run: the
 * validators remembered then are sent as If-None-Match / If-Modified-Since, a 304 ends the source
 * as unchanged, and the validators of a fresh answer are remembered for the next night. Meant for
 * sources served as one file (a CSV, a dump); a paged API changes page by page.
 */
export async function conditionalGet(
	context: AdapterContext,
	url: string,
	get: ImportGet,
): Promise<ImportResponse> {
	const previous = context.previousValidators.get(url);
	const headers: Record<string, string> = { ...get.headers };
	if (previous?.etag) headers['if-none-match'] = previous.etag;
	if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
	const response = await context.http.get(url, { ...get, headers });
	if (response.status === 304) throw new SourceUnchanged(url);
	const etag = response.headers.etag;
	const lastModified = response.headers['last-modified'];
	if (response.status === 200 && (etag || lastModified)) {
		context.rememberValidators(url, {
			...(etag ? { etag: etag.slice(0, 500) } : {}),
			...(lastModified ? { lastModified: lastModified.slice(0, 100) } : {}),
		});
	}
	return response;
}
