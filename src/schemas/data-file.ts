import { z } from 'zod';

/**
 * What the verifier read from a dataset's files (`snapshot.files`): per distribution, the real
 * media type against the declared format, size and validators, and the data schema — columns or
 * top-level fields with inferred types — from the first bytes. Every list and string is capped
 * here, so five files at every cap (names made of escaped control characters included) stay far
 * below a snapshot's byte cap.
 */
export const DATA_FILE_LIMITS = {
	/** Files read per dataset (the first distributions listed). */
	files: 5,
	/** Columns or fields kept per file; past this, `columnsTruncated` is set. */
	columns: 100,
	/** ZIP members listed per file. */
	members: 50,
	/** Characters of a column or member name. */
	nameChars: 100,
	/** Characters of a type, a media type, an encoding, a parser name. */
	typeChars: 100,
	/** Characters of a URL. */
	urlChars: 2048,
	/** Characters of an ETag, a note. */
	noteChars: 300,
} as const;

const L = DATA_FILE_LIMITS;
const IsoDateTime = z.iso.datetime({ offset: false });

export const DataColumnSchema = z.object({
	name: z.string().max(L.nameChars),
	/** integer, number, boolean, date, datetime, string, object, array, null, or a|b when mixed. */
	type: z.string().max(L.typeChars),
});

export const ZipMemberSchema = z.object({
	name: z.string().max(L.nameChars),
	/** Uncompressed size the archive declares. */
	bytes: z.number().nonnegative(),
});

/** How the sniffed media type compares with the declared format. */
export const FORMAT_MATCHES = ['match', 'mismatch', 'unknown'] as const;

export const DataFileSchema = z.object({
	url: z.string().max(L.urlChars),
	/** The format the entry declares (CSV, JSON…). */
	format: z.string().max(L.typeChars),
	/** The media type the bytes show, or null when nothing was read. */
	mediaType: z.string().max(L.typeChars).nullable(),
	/** The Content-Type the server sent, without parameters. */
	contentType: z.string().max(L.typeChars).nullable(),
	/** unknown: a declared format the register does not sniff, or nothing read. */
	match: z.enum(FORMAT_MATCHES),
	/** Size of the whole file (Content-Range or Content-Length), null when the server did not say. */
	bytes: z.number().nonnegative().nullable(),
	/** Bytes the register read (decompressed), head and tail together. */
	bytesRead: z.number().int().nonnegative(),
	/** The server answered a Range request with 206. */
	ranges: z.boolean(),
	lastModified: IsoDateTime.nullable(),
	etag: z.string().max(L.noteChars).nullable(),
	/** Whole days since Last-Modified. */
	ageDays: z.number().int().nullable(),
	/** Older than its declared update frequency allows; null when there is no frequency or no date. */
	stale: z.boolean().nullable(),
	/** The library that read the schema (csv-parse, jsonparse, hyparquet, exceljs, fflate). */
	parser: z.string().max(L.typeChars).nullable(),
	/** Text encoding sniffed (CSV, NDJSON). */
	encoding: z.string().max(L.typeChars).nullable(),
	/** CSV delimiter sniffed. */
	delimiter: z.string().max(4).nullable(),
	columns: z.array(DataColumnSchema).max(L.columns),
	columnsTruncated: z.boolean(),
	/** Rows (records, features, lines) read from the sample; for Parquet, the file's own count. */
	rows: z.number().int().nonnegative().nullable(),
	/** `rows` counts the whole file, not only the bytes read. */
	rowsComplete: z.boolean(),
	members: z.array(ZipMemberSchema).max(L.members),
	/** Why the schema could not be read, or what was left out. */
	note: z.string().max(L.noteChars).nullable(),
});
export type DataFile = z.output<typeof DataFileSchema>;
export type DataColumn = z.output<typeof DataColumnSchema>;
export type FormatMatch = (typeof FORMAT_MATCHES)[number];

/** `snapshot.files`: one per distribution read, in the entry's order. */
export const DataFilesSchema = z.array(DataFileSchema).max(L.files);
