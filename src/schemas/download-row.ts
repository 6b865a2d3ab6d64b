import { z } from 'zod';
import { AXES } from '../lib/score/constants.ts';
import { OutcomeSchema } from './snapshot.ts';

/**
 * One row of the bulk downloads (`/downloads/register.csv`, `.ndjson`, `.parquet`): a record
 * flattened for a notebook. The three files hold the same rows and these columns, in this order;
 * the OpenAPI description and the data dictionary on `/downloads/` are generated from it. An empty
 * CSV cell and a Parquet null are `null` here.
 */
const scoreAxisColumns = Object.fromEntries(
	AXES.map((axis) => [
		`score_${axis}`,
		z.number().min(0).max(100).describe(`The ${axis} axis of the quality score, 0–100.`),
	]),
) as Record<`score_${(typeof AXES)[number]}`, z.ZodNumber>;

export const DownloadRowSchema = z.object({
	id: z.string().describe('The record id, as in its URL.'),
	kind: z.enum(['api', 'dataset']).describe('What the record is.'),
	title: z.string(),
	country: z.string().describe('ISO 3166-1 alpha-2 code, or EU for EU bodies.'),
	level: z.enum(['national', 'regional', 'local']).describe('Tier of government.'),
	publisher_id: z.string(),
	publisher: z.string().describe('The publisher’s name.'),
	access: z.string().describe('open, key, oauth2, restricted or unknown.'),
	licence: z
		.string()
		.nullable()
		.describe('SPDX id or the licence as stated; null when not stated.'),
	outcome: z
		.union([OutcomeSchema, z.literal('not-yet-verified')])
		.describe('The last check’s outcome.'),
	checked_at: z.iso.datetime().nullable().describe('When it was last checked (UTC).'),
	uptime_30d: z.number().min(0).max(1).nullable().describe('Share of checked nights up, last 30.'),
	uptime_90d: z.number().min(0).max(1).nullable().describe('Share of checked nights up, last 90.'),
	score: z.number().min(0).max(100).describe('The quality score, 0–100.'),
	score_band: z.string(),
	...scoreAxisColumns,
	spec_version: z.string().nullable().describe('OpenAPI/Swagger version of the captured spec.'),
	parameters: z.number().int().nonnegative().nullable().describe('Parameters captured.'),
	fields: z
		.number()
		.int()
		.nonnegative()
		.nullable()
		.describe('Result fields (or columns) captured.'),
	sources: z.string().describe('Ids of the imported catalogues that list it, space-separated.'),
	url: z.string().describe('The API’s base URL or the dataset’s landing page.'),
	spec_url: z.string().nullable(),
	page_url: z.string().describe('Its page in the register.'),
	json_url: z.string().describe('Its record JSON.'),
});
export type DownloadRow = z.output<typeof DownloadRowSchema>;

/** The columns, in file order. */
export const DOWNLOAD_COLUMNS = Object.keys(DownloadRowSchema.shape) as (keyof DownloadRow)[];
