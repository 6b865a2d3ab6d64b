import { z } from 'zod';
import { AccessSchema, GOVERNMENT_LEVELS } from './entry.ts';
import { OutcomeSchema } from './snapshot.ts';

/**
 * One axis of the score. Spelt out rather than mapped from the score's AXES, which sit in a layer
 * above the schemas; a test holds the two lists equal.
 */
const axisColumn = (name: string) =>
	z
		.number()
		.min(0)
		.max(100)
		.nullable()
		.describe(`${name}, one axis of the score, 0–100; null when it cannot be measured yet.`);

const url = (what: string) => z.string().nullable().describe(what);

/**
 * One row of the bulk downloads (`/downloads/register.csv`, `.ndjson`, `.parquet`): a record
 * flattened for a notebook. The three files hold the same rows and these columns, in this order;
 * the Parquet schema, the data dictionary on `/downloads/` and the OpenAPI description are
 * generated from it. "None" is `null`: an empty CSV cell, a JSON null, a Parquet null — never an
 * empty string, which a CSV reader could not tell from null.
 */
export const DownloadRowSchema = z.object({
	id: z.string().describe('The record id, as in its URL: <country>-<slug>, stable.'),
	kind: z.enum(['api', 'dataset']).describe('What the record is: api or dataset.'),
	title: z.string().describe('Official name, as the publisher writes it.'),
	summary: z.string().describe('What it gives access to, in one sentence.'),
	country: z.string().describe('ISO 3166-1 alpha-2 code, or EU for EU bodies.'),
	level: z.enum(GOVERNMENT_LEVELS).describe('Tier of government: national, regional or local.'),
	publisher_id: z.string().describe('Id of the publishing body in the register.'),
	publisher: z.string().describe('The publishing body’s name.'),
	access: AccessSchema.describe('How a client gets in: open, key, oauth2, restricted or unknown.'),
	licence: z.string().nullable().describe('SPDX licence id or LicenseRef-…; null when not stated.'),
	themes: z
		.string()
		.nullable()
		.describe('EU data theme codes (GOVE, ECON…), space-separated; null when none.'),
	outcome: z
		.union([OutcomeSchema, z.literal('not-yet-verified')])
		.describe('The last check’s outcome: up, degraded, down, inconclusive or not-yet-verified.'),
	checked_at: z.iso
		.datetime()
		.nullable()
		.describe('When it was last checked, ISO 8601 in UTC; null when never.'),
	uptime_30d: z
		.number()
		.min(0)
		.max(1)
		.nullable()
		.describe('Share of the checked nights it answered, last 30 nights, 0–1; null when none.'),
	uptime_90d: z
		.number()
		.min(0)
		.max(1)
		.nullable()
		.describe('Share of the checked nights it answered, last 90 nights, 0–1; null when none.'),
	score: z.number().int().min(0).max(100).describe('The quality score, 0–100.'),
	score_band: z.string().describe('The score’s band: excellent, good, fair or poor.'),
	score_provisional: z
		.boolean()
		.describe('True when an axis could not be measured and the score is re-weighted.'),
	proof_tier: z
		.string()
		.describe(
			'How officialness is proven: government verified, publisher verified, catalogue listed or unverified.',
		),
	score_officialness: axisColumn('Officialness'),
	score_availability: axisColumn('Availability'),
	score_metadata: axisColumn('Metadata completeness'),
	score_licence: axisColumn('Licence clarity'),
	score_agentReadiness: axisColumn('Agent readiness'),
	spec_version: z
		.string()
		.nullable()
		.describe('OpenAPI/Swagger version of the captured spec; null when none was read.'),
	parameters: z
		.number()
		.int()
		.nonnegative()
		.nullable()
		.describe('Parameters captured from the spec (its rows in fields.csv); null when no spec.'),
	fields: z
		.number()
		.int()
		.nonnegative()
		.nullable()
		.describe(
			'Result fields of the spec, or columns of a dataset’s files (its rows in fields.csv); null when none was read.',
		),
	sources: z
		.string()
		.nullable()
		.describe('Ids of the imported catalogues that list it, space-separated; null when none.'),
	homepage: url('Its human-readable landing page.'),
	base_url: url('APIs: the production base URL (the base URL when none is given apart).'),
	docs_url: url('Developer documentation.'),
	spec_url: url('APIs: the machine-readable description (OpenAPI…).'),
	page_url: z.string().describe('Its page in the register.'),
	json_url: z.string().describe('Its record in the register’s JSON API.'),
});
export type DownloadRow = z.output<typeof DownloadRowSchema>;

/** The columns, in file order. */
export const DOWNLOAD_COLUMNS = Object.keys(DownloadRowSchema.shape) as (keyof DownloadRow)[];
