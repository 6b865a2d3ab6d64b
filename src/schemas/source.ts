import { z } from 'zod';
import { CountryCodeSchema, HttpUrlSchema, LicenceSchema, SlugSchema } from './common.ts';

/** The adapters an importer can run: one per API catalogue or registry, three generic ones. */
export const SOURCE_ADAPTERS = [
	'api-gouv-fr',
	'uk-api-catalogue',
	'nl-api-register',
	'bund-dev',
	'apis-guru',
	'dataportals-registry',
	'ckan',
	'udata',
	'dcat-ap',
] as const;

/** What an endpoint answers with, when the adapter cannot tell from the adapter alone. */
export const ENDPOINT_FORMATS = ['json', 'csv', 'turtle', 'rdf-xml', 'json-ld', 'sparql'] as const;

export const SOURCE_YIELDS = ['apis', 'datasets', 'both'] as const;

/** DCAT classes a DCAT-AP or CKAN source can be narrowed to. */
export const DCAT_TYPES = ['DataService', 'Dataset'] as const;

export const MAX_ENDPOINTS = 10;
export const SOURCE_NAME_MAX = 120;
export const SOURCE_NOTES_MAX = 400;
export const MAX_RECORDS_LIMIT = 10_000_000;

/** Where a record's key goes in a {@link SourceFileSchema} `recordPage` template. */
export const RECORD_PAGE_KEYS = ['{name}', '{id}'] as const;
const RECORD_PAGE_TEMPLATE = /^https:\/\/[^\s{}]+(?:\{name\}|\{id\})[^\s{}]*$/;

export const SourceEndpointSchema = z
	.strictObject({
		url: HttpUrlSchema.meta({
			description: 'The machine-readable address the adapter reads (not a web page for people).',
			examples: ['https://data.gv.at/katalog/api/3/action/package_search'],
		}),
		format: z
			.enum(ENDPOINT_FORMATS, {
				error: (issue) =>
					`"${String(issue.input)}" is not an endpoint format — use one of ${ENDPOINT_FORMATS.join(', ')}, or leave format out`,
			})
			.optional()
			.meta({
				description: `What it answers with: ${ENDPOINT_FORMATS.join(', ')}. Leave it out when the adapter implies it.`,
				examples: ['rdf-xml'],
			}),
	})
	.meta({ description: 'One address the adapter reads.' });

export const SourceFiltersSchema = z
	.strictObject({
		types: z
			.array(
				z.enum(DCAT_TYPES, {
					error: (issue) =>
						`"${String(issue.input)}" is not a DCAT class we import — use DataService or Dataset`,
				}),
			)
			.min(1, 'is empty — list DataService, Dataset or both, or remove types')
			.max(DCAT_TYPES.length)
			.optional()
			.meta({
				description: 'Import only these DCAT classes (dcat:DataService, dcat:Dataset).',
				examples: [['DataService']],
			}),
		highValueOnly: z
			.boolean()
			.optional()
			.meta({
				description:
					'Import only datasets flagged as high-value datasets (EU Regulation 2023/138).',
				examples: [true],
			}),
		publishers: z
			.array(z.string().trim().min(1).max(300))
			.min(1, 'is empty — list at least one publisher, or remove publishers')
			.max(500, 'lists more than 500 publishers — filter by type instead, or split the source')
			.optional()
			.meta({
				description:
					'Import only records of these publishers, written as the source writes them (CKAN organisation name, udata organisation id or DCAT publisher URI).',
				examples: [['bundesamt-fur-kartographie-und-geodasie']],
			}),
		maxRecords: z
			.int('is not a whole number — write a count such as 5000')
			.positive('must be at least 1 — or remove maxRecords')
			.max(MAX_RECORDS_LIMIT, `is above ${MAX_RECORDS_LIMIT} — no source needs more`)
			.optional()
			.meta({ description: 'Stop after this many records in one run.', examples: [50000] }),
	})
	.meta({ description: 'Narrows what is imported from the source.' });

/** A catalogue the register imports from, `data/sources/<id>.yaml`. */
export const SourceFileSchema = z
	.strictObject({
		id: SlugSchema.meta({
			description:
				'Equals the file name without .yaml; for a catalogue in src/lib/vocab/catalogues.ts, its id there.',
			examples: ['data-gv-at'],
		}),
		name: z
			.string()
			.trim()
			.min(3, 'is too short — give the catalogue’s own name')
			.max(SOURCE_NAME_MAX, `is longer than ${SOURCE_NAME_MAX} characters — shorten it`)
			.meta({ description: 'The catalogue’s own name, in plain text.', examples: ['data.gv.at'] }),
		country: CountryCodeSchema.meta({
			description: 'ISO 3166-1 alpha-2 code of the European country it covers, or EU.',
			examples: ['AT'],
		}),
		official: z.boolean().meta({
			description: 'Run by a government or EU body (true), or by a community (false).',
			examples: [true],
		}),
		adapter: z
			.enum(SOURCE_ADAPTERS, {
				error: (issue) =>
					issue.input === undefined
						? `is required — add it, e.g. adapter: ckan (one of ${SOURCE_ADAPTERS.join(', ')})`
						: `"${String(issue.input)}" is not an adapter — use one of ${SOURCE_ADAPTERS.join(', ')}`,
			})
			.meta({ description: 'Which importer reads it.', examples: ['ckan'] }),
		endpoints: z
			.array(SourceEndpointSchema)
			.min(1, 'is empty — give the address the adapter reads')
			.max(
				MAX_ENDPOINTS,
				`lists more than ${MAX_ENDPOINTS} endpoints — keep the ones the adapter reads`,
			)
			.meta({ description: `1–${MAX_ENDPOINTS} machine-readable addresses of the catalogue.` }),
		metadataLicence: LicenceSchema.optional().meta({
			description: 'Licence of the catalogue’s metadata (SPDX id or LicenseRef-<name>).',
			examples: ['CC0-1.0'],
		}),
		metadataLicenceNote: z
			.string()
			.trim()
			.min(10, 'is too short — say why no metadata licence is given')
			.max(200)
			.optional()
			.meta({
				description: 'Why metadataLicence is absent; required when it is.',
				examples: ['The portal states no licence for its catalogue metadata.'],
			}),
		homepage: HttpUrlSchema.meta({
			description: 'The catalogue’s page for people.',
			examples: ['https://www.data.gv.at/'],
		}),
		recordPage: z
			.string()
			.trim()
			.max(300, 'is longer than 300 characters — give the page address only')
			.regex(
				RECORD_PAGE_TEMPLATE,
				"must be an https:// address with {name} or {id} where the record's key goes, e.g. https://www.govdata.de/suche/daten/{name}",
			)
			.optional()
			.meta({
				description:
					"A record's page for people, when the adapter's own guess is not one (CKAN: <portal>/dataset/<name>): {name} or {id} stands for the record's name or id in the source, on the catalogue's domain. Read by the ckan adapter.",
				examples: ['https://www.govdata.de/suche/daten/{name}'],
			}),
		yields: z
			.enum(SOURCE_YIELDS, {
				error: (issue) =>
					issue.input === undefined
						? 'is required — add it: yields: apis, datasets or both'
						: `"${String(issue.input)}" is not what a source yields — use apis, datasets or both`,
			})
			.meta({ description: 'What it lists: apis, datasets or both.', examples: ['datasets'] }),
		filters: SourceFiltersSchema.optional(),
		notes: z
			.string()
			.trim()
			.min(10, 'is too short — write a sentence, or remove notes')
			.max(
				SOURCE_NOTES_MAX,
				`is longer than ${SOURCE_NOTES_MAX} characters — keep what an importer must know`,
			)
			.optional()
			.meta({
				description: `Plain text, our own words (at most ${SOURCE_NOTES_MAX} characters): what an importer must know.`,
				examples: ['The register API asks for a free API key.'],
			}),
	})
	.superRefine((source, ctx) => {
		if (source.metadataLicence === undefined && source.metadataLicenceNote === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['metadataLicence'],
				message:
					'is missing — give the licence of the catalogue’s metadata, or say why there is none in metadataLicenceNote',
			});
		}
		if (source.metadataLicence !== undefined && source.metadataLicenceNote !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['metadataLicenceNote'],
				message: 'is given although metadataLicence is set — remove one of them',
			});
		}
	})
	.meta({
		title: 'c0mm0 source',
		description: 'A catalogue the register imports from, data/sources/<id>.yaml.',
	});

export type SourceFile = z.output<typeof SourceFileSchema>;
export type SourceEndpoint = z.output<typeof SourceEndpointSchema>;
export type SourceAdapter = (typeof SOURCE_ADAPTERS)[number];
