import { z } from 'zod';

/** What a row of `fields.csv` names. */
export const DOWNLOAD_FIELD_KINDS = ['parameter', 'field', 'column'] as const;

/**
 * One row of `/downloads/fields.csv`: a parameter or result field captured from an API's spec, or
 * a column read from a dataset's file, with its record — so that the same field can be followed
 * across catalogues. The names are the complete lists the verifier keeps (`spec.names`); types
 * come from the detailed lists, which hold only the first few hundred.
 */
export const DownloadFieldSchema = z.object({
	record_id: z.string().describe('The record it belongs to (id in register.csv).'),
	kind: z
		.enum(DOWNLOAD_FIELD_KINDS)
		.describe(
			'parameter (of a request), field (of a response, as a dotted path) or column (of a dataset file).',
		),
	location: z
		.string()
		.nullable()
		.describe(
			'Parameters: where they go (query, path, header, cookie, body). Columns: the URL of the file. Null for result fields.',
		),
	name: z
		.string()
		.describe('The name as the spec or the file spells it; nested fields as a.b[].c.'),
	type: z
		.string()
		.nullable()
		.describe(
			'The type the spec declares or the file shows (string, integer…); null when unknown.',
		),
});
export type DownloadField = z.output<typeof DownloadFieldSchema>;

/** The columns of fields.csv, in file order. */
export const DOWNLOAD_FIELD_COLUMNS = Object.keys(
	DownloadFieldSchema.shape,
) as (keyof DownloadField)[];
