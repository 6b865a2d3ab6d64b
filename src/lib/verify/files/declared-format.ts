import type { FormatMatch } from '../../../schemas/data-file.ts';
import type { SniffedKind } from './sniff-media-type.ts';

/** The formats the register can read or recognise, as an entry declares them. */
export type DeclaredKind =
	| 'csv'
	| 'json'
	| 'geojson'
	| 'ndjson'
	| 'xlsx'
	| 'xls'
	| 'parquet'
	| 'zip'
	| 'xml'
	| 'html'
	| 'pdf';

const BY_FORMAT: Readonly<Record<string, DeclaredKind>> = {
	CSV: 'csv',
	TSV: 'csv',
	JSON: 'json',
	GEOJSON: 'geojson',
	NDJSON: 'ndjson',
	JSONL: 'ndjson',
	JSONLINES: 'ndjson',
	XLSX: 'xlsx',
	XLS: 'xls',
	PARQUET: 'parquet',
	ZIP: 'zip',
	XML: 'xml',
	HTML: 'html',
	PDF: 'pdf',
};

const BY_MEDIA_TYPE: Readonly<Record<string, DeclaredKind>> = {
	'text/csv': 'csv',
	'text/tab-separated-values': 'csv',
	'application/json': 'json',
	'application/geo+json': 'geojson',
	'application/x-ndjson': 'ndjson',
	'application/jsonl': 'ndjson',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.apache.parquet': 'parquet',
	'application/zip': 'zip',
	'application/xml': 'xml',
	'text/xml': 'xml',
	'text/html': 'html',
	'application/pdf': 'pdf',
};

/** What the entry says the file is, or null for a format the register does not recognise. */
export function declaredKind(format: string, mediaType?: string): DeclaredKind | null {
	return (
		BY_FORMAT[format.toUpperCase()] ?? (mediaType ? BY_MEDIA_TYPE[mediaType] : undefined) ?? null
	);
}

/**
 * What the bytes may show for each declared format. Lenient where publishers commonly are and a
 * reader copes: GeoJSON and NDJSON labelled JSON (and back), any plain text for CSV, any ZIP for
 * XLSX (an XLSX file is one).
 */
const ACCEPTED: Readonly<Record<DeclaredKind, readonly SniffedKind[]>> = {
	csv: ['text', 'csv'],
	json: ['json', 'geojson', 'ndjson'],
	geojson: ['geojson', 'json'],
	ndjson: ['ndjson', 'json'],
	xlsx: ['xlsx', 'zip'],
	xls: ['xls'],
	parquet: ['parquet'],
	zip: ['zip', 'xlsx'],
	xml: ['xml'],
	html: ['html'],
	pdf: ['pdf'],
};

/**
 * Whether the bytes are what the entry declares. Unknown when the format is one the register
 * does not recognise, when nothing was read, or when the file is compressed as a whole (gzip):
 * what is inside was not looked at.
 */
export function compareFormat(
	declared: DeclaredKind | null,
	sniffed: SniffedKind | null,
): FormatMatch {
	if (declared === null || sniffed === null || sniffed === 'gzip') return 'unknown';
	return ACCEPTED[declared].includes(sniffed) ? 'match' : 'mismatch';
}
