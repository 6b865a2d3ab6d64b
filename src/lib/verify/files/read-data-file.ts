import type { DataFile } from '../../../schemas/data-file.ts';
import { DATA_FILE_LIMITS } from '../../../schemas/data-file.ts';
import type { DatasetEntry } from '../../../schemas/entry.ts';
import type { Check } from '../../../schemas/snapshot.ts';
import { clipText } from '../../state/cap-snapshot.ts';
import type { FrequencyCode } from '../../vocab/frequencies.ts';
import { FetchError } from '../errors.ts';
import type { SpecPool } from '../openapi/spec-pool.ts';
import { judgeFileContent } from '../outcome.ts';
import { checkFromFetch, type ProbeContext } from '../probe.ts';
import { compareFormat, type DeclaredKind, declaredKind } from './declared-format.ts';
import {
	type FileHead,
	fetchFileHead,
	fetchFileRange,
	fetchWholeFile,
} from './fetch-file-bytes.ts';
import { readCsv } from './read-csv.ts';
import { readJson, readNdjson } from './read-json.ts';
import { readParquet } from './read-parquet.ts';
import { isWorkbook, listZipMembers, readZip } from './read-zip.ts';
import type { SchemaRead } from './schema-read.ts';
import { MEDIA_TYPES, type SniffedKind, sniffKind } from './sniff-media-type.ts';
import { judgeAge, lastModifiedOf } from './staleness.ts';

type Distribution = DatasetEntry['distributions'][number];

/** How much a workbook's parts may expand, against the bytes of the file held whole. */
const WORKBOOK_EXPANSION = 4;

/** How a kind of file is named in a reason ("the file is an HTML page, not the declared CSV"). */
const KIND_LABELS: Record<SniffedKind, string> = {
	html: 'an HTML page',
	xml: 'XML',
	json: 'JSON',
	geojson: 'GeoJSON',
	ndjson: 'newline-delimited JSON',
	csv: 'CSV',
	text: 'plain text',
	zip: 'a ZIP archive',
	xlsx: 'an XLSX workbook',
	xls: 'an XLS workbook',
	parquet: 'Parquet',
	gzip: 'a gzip file',
	pdf: 'a PDF document',
	binary: 'binary data',
};

/** The verifier's client and limits, and the worker pool that reads workbooks. */
type FilesContext = ProbeContext & { pool: SpecPool };

/** Bytes read beyond the head, counted for the snapshot. */
interface Reads {
	bytes: number;
}

async function wholeBytes(
	context: FilesContext,
	url: string,
	head: FileHead,
	reads: Reads,
): Promise<Uint8Array> {
	const max = context.limits.dataFileWholeBytes;
	if (head.complete) return head.result.body;
	if (head.size !== null && head.size > max) {
		throw new Error(
			`${head.size} bytes: read only when at most ${max} bytes, as it must be read whole`,
		);
	}
	const body = await fetchWholeFile(context.client, url, max);
	if (body === null) throw new Error(`larger than the ${max} bytes it may be read whole`);
	reads.bytes += body.length;
	return body;
}

/** The reader for what the bytes are; null for kinds whose schema the register does not read. */
async function readSchema(
	context: FilesContext,
	url: string,
	head: FileHead,
	kind: SniffedKind,
	declared: DeclaredKind | null,
	reads: Reads,
): Promise<SchemaRead | null> {
	const { body } = head.result;
	const truncated = !head.complete;
	switch (kind) {
		case 'text':
		case 'csv':
			return declared === null || declared === 'csv' ? readCsv(body, truncated) : null;
		case 'json':
		case 'geojson':
			return readJson(body, truncated);
		case 'ndjson':
			return readNdjson(body, truncated);
		case 'parquet': {
			if (head.complete) return readParquet({ whole: body });
			if (!head.ranges || head.size === null) {
				throw new Error(
					'the server ignores Range requests, and a Parquet file keeps its schema at its end',
				);
			}
			return readParquet({
				size: head.size,
				initialBytes: context.limits.dataFileTailBytes,
				maxBytes: context.limits.dataFileWholeBytes,
				range: async (start, end) => {
					const bytes = await fetchFileRange(context.client, url, start, end);
					reads.bytes += bytes.length;
					return bytes;
				},
			});
		}
		case 'zip': {
			const bytes = await wholeBytes(context, url, head, reads);
			if (declared === 'xlsx' || (declared !== 'zip' && isWorkbook(listZipMembers(bytes)))) {
				return context.pool.readWorkbook({
					bytes,
					maxExpandedBytes: context.limits.dataFileWholeBytes * WORKBOOK_EXPANSION,
				});
			}
			return readZip(bytes);
		}
		default:
			return null;
	}
}

function describe(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.replace(/\s+/g, ' ').trim() || 'no message';
}

/** A DataFile with nothing read yet. */
function unreadFile(distribution: Distribution): DataFile {
	return {
		url: clipText(distribution.url, DATA_FILE_LIMITS.urlChars),
		format: clipText(distribution.format, DATA_FILE_LIMITS.typeChars),
		mediaType: null,
		contentType: null,
		match: 'unknown',
		bytes: null,
		bytesRead: 0,
		ranges: false,
		lastModified: null,
		etag: null,
		ageDays: null,
		stale: null,
		parser: null,
		encoding: null,
		delimiter: null,
		columns: [],
		columnsTruncated: false,
		rows: null,
		rowsComplete: false,
		members: [],
		note: null,
	};
}

const clipNote = (text: string) => clipText(text, DATA_FILE_LIMITS.noteChars);
const clipType = (text: string) => clipText(text, DATA_FILE_LIMITS.typeChars);

/**
 * Reads one distribution: its first bytes (a Range request, cut at the cap either way), which
 * make its availability check; then what the bytes really are against the declared format, its
 * size, validators and age, and its columns with their types. A file that is not what the
 * entry declares makes the check degraded.
 */
async function readDataFile(
	context: FilesContext,
	distribution: Distribution,
	frequency: FrequencyCode | undefined,
): Promise<{ check: Check; file: DataFile }> {
	const { url } = distribution;
	const file = unreadFile(distribution);
	let head: FileHead;
	try {
		head = await fetchFileHead(context.client, url, context.limits);
	} catch (error) {
		if (!(error instanceof FetchError)) throw error;
		const check = await checkFromFetch(context, 'distribution', url, 'GET', error);
		return { check, file: { ...file, note: clipNote(`not read: ${check.note}`) } };
	}
	const { result } = head;
	const check = await checkFromFetch(context, 'distribution', url, 'GET', result);
	const lastModified = lastModifiedOf(result.headers['last-modified']);
	const contentType = result.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
	Object.assign(file, {
		contentType: contentType ? clipType(contentType) : null,
		bytes: head.size,
		bytesRead: result.body.length,
		ranges: head.ranges,
		lastModified,
		etag: result.headers.etag ? clipNote(result.headers.etag) : null,
		...judgeAge(lastModified, frequency, context.now()),
	});
	if (result.status < 200 || result.status >= 300 || check.outcome === 'inconclusive') {
		return { check, file: { ...file, note: clipNote(`not read: ${check.note}`) } };
	}

	const declared = declaredKind(distribution.format, distribution.mediaType);
	let kind = sniffKind(result.body);
	const reads: Reads = { bytes: 0 };
	let read: SchemaRead | null = null;
	let failure: string | null = null;
	if (kind !== null) {
		try {
			read = await readSchema(context, url, head, kind, declared, reads);
		} catch (error) {
			failure = `not read: ${describe(error)}`;
		}
	}
	if (read?.kind) kind = read.kind;
	const match = compareFormat(declared, kind);
	const verdict = judgeFileContent(
		check,
		match === 'mismatch' && kind !== null
			? { declared: distribution.format, found: KIND_LABELS[kind] }
			: null,
	);
	const note =
		failure ??
		read?.note ??
		(kind === null
			? 'the file is empty'
			: read === null
				? `${KIND_LABELS[kind]}: no columns to read`
				: null);
	return {
		check: { ...check, ...verdict },
		file: {
			...file,
			mediaType: kind === null ? null : MEDIA_TYPES[kind],
			match,
			bytesRead: file.bytesRead + reads.bytes,
			parser: read?.parser ?? null,
			encoding: read?.encoding ? clipType(read.encoding) : null,
			delimiter: read?.delimiter ?? null,
			columns: read?.columns ?? [],
			columnsTruncated: read?.columnsTruncated ?? false,
			rows: read?.rows ?? null,
			rowsComplete: read?.rowsComplete ?? false,
			members: read?.members ?? [],
			note: note === null ? null : clipNote(note),
		},
	};
}

/** The first distributions of a dataset read, each distinct URL once, in the entry's order. */
export async function readDataFiles(
	context: FilesContext,
	entry: DatasetEntry,
	max: number,
): Promise<{ check: Check; file: DataFile }[]> {
	const seen = new Map<string, Promise<{ check: Check; file: DataFile }>>();
	const distributions = entry.distributions.slice(0, Math.min(max, DATA_FILE_LIMITS.files));
	return Promise.all(
		distributions.map((distribution) => {
			let pending = seen.get(distribution.url);
			if (!pending) {
				pending = readDataFile(context, distribution, entry.updateFrequency);
				seen.set(distribution.url, pending);
			}
			return pending;
		}),
	);
}
