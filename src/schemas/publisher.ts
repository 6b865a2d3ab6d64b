import { z } from 'zod';
import { CountryCodeSchema, HttpUrlSchema, SlugSchema } from './common.ts';

/** A bare host name such as `gouv.fr` or `api.gov.uk`: no scheme, path or port. */
export const DomainSchema = z
	.string()
	.trim()
	.toLowerCase()
	.regex(
		/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
		'is not a bare domain name — write it like economie.gouv.fr, without https:// or a path',
	);

/** A GitHub organisation or user name. */
export const GithubOrgSchema = z
	.string()
	.regex(
		/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/,
		'is not a GitHub organisation name — write only the name, e.g. etalab, not its URL',
	);

export const PUBLISHER_TYPES = ['public', 'private', 'intergovernmental'] as const;

/** A publishing body, `data/publishers/<id>.yaml`. Proof of officialness compares records against it. */
export const PublisherSchema = z
	.strictObject({
		id: SlugSchema.meta({ description: 'Equals the file name without .yaml.', examples: ['aife'] }),
		name: z
			.string()
			.trim()
			.min(2)
			.max(160)
			.meta({
				description: 'Official name, in its own language.',
				examples: ["Agence pour l'informatique financière de l'État"],
			}),
		acronym: z
			.string()
			.trim()
			.min(1)
			.max(20)
			.optional()
			.meta({ examples: ['AIFE'] }),
		country: CountryCodeSchema.meta({
			description: 'ISO 3166-1 alpha-2 code, or EU.',
			examples: ['FR'],
		}),
		type: z
			.enum(PUBLISHER_TYPES, {
				error: (issue) =>
					`"${String(issue.input)}" is not a kind of body — use public (a public authority or agency), private (a company, even under public contract) or intergovernmental`,
			})
			.meta({ description: 'Kind of body.', examples: ['public'] }),
		homepage: HttpUrlSchema.meta({
			description: 'Official website.',
			examples: ['https://www.economie.gouv.fr/aife'],
		}),
		officialDomains: z
			.array(DomainSchema)
			.min(1, 'is empty — list at least the domain of the homepage')
			.max(20)
			.meta({
				description:
					'Domains this body controls; records whose URLs sit on them (or their subdomains) earn the official-domain proof.',
				examples: [['aife.economie.gouv.fr', 'piste.gouv.fr']],
			}),
		githubOrgs: z
			.array(GithubOrgSchema)
			.max(20)
			.default([])
			.meta({ description: 'GitHub organisations this body runs.', examples: [['etalab']] }),
		policyUrl: HttpUrlSchema.optional().meta({
			description:
				"The body's published open-data or API policy page, on one of its official domains.",
		}),
		parent: SlugSchema.optional().meta({
			description: 'Id of the publisher this body belongs to, if any.',
		}),
	})
	.meta({ title: 'c0mm0 publisher', description: 'A publishing body, data/publishers/<id>.yaml.' });

export type Publisher = z.output<typeof PublisherSchema>;
export type PublisherType = (typeof PUBLISHER_TYPES)[number];

/**
 * A body that only an imported catalogue names (`data/imported/<source>/publishers.ndjson`, not
 * matched to a file of data/publishers/). Nobody has reviewed which domains or GitHub
 * organisations it controls, so it has none on record and earns no proof that depends on them.
 */
export interface ImportedRegisterPublisher {
	id: string;
	name: string;
	country: z.output<typeof CountryCodeSchema>;
	homepage?: string;
	acronym?: undefined;
	type?: undefined;
	officialDomains: readonly [];
	githubOrgs: readonly [];
	policyUrl?: undefined;
	parent?: undefined;
	/** The catalogue that named it first. */
	imported: { source: string };
}

/** A publisher of the register: reviewed (data/publishers/) or named by an imported catalogue. */
export type RegisterPublisher = Publisher | ImportedRegisterPublisher;

export function isImportedPublisher(p: RegisterPublisher): p is ImportedRegisterPublisher {
	return 'imported' in p;
}
