import { z } from 'zod';
import { IsoDateSchema, SlugSchema } from './common.ts';
import { EntrySchema, GOVERNMENT_LEVELS } from './entry.ts';

/**
 * What the importers read and write. An adapter turns one source's pages into
 * {@link HarvestedRecord}s — untrusted facts, as the source states them. The import pipeline
 * normalises each into an {@link ImportedRecord}: an entry that passes the same rules as a
 * hand-written one, plus its provenance. Imported records live under
 * `data/imported/<source>/` (machine-written, committed by the nightly job, never accepted from a
 * pull request) and reach the site through the one catalog loader.
 */

/** Longest text an adapter may hand over in any one field; the normaliser caps further. */
export const HARVEST_TEXT_MAX = 2000;
/** Most list items an adapter may hand over in any one list field. */
export const HARVEST_LIST_MAX = 100;

const Text = z.string().max(HARVEST_TEXT_MAX);
const List = z.array(Text).max(HARVEST_LIST_MAX);

/** One record as a source states it: facts only, no prose. Every value is checked again later. */
export const HarvestedRecordSchema = z.strictObject({
	/** The source's own stable key for the record (CKAN id, DCAT URI, a CSV row's URL…). */
	sourceId: z.string().min(1).max(500),
	/** The record's page for people in the source catalogue. */
	sourceUrl: Text.optional(),
	kind: z.enum(['api', 'dataset']),
	title: Text,
	/** ISO code; only for sources that span countries (data.europa.eu). Else the source's. */
	country: Text.optional(),
	/** The publisher's tier of government, where the source states it. */
	level: z.enum(GOVERNMENT_LEVELS).optional(),
	publisher: z
		.strictObject({
			name: Text,
			homepage: Text.optional(),
			/** The source's own key for the publisher (CKAN organisation name, URI…). */
			key: Text.optional(),
		})
		.optional(),
	homepage: Text.optional(),
	docs: Text.optional(),
	baseUrl: Text.optional(),
	spec: z.strictObject({ url: Text, format: Text.optional() }).optional(),
	/** As the source says it: open, key, oauth2, restricted, or the source's own words. */
	access: Text.optional(),
	/** An SPDX id, a licence URI or a licence name; mapped by the normaliser. */
	licence: Text.optional(),
	/** EU data-theme codes or URIs. */
	themes: List.optional(),
	keywords: List.optional(),
	/** ISO 639-1 codes or EU language URIs. */
	languages: List.optional(),
	distributions: z
		.array(
			z.strictObject({
				url: Text,
				format: Text.optional(),
				mediaType: Text.optional(),
				title: Text.optional(),
			}),
		)
		.max(HARVEST_LIST_MAX)
		.optional(),
	terms: Text.optional(),
	contact: z.strictObject({ email: Text.optional(), url: Text.optional() }).optional(),
	/** When the source last changed the record (ISO 8601 date or date-time). */
	modified: Text.optional(),
	/** The declared update frequency (an EU frequency URI or code), for staleness checks later. */
	updateFrequency: Text.optional(),
	/** Flagged as a high-value dataset (EU Regulation 2023/138). */
	highValue: z.boolean().optional(),
});
export type HarvestedRecord = z.output<typeof HarvestedRecordSchema>;

/** A record the adapter had to leave out, with the field at fault. */
export interface HarvestSkip {
	sourceId?: string;
	field: string;
	reason: string;
}

/** What an adapter yields, one at a time. */
export type HarvestItem = { record: HarvestedRecord } | { skipped: HarvestSkip };

/** Where one imported record came from, and when the register saw it there. */
export const ProvenanceSchema = z.strictObject({
	/** Id of the source, a file in data/sources/. */
	source: SlugSchema,
	/** The source's own key for the record. */
	sourceId: z.string().min(1).max(500),
	/** The record's page in the source catalogue, for its full description. */
	sourceUrl: z.string().max(2048).optional(),
	/** First night the source listed it. */
	firstSeen: IsoDateSchema,
	/** Night the source stopped listing it; the record is removed 30 days later. */
	delistedAt: IsoDateSchema.optional(),
	/** When the source last changed it, as the source says. */
	modified: IsoDateSchema.optional(),
});
export type Provenance = z.output<typeof ProvenanceSchema>;

/** One line of `data/imported/<source>/records.ndjson`. */
export const ImportedRecordSchema = z.strictObject({
	provenance: ProvenanceSchema,
	/** The record as an entry: same schema and rules as a hand-written one, no description body. */
	entry: EntrySchema,
});
export type ImportedRecord = z.output<typeof ImportedRecordSchema>;

/** One line of `data/imported/<source>/publishers.ndjson`: a body the source names. */
export const ImportedPublisherSchema = z.strictObject({
	/** Register id: a `data/publishers/` id when matched, else one made for it. */
	id: SlugSchema,
	name: z.string().min(2).max(160),
	country: z.string().min(2).max(2),
	homepage: z.string().max(2048).optional(),
	/** The source's own key for it. */
	key: z.string().max(500).optional(),
	/** True when it was matched to a hand-written publisher of data/publishers/. */
	matched: z.boolean(),
});
export type ImportedPublisher = z.output<typeof ImportedPublisherSchema>;

export const IMPORT_OUTCOMES = ['imported', 'unchanged', 'failed', 'collapsed'] as const;

/** `data/imported/<source>/state.json`: how the source's last runs went. */
export const ImportStateSchema = z.strictObject({
	source: SlugSchema,
	/** When the last run started (ISO 8601 UTC). */
	lastRunAt: z.iso.datetime({ offset: false }),
	/**
	 * imported: records written; unchanged: the source answered 304 Not Modified; failed: the
	 * source could not be read, the previous import kept; collapsed: it yielded far fewer records
	 * than last time, the previous import kept.
	 */
	lastOutcome: z.enum(IMPORT_OUTCOMES),
	/** When records were last written from it (ISO 8601 UTC). */
	lastSuccessAt: z.iso.datetime({ offset: false }).optional(),
	/** Why the last run failed or collapsed, in one line. */
	lastError: z.string().max(500).optional(),
	/** Consecutive failed or collapsed runs. */
	failures: z.number().int().nonnegative(),
	counts: z.strictObject({
		records: z.number().int().nonnegative(),
		added: z.number().int().nonnegative(),
		updated: z.number().int().nonnegative(),
		delisted: z.number().int().nonnegative(),
		removed: z.number().int().nonnegative(),
		skipped: z.number().int().nonnegative(),
	}),
	/** The first skipped records of the last run, with the field at fault. */
	skipped: z
		.array(
			z.strictObject({
				sourceId: z.string().max(500).optional(),
				field: z.string().max(200),
				reason: z.string().max(500),
			}),
		)
		.max(100),
	/** Validators of the last answers, for conditional requests (ETag / Last-Modified). */
	validators: z
		.array(
			z.strictObject({
				url: z.string().max(2048),
				etag: z.string().max(500).optional(),
				lastModified: z.string().max(100).optional(),
			}),
		)
		.max(50),
});
export type ImportState = z.output<typeof ImportStateSchema>;
