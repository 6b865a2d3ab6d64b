import type { VerifyLimits } from '../constants.ts';
import type { FetchResult, HttpClient } from '../http-client.ts';

/**
 * Reading parts of a file through the verifier's one client: its first bytes with a Range
 * request (a server that ignores Range is cut at the same cap by the client, so a 2 GB file
 * costs only those bytes either way), a range anywhere in it when the server supports ranges,
 * or all of it under a cap.
 */

export interface FileHead {
	result: FetchResult;
	/** The server answered the Range request with 206: later parts can be asked for. */
	ranges: boolean;
	/** Size of the whole file, when the server said (Content-Range total, else Content-Length). */
	size: number | null;
	/** The body read holds the whole file. */
	complete: boolean;
}

const ACCEPT = '*/*';

/** `bytes 0-99/1234` → its parts; null when absent or malformed. */
function parseContentRange(
	value: string | undefined,
): { start: number; end: number; size: number | null } | null {
	const match = value?.match(/^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i);
	if (!match) return null;
	const [start, end] = [Number(match[1]), Number(match[2])];
	const size = match[3] === '*' ? null : Number(match[3]);
	return Number.isSafeInteger(start) && Number.isSafeInteger(end) && end >= start
		? { start, end, size: size !== null && Number.isSafeInteger(size) ? size : null }
		: null;
}

function contentLength(result: FetchResult): number | null {
	// A compressed answer's Content-Length counts the compressed bytes, not the file's.
	if (result.headers['content-encoding']) return null;
	const value = Number(result.headers['content-length']);
	return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** The first `limits.dataFileHeadBytes` of a file; a 416 (an empty file) is asked again without Range. */
export async function fetchFileHead(
	client: HttpClient,
	url: string,
	limits: VerifyLimits,
): Promise<FileHead> {
	const maxBytes = limits.dataFileHeadBytes;
	let result = await client.fetch(url, {
		method: 'GET',
		maxBytes,
		accept: ACCEPT,
		headers: { range: `bytes=0-${maxBytes - 1}` },
	});
	if (result.status === 416)
		result = await client.fetch(url, { method: 'GET', maxBytes, accept: ACCEPT });
	const range = result.status === 206 ? parseContentRange(result.headers['content-range']) : null;
	const ranges = range !== null && range.start === 0;
	const size = ranges ? range.size : result.status === 200 ? contentLength(result) : null;
	const complete =
		!result.truncated &&
		(result.status === 200 || (ranges && size !== null && range.end + 1 >= size));
	return { result, ranges, size, complete };
}

/**
 * Bytes `start` to `end` (exclusive) of a file whose server supports ranges. Anything but a 206
 * with exactly that range is refused: a server that answers with the whole file would otherwise
 * be read as its tail.
 */
export async function fetchFileRange(
	client: HttpClient,
	url: string,
	start: number,
	end: number,
): Promise<Buffer> {
	const length = end - start;
	const result = await client.fetch(url, {
		method: 'GET',
		maxBytes: length,
		accept: ACCEPT,
		headers: { range: `bytes=${start}-${end - 1}` },
	});
	const range = parseContentRange(result.headers['content-range']);
	if (result.status !== 206 || range?.start !== start || result.body.length !== length) {
		throw new Error(
			`asked for bytes ${start}–${end - 1}, got status ${result.status} without them`,
		);
	}
	return result.body;
}

/** The whole file when it is at most `maxBytes`, else null. */
export async function fetchWholeFile(
	client: HttpClient,
	url: string,
	maxBytes: number,
): Promise<Buffer | null> {
	const result = await client.fetch(url, { method: 'GET', maxBytes, accept: ACCEPT });
	if (result.status !== 200 || result.truncated) return null;
	return result.body;
}
