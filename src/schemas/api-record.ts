import { z } from 'zod';
import { CountryCodeSchema, ThemeSchema } from './common.ts';
import { ContractCheckSchema } from './contract.ts';
import { DataFilesSchema } from './data-file.ts';
import { AccessSchema, EntrySchema } from './entry.ts';
import { ChangeSchema } from './history.ts';
import { PublisherSchema } from './publisher.ts';
import { CheckSchema, OutcomeSchema, ProofCheckSchema, SpecCaptureSchema } from './snapshot.ts';

/**
 * `/api/v1/records/<id>.json`: one record of the register as programs read it — the entry as
 * written, its publisher, its last check, its history and its score with reasons and evidence.
 * The writer (src/lib/site/record-json.ts) is typed by this schema and the OpenAPI description
 * (`/api/v1/openapi.json`) is generated from it, so the three cannot disagree. Score vocabularies
 * (axes, bands, tiers) are plain strings here: they live with the score, a layer above schemas.
 */

const IsoDateTime = z.iso.datetime({ offset: false });
const AbsoluteUrl = z.url();

/** A record's last check, or `not-yet-verified` before the verifier first reached it. */
export const RecordStateSchema = z.union([OutcomeSchema, z.literal('not-yet-verified')]).meta({
	description:
		'Outcome of the last nightly check: up, degraded, down, inconclusive (the check could not judge, e.g. a WAF challenge), or not-yet-verified.',
	examples: ['up'],
});
export type RecordState = z.output<typeof RecordStateSchema>;

/** A body only an imported catalogue names: nobody has reviewed its domains yet. */
export const ImportedPublisherSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		country: CountryCodeSchema,
		homepage: z.string().optional(),
		officialDomains: z
			.array(z.string())
			.max(0)
			.readonly()
			.describe('Always empty: no domain of an unreviewed body counts as official.'),
		githubOrgs: z.array(z.string()).max(0).readonly().describe('Always empty.'),
		imported: z
			.object({ source: z.string().describe('Id of the catalogue that named it first.') })
			.describe('Present only on publishers named by an imported catalogue.'),
	})
	.meta({
		title: 'Imported publisher',
		description:
			'A body named only by an imported catalogue, not yet reviewed: it earns no proof that depends on its domains.',
	});

export const LicenceDescriptionSchema = z
	.object({
		id: z
			.string()
			.meta({ description: 'SPDX id, or LicenseRef-<name>.', examples: ['etalab-2.0'] }),
		name: z.string(),
		url: z.string().optional().describe('Where the licence text lives.'),
		open: z.boolean().describe('Conformant with the Open Definition.'),
	})
	.describe('The licence the entry names, resolved.');

/** One imported catalogue that lists the record. */
export const ListingSchema = z.object({
	source: z.string().describe('Id of the source (the catalogue), as in /sources/<id>/.'),
	name: z.string().describe('The catalogue’s own name.'),
	pageUrl: z.string().optional().describe('The record’s page in that catalogue.'),
	firstSeen: z.iso.date().describe('Night the importer first saw it there.'),
	delistedAt: z.iso.date().optional().describe('Night the catalogue stopped listing it.'),
});

const UptimeSchema = z
	.object({
		ratio: z
			.number()
			.min(0)
			.max(1)
			.nullable()
			.describe('Share of the checked nights on which it answered; null when none was checked.'),
		counted: z.number().int().nonnegative().describe('Nights checked in the window.'),
	})
	.describe('Uptime over the window.');

export const AxisScoreSchema = z.object({
	axis: z.string().meta({ examples: ['officialness'] }),
	name: z.string().meta({ examples: ['Officialness'] }),
	weight: z.number().describe('Weight of the axis in the total, in percent.'),
	score: z
		.number()
		.min(0)
		.max(100)
		.nullable()
		.describe('0–100, or null when it cannot be measured yet (availability before a check).'),
	reasons: z
		.array(z.string())
		.describe('Why, point by point (officialness: its summary; each signal is in `evidence`).'),
});

export const HintSchema = z.object({
	axis: z.string(),
	text: z.string().describe('What the publisher or an editor could do.'),
	gain: z.number().describe('Points the total would gain.'),
});

export const ProofEvidenceSchema = z.object({
	signal: z.string().meta({ examples: ['official-domain'] }),
	name: z.string(),
	earned: z.boolean(),
	status: z.enum(['earned', 'unconfirmed', 'refuted', 'not-claimed']),
	evidence: z.string().describe('What backs the signal, or what is missing.'),
	summary: z.string().optional().describe('Short form of an earned signal.'),
	url: z.string().optional().describe('The page the evidence points at.'),
});

/** The score as a summary carries it. */
export const ScoreSummarySchema = z.object({
	total: z
		.number()
		.int()
		.min(0)
		.max(100)
		.meta({ examples: [70] }),
	band: z.string().meta({ description: 'excellent, good, fair or poor.', examples: ['good'] }),
	provisional: z
		.boolean()
		.describe('An axis could not be measured yet: the total is weighted over the others.'),
	tier: z.string().meta({
		description:
			'How officially the record is proven: government verified, publisher verified, catalogue listed or unverified.',
		examples: ['government verified'],
	}),
});

export const RecordDocumentSchema = z
	.object({
		id: z
			.string()
			.meta({ description: 'The record id, stable forever.', examples: ['fr-api-captchetat'] }),
		links: z
			.object({
				page: AbsoluteUrl.describe('The record’s page.'),
				json: AbsoluteUrl.describe('This document.'),
				badge: AbsoluteUrl.describe('Its status badge (SVG).'),
				og: AbsoluteUrl.describe('The image its page shares.'),
				source: AbsoluteUrl.describe('The entry’s file in the repository.'),
			})
			.describe('Where the record lives.'),
		entry: EntrySchema,
		description: z
			.object({
				markdown: z.string(),
				text: z.string().describe('The same as plain text.'),
			})
			.describe('The entry’s description (empty for imported records).'),
		licence: LicenceDescriptionSchema.nullable(),
		publisher: z.union([PublisherSchema, ImportedPublisherSchema]),
		imported: z
			.boolean()
			.describe('Machine-written by the importers, from the catalogues in listedBy.'),
		listedBy: z.array(ListingSchema).describe('The imported catalogues that list it.'),
		verification: z
			.object({
				state: RecordStateSchema,
				checkedAt: IsoDateTime.nullable(),
				reason: z.string().describe('The outcome in one sentence.'),
				lastUpAt: IsoDateTime.nullable().describe('Last night it answered; null if never.'),
				checks: z.array(CheckSchema).describe('One per URL probed.'),
				proofs: z.array(ProofCheckSchema).describe('Proof signals confirmed on the network.'),
				contract: ContractCheckSchema.nullable().describe(
					'APIs: the last real request to a safe operation, checked against its spec.',
				),
				files: DataFilesSchema.describe('Datasets: what the first distributions’ files hold.'),
			})
			.describe('The last nightly check.'),
		schema: SpecCaptureSchema.nullable().describe(
			'What the verifier captured from the API’s spec: parameters and result fields.',
		),
		history: z.object({
			uptime30: UptimeSchema,
			uptime90: UptimeSchema,
			nights: z
				.object({
					first: z.iso.date().nullable(),
					last: z.iso.date().nullable(),
					outcomes: z
						.string()
						.regex(/^[UDXI.]*$/)
						.meta({
							description:
								'One letter per night from first to last, oldest first: U up, D degraded, X down, I inconclusive, . not checked.',
							examples: ['UUU.XU'],
						}),
				})
				.describe('The last nights.'),
			changes: z.array(ChangeSchema).describe('Changes over the window, newest first.'),
		}),
		score: ScoreSummarySchema.extend({
			axes: z.array(AxisScoreSchema),
			evidence: z.array(ProofEvidenceSchema).describe('The five proof-of-officialness signals.'),
			hints: z.array(HintSchema).describe('What would raise the score, largest gain first.'),
		}),
	})
	.meta({
		title: 'Record',
		description:
			'One record of the register: the entry, its publisher, its last check, history and score with reasons and evidence.',
	});
export type RecordDocument = z.output<typeof RecordDocumentSchema>;

/** One item of `/api/v1/records.json`. */
export const RecordSummarySchema = z
	.object({
		id: z.string().meta({ examples: ['fr-api-captchetat'] }),
		title: z.string(),
		summary: z.string(),
		kind: z.enum(['api', 'dataset']),
		country: CountryCodeSchema.meta({ examples: ['FR'] }),
		publisher: z.string().describe('Publisher id.'),
		access: AccessSchema,
		licence: z.string().nullable().describe('SPDX id; null when none is stated.'),
		themes: z.array(ThemeSchema).describe('EU data-theme codes.'),
		url: AbsoluteUrl.describe('The record’s page.'),
		json: AbsoluteUrl.describe('The record’s document.'),
		state: RecordStateSchema,
		checkedAt: IsoDateTime.nullable(),
		score: ScoreSummarySchema,
	})
	.meta({ title: 'Record summary', description: 'One record in the list of all records.' });
export type RecordSummary = z.output<typeof RecordSummarySchema>;

/** `/api/v1/records.json`: every record, summarised, sorted by title. */
export const RecordsListSchema = z
	.object({
		generatedAt: IsoDateTime.describe('When the site was built.'),
		count: z.number().int().nonnegative(),
		records: z.array(RecordSummarySchema).describe('Every record, sorted by title.'),
	})
	.meta({ title: 'Records', description: 'Every record of the register, summarised.' });
export type RecordsList = z.output<typeof RecordsListSchema>;
