/**
 * The media type a file's first bytes show, whatever its Content-Type says. Binary formats by
 * their signatures (the ones the WHATWG MIME Sniffing standard and the formats' own specs give),
 * text by its first non-blank characters: markup, JSON, or else plain text. Only the opening of
 * the file is looked at; the readers then confirm by parsing.
 */

export const MEDIA_TYPES = {
	html: 'text/html',
	xml: 'application/xml',
	json: 'application/json',
	geojson: 'application/geo+json',
	ndjson: 'application/x-ndjson',
	csv: 'text/csv',
	text: 'text/plain',
	zip: 'application/zip',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	xls: 'application/vnd.ms-excel',
	parquet: 'application/vnd.apache.parquet',
	gzip: 'application/gzip',
	pdf: 'application/pdf',
	binary: 'application/octet-stream',
} as const;

export type SniffedKind = keyof typeof MEDIA_TYPES;

const SIGNATURES: readonly [SniffedKind, number[]][] = [
	['zip', [0x50, 0x4b, 0x03, 0x04]],
	['zip', [0x50, 0x4b, 0x05, 0x06]],
	['parquet', [0x50, 0x41, 0x52, 0x31]],
	['gzip', [0x1f, 0x8b]],
	['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
	['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

/** Tags that open an HTML document in the WHATWG sniffing table. */
const HTML_START =
	/^<(?:!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|!--)[\s>/]/i;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
	signature.every((byte, i) => bytes[i] === byte);

/** The text after a byte-order mark and leading whitespace, from the first 4 KB. */
function opening(bytes: Uint8Array): string {
	return new TextDecoder('utf-8', { fatal: false })
		.decode(bytes.subarray(0, 4096))
		.replace(/^\uFEFF/, '')
		.trimStart();
}

/** Several lines each a JSON object: newline-delimited JSON rather than one document. */
function looksLikeNdjson(text: string): boolean {
	const lines = text.split('\n', 3);
	if (lines.length < 2 || !lines[1]?.trimStart().startsWith('{')) return false;
	try {
		const first = JSON.parse(lines[0] ?? '') as unknown;
		return typeof first === 'object' && first !== null && !Array.isArray(first);
	} catch {
		return false;
	}
}

export function sniffKind(bytes: Uint8Array): SniffedKind | null {
	if (bytes.length === 0) return null;
	for (const [kind, signature] of SIGNATURES) if (startsWith(bytes, signature)) return kind;
	const text = opening(bytes);
	if (HTML_START.test(text)) return 'html';
	if (text.startsWith('<?xml') || text.startsWith('<')) {
		return /^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+)?html/i.test(text)
			? 'html'
			: 'xml';
	}
	if (text.startsWith('{') || text.startsWith('[')) {
		if (looksLikeNdjson(text)) return 'ndjson';
		return /"type"\s*:\s*"(?:FeatureCollection|Feature)"/.test(text) ? 'geojson' : 'json';
	}
	// NUL bytes do not occur in text files in any encoding a CSV is written in, bar UTF-16.
	if (bytes.subarray(0, 1024).includes(0)) return 'binary';
	return 'text';
}
