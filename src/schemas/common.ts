import { z } from 'zod';
import { CATALOGUE_IDS, CATALOGUES } from '../lib/vocab/catalogues.ts';
import { COUNTRY_CODE_ALIASES, COUNTRY_CODES } from '../lib/vocab/countries.ts';
import { LANGUAGE_CODES } from '../lib/vocab/languages.ts';
import {
	canonicalLicenceId,
	EXAMPLE_LICENCE_IDS,
	suggestLicenceId,
} from '../lib/vocab/licences.ts';
import { THEME_CODES } from '../lib/vocab/themes.ts';

/** Longest URL we accept; longer ones are almost always pasted tracking links. */
export const MAX_URL_LENGTH = 2048;

/** Identifiers of records and publishers: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An absolute http(s) URL without credentials. Whether its host is safe to contact (not
 * private, not a raw IP address) and whether it uses https are checked by the catalog rules,
 * which know whether the run allows private addresses.
 */
export const HttpUrlSchema = z
	.string()
	.trim()
	.max(
		MAX_URL_LENGTH,
		`is longer than ${MAX_URL_LENGTH} characters — link to a shorter, canonical URL`,
	)
	.superRefine((value, ctx) => {
		let url: URL;
		try {
			url = new URL(value);
		} catch {
			ctx.addIssue({
				code: 'custom',
				message: `"${value}" is not an absolute URL — write it in full, starting with https://`,
			});
			return;
		}
		if (url.protocol !== 'https:' && url.protocol !== 'http:') {
			ctx.addIssue({
				code: 'custom',
				message: `uses the ${url.protocol.replace(':', '')}: scheme — only https:// (or http://) URLs are allowed`,
			});
			return;
		}
		if (url.username || url.password) {
			ctx.addIssue({
				code: 'custom',
				message: 'contains a user name or password — remove the credentials from the URL',
			});
		}
	});

export const IsoDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date written YYYY-MM-DD — write it like 2026-11-24')
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
		message: 'is not a real calendar date — check the month and day',
	});

export const SlugSchema = z
	.string()
	.regex(
		SLUG_PATTERN,
		'must be lower-case letters and digits joined by single hyphens — e.g. dinum',
	);

export const CountryCodeSchema = z.enum(COUNTRY_CODES, {
	error: (issue) => {
		const input = String(issue.input);
		const alias = COUNTRY_CODE_ALIASES[input.toUpperCase()];
		if (alias) return `"${input}" is not an ISO 3166-1 code — use ${alias}`;
		if ((COUNTRY_CODES as readonly string[]).includes(input.toUpperCase())) {
			return `"${input}" must be upper-case — use ${input.toUpperCase()}`;
		}
		return `"${input}" is not a European country code we know — use an ISO 3166-1 alpha-2 code such as FR or DE, or EU for an EU institution`;
	},
});

export const ThemeSchema = z.enum(THEME_CODES, {
	error: (issue) =>
		`"${String(issue.input)}" is not an EU data theme — use one of ${THEME_CODES.join(', ')}`,
});

export const LanguageSchema = z.enum(LANGUAGE_CODES, {
	error: (issue) =>
		`"${String(issue.input)}" is not an ISO 639-1 language code we know — use a two-letter code such as fr, de or en`,
});

export const CatalogueIdSchema = z.enum(CATALOGUE_IDS, {
	error: (issue) =>
		`"${String(issue.input)}" is not a catalogue we know — use one of ${CATALOGUE_IDS.join(', ')}, or propose a new one in src/lib/vocab/catalogues.ts`,
});

/** A licence: an SPDX id (matched case-insensitively, stored in SPDX's casing) or `LicenseRef-…`. */
export const LicenceSchema = z
	.string()
	.trim()
	.transform((value, ctx) => {
		const id = canonicalLicenceId(value);
		if (id) return id;
		const suggestion = suggestLicenceId(value);
		ctx.addIssue({
			code: 'custom',
			message: suggestion
				? `"${value}" is not a licence id — write ${suggestion}`
				: `"${value}" is not an SPDX licence id we know — use an SPDX id such as ${EXAMPLE_LICENCE_IDS.join(', ')}, or LicenseRef-<name> for a publisher's own terms`,
		});
		return z.NEVER;
	});

export const SourceSchema = z
	.strictObject({
		catalogue: CatalogueIdSchema.meta({
			description: 'The catalogue that lists this record.',
			examples: ['api-gouv-fr'],
		}),
		url: HttpUrlSchema.meta({
			description: "The record's page in that catalogue.",
			examples: ['https://api.gouv.fr/les-api/api-captchetat'],
		}),
	})
	.superRefine((source, ctx) => {
		const { domain } = CATALOGUES[source.catalogue];
		let host: string;
		try {
			host = new URL(source.url).hostname.toLowerCase();
		} catch {
			return;
		}
		if (host !== domain && !host.endsWith(`.${domain}`)) {
			ctx.addIssue({
				code: 'custom',
				path: ['url'],
				message: `is on ${host}, not on ${domain} — link to this record's page in the ${source.catalogue} catalogue`,
			});
		}
	});

export const ContactSchema = z
	.strictObject({
		email: z.email('is not an e-mail address — write it like api@example.gouv.fr').optional(),
		url: HttpUrlSchema.meta({ description: 'A contact or support page.' }).optional(),
	})
	.refine((contact) => contact.email !== undefined || contact.url !== undefined, {
		message: 'is empty — give an email, a url, or both',
	});

export type Source = z.output<typeof SourceSchema>;
export type Contact = z.output<typeof ContactSchema>;
