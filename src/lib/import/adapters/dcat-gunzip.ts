import { gunzipSync } from 'node:zlib';
import { SourceFailure } from '../adapter.ts';

/**
 * Some portals publish their catalogue as a gzip file (data.gov.be's `….xml.gz`), served as
 * `application/gzip` rather than with a Content-Encoding the HTTP client would undo. Such a body
 * is unpacked here under the same byte cap as any page, so a gzip bomb fails the source instead
 * of filling memory.
 */
export function gunzipIfPacked(body: Buffer, maxBytes: number, url: string): Buffer {
	if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return body;
	try {
		return gunzipSync(body, { maxOutputLength: maxBytes });
	} catch (error) {
		const tooLarge = error instanceof RangeError;
		throw new SourceFailure(
			tooLarge
				? `${url}: the gzip file unpacks to more than ${maxBytes} bytes (maxPageBytes)`
				: `${url}: a broken gzip file`,
			{ cause: error },
		);
	}
}
