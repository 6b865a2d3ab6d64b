import { z } from 'zod';
import { FREQUENCY_CODES } from '../lib/vocab/frequencies.ts';
import {
	ContactSchema,
	CountryCodeSchema,
	HttpUrlSchema,
	IsoDateSchema,
	LanguageSchema,
	LicenceSchema,
	SlugSchema,
	SourceSchema,
	ThemeSchema,
} from './common.ts';

/** Tiers of government a record's publisher can belong to within its country. */
export const GOVERNMENT_LEVELS = ['national', 'regional', 'local'] as const;

export const TITLE_MAX = 120;
export const SUMMARY_MIN = 20;
export const SUMMARY_MAX = 200;
export const DESCRIPTION_MAX = 6000;
export const ACCESS_NOTE_MAX = 300;

/** `<cc>-<slug>`: the record's country code in lower case, then a slug. Stable forever. */
export const EntryIdSchema = z
	.string()
	.regex(
		/^[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'must be <country>-<slug> in lower case, e.g. fr-api-captchetat — rename it and the file together',
	)
	.max(80, 'is longer than 80 characters — shorten the slug')
	.refine((id) => !/-(score|uptime)$/.test(id), {
		message:
			'ends with -score or -uptime, which badge URLs use (/badges/<id>-score.svg) — choose another slug',
	})
	.meta({
		description:
			'Stable identifier: `<cc>-<slug>`, equal to the file name. Never change it once published.',
		examples: ['fr-api-captchetat'],
	});

export const AccessSchema = z
	.enum(['open', 'key', 'oauth2', 'restricted', 'unknown'], {
		error: (issue) =>
			`"${String(issue.input)}" is not an access level — use open (no sign-up), key (free sign-up for a key), oauth2, restricted (approval needed), or unknown (not stated anywhere you could check)`,
	})
	.meta({
		description:
			'How a client gets in: `open` (no sign-up), `key` (sign up for an API key or token), `oauth2` (OAuth 2.0 client), `restricted` (only approved bodies), `unknown` (not stated: imported from a catalogue that does not say).',
		examples: ['key'],
	});

export const SPEC_FORMATS = ['openapi', 'asyncapi', 'graphql', 'wsdl', 'odata', 'other'] as const;

export const SpecSchema = z
	.strictObject({
		url: HttpUrlSchema.meta({
			description: 'Where the machine-readable description can be downloaded (JSON or YAML).',
			examples: ['https://api.gouv.fr/swaggers/api-captchetat.json'],
		}),
		format: z
			.enum(SPEC_FORMATS, {
				error: (issue) =>
					`"${String(issue.input)}" is not a spec format — use one of ${SPEC_FORMATS.join(', ')} (openapi covers Swagger 2.0 and OpenAPI 3.x)`,
			})
			.meta({
				description:
					'`openapi` covers Swagger 2.0 and OpenAPI 3.x; the verifier records the exact version.',
				examples: ['openapi'],
			}),
	})
	.meta({ description: 'The machine-readable API description.' });

export const DistributionSchema = z.strictObject({
	url: HttpUrlSchema.meta({
		description: 'Download or access URL of this distribution.',
		examples: ['https://static.data.gouv.fr/resources/example.csv'],
	}),
	format: z
		.string()
		.trim()
		.min(2)
		.max(20)
		.regex(/^[A-Za-z0-9+.-]+$/, 'is not a format name — write e.g. CSV, JSON, GeoJSON, XML, ZIP')
		.meta({
			description: 'File format, e.g. CSV, JSON, GeoJSON, XML, Parquet, ZIP.',
			examples: ['CSV'],
		}),
	mediaType: z
		.string()
		.regex(
			/^[a-z]+\/[a-z0-9.+-]+$/,
			'is not a media type — write e.g. text/csv or application/json',
		)
		.optional()
		.meta({ description: 'IANA media type.', examples: ['text/csv'] }),
	title: z
		.string()
		.trim()
		.min(2)
		.max(120)
		.optional()
		.meta({ description: 'What this file holds.' }),
});

const entryShape = {
	id: EntryIdSchema,
	title: z
		.string()
		.trim()
		.min(3, 'is too short — give the official name of the API or dataset')
		.max(
			TITLE_MAX,
			`is longer than ${TITLE_MAX} characters — keep the official name and move detail to the summary`,
		)
		.meta({
			description: 'Official name, as the publisher writes it.',
			examples: ['API CaptchEtat'],
		}),
	summary: z
		.string()
		.trim()
		.min(
			SUMMARY_MIN,
			`is shorter than ${SUMMARY_MIN} characters — say in one sentence what it gives access to`,
		)
		.max(
			SUMMARY_MAX,
			`is longer than ${SUMMARY_MAX} characters — keep one sentence and move detail to the description`,
		)
		.meta({
			description: `One plain-text sentence (${SUMMARY_MIN}–${SUMMARY_MAX} characters), in our own words.`,
			examples: [
				'Generates image and audio CAPTCHA challenges for French public-sector online services.',
			],
		}),
	country: CountryCodeSchema.meta({
		description:
			'ISO 3166-1 alpha-2 code of a European country, or `EU` for EU institutions. Equals the folder name.',
		examples: ['FR'],
	}),
	level: z
		.enum(GOVERNMENT_LEVELS, {
			error: (issue) =>
				`"${String(issue.input)}" is not a level of government — use national, regional or local, or leave level out for national`,
		})
		.optional()
		.meta({
			description:
				'Tier of government that publishes it within its country: national (the default when left out), regional or local. Not used for EU records.',
			examples: ['local'],
		}),
	publisher: SlugSchema.meta({
		description: 'Id of the publishing body: the name of a file in data/publishers/ without .yaml.',
		examples: ['aife'],
	}),
	homepage: HttpUrlSchema.optional().meta({
		description: 'Human-readable landing page of the API or dataset.',
		examples: ['https://api.gouv.fr/les-api/api-captchetat'],
	}),
	docs: HttpUrlSchema.optional().meta({
		description: 'Developer documentation.',
		examples: ['https://piste.gouv.fr/'],
	}),
	licence: LicenceSchema.optional().meta({
		description:
			'SPDX licence id (e.g. etalab-2.0, CC-BY-4.0, ODbL-1.0, OGL-UK-3.0, DL-DE-BY-2.0) or LicenseRef-<name>.',
		examples: ['etalab-2.0'],
	}),
	accessNote: z
		.string()
		.trim()
		.min(10, 'is too short — say who may use it and how access is granted')
		.max(
			ACCESS_NOTE_MAX,
			`is longer than ${ACCESS_NOTE_MAX} characters — keep who may use it and how to get access; move the rest to the description`,
		)
		.optional()
		.meta({
			description: `Who may use it and how access is granted, in plain text (at most ${ACCESS_NOTE_MAX} characters), in our own words.`,
			examples: ['Reserved for public bodies, which request access through DataPass.'],
		}),
	terms: HttpUrlSchema.optional().meta({
		description: 'Terms of use or conditions page.',
	}),
	themes: z
		.array(ThemeSchema)
		.min(1, 'is empty — list at least one EU data theme, or remove the field')
		.max(4, 'lists more than 4 themes — keep the ones that fit best')
		.optional()
		.meta({
			description:
				'EU data themes (AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, REGI, SOCI, TECH, TRAN).',
			examples: [['GOVE']],
		}),
	keywords: z
		.array(z.string().trim().min(2).max(40))
		.min(1)
		.max(15, 'lists more than 15 keywords — keep the ones people search for')
		.optional()
		.meta({ description: 'Search terms people use for it.', examples: [['captcha', 'security']] }),
	languages: z
		.array(LanguageSchema)
		.min(1)
		.optional()
		.meta({
			description: 'ISO 639-1 codes of the languages the data or API responses are in.',
			examples: [['fr']],
		}),
	lang: LanguageSchema.default('en').meta({
		description: 'Language this entry (title, summary, description) is written in. Defaults to en.',
		examples: ['en'],
	}),
	sources: z
		.array(SourceSchema)
		.min(1)
		.optional()
		.meta({ description: 'Catalogues that list it, with the URL of its page there.' }),
	publisherPage: HttpUrlSchema.optional().meta({
		description:
			"A page on the publisher's own website that links to this record's docs or homepage (checked by the verifier).",
	}),
	repository: HttpUrlSchema.optional().meta({
		description: 'Source repository of the API, its spec or the dataset tooling (e.g. on GitHub).',
	}),
	contact: ContactSchema.optional().meta({ description: 'How to reach the team behind it.' }),
	added: IsoDateSchema.meta({
		description: 'Date the entry was added to the register (YYYY-MM-DD).',
		examples: ['2026-11-24'],
	}),
};

export const ApiEntrySchema = z
	.strictObject({
		kind: z.literal('api'),
		...entryShape,
		access: AccessSchema,
		baseUrl: HttpUrlSchema.optional().meta({
			description: 'Base URL that API paths are appended to.',
			examples: ['https://sandbox-api.piste.gouv.fr/piste/captchetat/v2'],
		}),
		productionUrl: HttpUrlSchema.optional().meta({
			description:
				'Production base URL, when `baseUrl` is a sandbox or test environment that a newcomer can try first.',
			examples: ['https://api.piste.gouv.fr/piste/captchetat/v2'],
		}),
		spec: SpecSchema.optional(),
	})
	.meta({ title: 'API entry' });

export const DatasetEntrySchema = z
	.strictObject({
		kind: z.literal('dataset'),
		...entryShape,
		access: AccessSchema.default('open'),
		distributions: z
			.array(DistributionSchema)
			.max(
				30,
				'lists more than 30 distributions — link the main formats and the dataset page for the rest',
			)
			.default([])
			.meta({ description: 'Files or endpoints through which the data can be downloaded.' }),
		updateFrequency: z
			.enum(FREQUENCY_CODES, {
				error: (issue) =>
					`"${String(issue.input)}" is not an EU frequency code — use e.g. DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, IRREG`,
			})
			.optional()
			.meta({
				description:
					'How often the data is updated, as a code of the EU frequency vocabulary (DAILY, WEEKLY, MONTHLY, ANNUAL, IRREG…); the verifier flags files older than it allows.',
				examples: ['MONTHLY'],
			}),
	})
	.meta({ title: 'Dataset entry' });

/** The frontmatter of a catalog entry, `data/catalog/<cc>/<id>.md`. The markdown body is its description. */
export const EntrySchema = z
	.discriminatedUnion('kind', [ApiEntrySchema, DatasetEntrySchema], {
		error: (issue) => {
			if (issue.code !== 'invalid_union') return undefined;
			const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
			return `${kind === undefined ? 'is missing' : `got ${JSON.stringify(kind)}`} — set kind: api for an API or kind: dataset for a dataset`;
		},
	})
	.meta({
		title: 'c0mm0 catalog entry',
		description:
			'Frontmatter of data/catalog/<cc>/<id>.md. The markdown body below the frontmatter is the description.',
	});

export type ApiEntry = z.output<typeof ApiEntrySchema>;
export type DatasetEntry = z.output<typeof DatasetEntrySchema>;
export type Entry = z.output<typeof EntrySchema>;
export type EntryInput = z.input<typeof EntrySchema>;
export type Access = z.output<typeof AccessSchema>;
export type SpecFormat = (typeof SPEC_FORMATS)[number];
