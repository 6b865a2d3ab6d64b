import { z } from 'zod';

/**
 * The `C0MM0_*` environment variables, as the build and the scripts read them (see README,
 * "Building the site"). An unset or empty variable takes its default.
 */
export const DEFAULTS = {
	C0MM0_DATA_DIR: 'data',
	C0MM0_SITE_URL: 'https://c0mm0.com/',
	C0MM0_REPOSITORY_URL: 'https://github.com/c0mm0/register',
	C0MM0_REPOSITORY_BRANCH: 'main',
	C0MM0_CACHE_DIR: '.cache',
	C0MM0_OG_CACHE_DIR: '.cache/og',
	C0MM0_SKIP_OG: false,
	C0MM0_FULL_BUILD: false,
	C0MM0_ALLOW_PRIVATE: false,
	C0MM0_DEPLOY_REGION: 'us-east-1',
	C0MM0_DEPLOY_PREFIX: '',
	C0MM0_DEPLOY_PATH_STYLE: false,
	/**
	 * 25,000: the 100,000-record index that peaked at 5.2 GB (PERFORMANCE.md) becomes four of
	 * these, about 1.3 GB each if Pagefind's memory grows linearly with its pages (to be confirmed
	 * by the 100,000-record bench), and a register of up to 25,000 records keeps one index.
	 */
	C0MM0_SEARCH_PARTITION_SIZE: 25_000,
} as const;

const TRUE = ['1', 'true', 'yes'];
const FALSE = ['0', 'false', 'no'];

/** A yes/no setting: `1`, `true`, `yes` or `0`, `false`, `no`, in any case; anything else is an error. */
const FlagSchema = (fallback: boolean) =>
	z
		.string()
		.trim()
		.toLowerCase()
		.refine((v) => TRUE.includes(v) || FALSE.includes(v), {
			error: (issue) =>
				`is ${JSON.stringify(issue.input)}, not a yes/no value — set it to 1, true or yes to turn it on, or 0, false or no (or leave it unset) for off`,
		})
		.transform((v) => TRUE.includes(v))
		.default(fallback);

const PathSchema = (fallback: string) => z.string().default(fallback);

/** An http(s) address; the site's is kept with a trailing slash, so its path is the site's base. */
const Address = z.url({
	protocol: /^https?$/,
	error: (issue) =>
		`is ${JSON.stringify(issue.input)}, not an http(s) address — write it like https://example.org/ or https://user.github.io/repo/`,
});
const AddressSchema = (fallback: string) => Address.default(fallback);

/**
 * A folder inside the bucket, kept as `site/` (or empty for the whole bucket): the deploy deletes
 * whatever else is under it, so `..`, empty segments and backslashes are refused rather than
 * guessed at.
 */
const PrefixSchema = z
	.string()
	.trim()
	.transform((v) => v.replace(/^\/+|\/+$/g, ''))
	.refine(
		(v) => v === '' || v.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
		{
			error: (issue) =>
				`is ${JSON.stringify(issue.input)}, not a folder in the bucket — write it like site or registers/eu, without . or .. segments`,
		},
	)
	.refine((v) => !v.includes('\\'), {
		error: 'uses a backslash — folders in a bucket are separated by /',
	})
	.transform((v) => (v === '' ? '' : `${v}/`))
	.default(DEFAULTS.C0MM0_DEPLOY_PREFIX);

export const SettingsSchema = z
	.strictObject(
		{
			/** Data folder the site is built from and the scripts read. @example ./tests/fixtures/site-catalog */
			C0MM0_DATA_DIR: PathSchema(DEFAULTS.C0MM0_DATA_DIR),
			/** Where the site is served; its path is the site's base. @example https://user.github.io/repo/ */
			C0MM0_SITE_URL: AddressSchema(DEFAULTS.C0MM0_SITE_URL),
			/** Where the site's source lives, for edit and source links. */
			C0MM0_REPOSITORY_URL: AddressSchema(DEFAULTS.C0MM0_REPOSITORY_URL),
			/** The branch edit and source links point at. */
			C0MM0_REPOSITORY_BRANCH: z.string().trim().min(1).default(DEFAULTS.C0MM0_REPOSITORY_BRANCH),
			/** Where the build manifest of incremental builds is kept. */
			C0MM0_CACHE_DIR: PathSchema(DEFAULTS.C0MM0_CACHE_DIR),
			/** Where drawn OG images are kept between builds. */
			C0MM0_OG_CACHE_DIR: PathSchema(DEFAULTS.C0MM0_OG_CACHE_DIR),
			/** Astro's own cache folder; unset keeps Astro's default (test builds use their own). */
			C0MM0_ASTRO_CACHE_DIR: z.string().optional(),
			/** Quick local builds: one shared placeholder image for every record. */
			C0MM0_SKIP_OG: FlagSchema(DEFAULTS.C0MM0_SKIP_OG),
			/** Render every record again, ignoring the last build. */
			C0MM0_FULL_BUILD: FlagSchema(DEFAULTS.C0MM0_FULL_BUILD),
			/** Accept loopback URLs in the catalog (test fixtures only). */
			C0MM0_ALLOW_PRIVATE: FlagSchema(DEFAULTS.C0MM0_ALLOW_PRIVATE),
			/**
			 * Secret: the free read-only key of the Dutch API register (developer.overheid.nl), for
			 * the import of that source; unset, that source fails and keeps its last import.
			 */
			C0MM0_NL_API_KEY: z.string().trim().min(1).optional(),
			/** Object-storage deploy: the bucket the site is uploaded to. @example my-register */
			C0MM0_DEPLOY_BUCKET: z.string().trim().min(1).optional(),
			/**
			 * Object-storage deploy: the S3 API address; unset for AWS S3 itself.
			 * @example https://<account>.r2.cloudflarestorage.com
			 */
			C0MM0_DEPLOY_ENDPOINT: z
				.url({
					protocol: /^https?$/,
					error: (issue) =>
						`is ${JSON.stringify(issue.input)}, not an http(s) address — write it like https://<account>.r2.cloudflarestorage.com`,
				})
				.optional(),
			/** Object-storage deploy: the bucket's region (`auto` for Cloudflare R2). */
			C0MM0_DEPLOY_REGION: z.string().trim().min(1).default(DEFAULTS.C0MM0_DEPLOY_REGION),
			/** Object-storage deploy: the folder of the bucket the site fills; empty for all of it. @example site */
			C0MM0_DEPLOY_PREFIX: PrefixSchema,
			/** Object-storage deploy: where the CDN serves the bucket, printed after a deploy. @example https://register.example.org/ */
			C0MM0_DEPLOY_PUBLIC_URL: Address.optional(),
			/** Object-storage deploy: address the bucket in the path (`endpoint/bucket/key`), as MinIO needs. */
			C0MM0_DEPLOY_PATH_STYLE: FlagSchema(DEFAULTS.C0MM0_DEPLOY_PATH_STYLE),
			/**
			 * Most record pages in one Pagefind index; a larger register is indexed as several,
			 * merged in the browser (see src/lib/search/search-partitions.ts). @example 25000
			 */
			C0MM0_SEARCH_PARTITION_SIZE: z.coerce
				.number({
					error: (issue) =>
						`is ${JSON.stringify(issue.input)}, not a number of pages — write a whole number like 25000`,
				})
				.int()
				.min(1)
				.default(DEFAULTS.C0MM0_SEARCH_PARTITION_SIZE),
			/**
			 * The one shard of the register this build renders, `K/N` (set by `npm run build --
			 * --shard K/N`); unset renders the whole register. @example 2/4
			 */
			C0MM0_SHARD: z
				.string()
				.trim()
				.regex(/^\d+\/\d+$/, {
					error: (issue) => `is ${JSON.stringify(issue.input)}, not a shard — write it like 2/4`,
				})
				.optional(),
			/**
			 * The build's time, written in the pages (`builtAt`); every shard of one build gets the same,
			 * so their outputs agree. Unset: the time the build starts. @example 2026-11-26T02:00:00Z
			 */
			C0MM0_BUILT_AT: z.iso.datetime({ offset: true }).optional(),
		},
		{
			// A misspelt setting would otherwise be ignored without a word.
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `${issue.keys.join(', ')}: no such setting — the settings are ${Object.keys(DEFAULTS).join(', ')}, C0MM0_ASTRO_CACHE_DIR, C0MM0_NL_API_KEY, C0MM0_DEPLOY_BUCKET, C0MM0_DEPLOY_ENDPOINT, C0MM0_DEPLOY_PUBLIC_URL, C0MM0_SHARD and C0MM0_BUILT_AT`
					: undefined,
		},
	)
	.transform((env) => {
		const site = new URL(env.C0MM0_SITE_URL);
		if (!site.pathname.endsWith('/')) site.pathname += '/';
		site.search = '';
		site.hash = '';
		return {
			dataDir: env.C0MM0_DATA_DIR,
			/** With a trailing slash: `https://user.github.io/repo/`. */
			siteUrl: site.href,
			/** The path the site is served under, `/` or `/repo/`: Astro's `base`. */
			base: site.pathname,
			repositoryUrl: env.C0MM0_REPOSITORY_URL.replace(/\/+$/, ''),
			repositoryBranch: env.C0MM0_REPOSITORY_BRANCH,
			cacheDir: env.C0MM0_CACHE_DIR,
			ogCacheDir: env.C0MM0_OG_CACHE_DIR,
			astroCacheDir: env.C0MM0_ASTRO_CACHE_DIR,
			skipOg: env.C0MM0_SKIP_OG,
			fullBuild: env.C0MM0_FULL_BUILD,
			allowPrivate: env.C0MM0_ALLOW_PRIVATE,
			searchPartitionSize: env.C0MM0_SEARCH_PARTITION_SIZE,
			/** `K/N`, parsed by src/lib/verify/shard.ts where it is used. */
			shard: env.C0MM0_SHARD,
			builtAt: env.C0MM0_BUILT_AT,
			/** A secret: never print it. */
			nlApiKey: env.C0MM0_NL_API_KEY,
			/** Where `npm run deploy -- --target s3` uploads the site; credentials are not settings. */
			deploy: {
				bucket: env.C0MM0_DEPLOY_BUCKET,
				endpoint: env.C0MM0_DEPLOY_ENDPOINT,
				region: env.C0MM0_DEPLOY_REGION,
				/** `site/` or empty: every key of the site starts with it. */
				prefix: env.C0MM0_DEPLOY_PREFIX,
				publicUrl: env.C0MM0_DEPLOY_PUBLIC_URL,
				pathStyle: env.C0MM0_DEPLOY_PATH_STYLE,
			},
		};
	});
export type Settings = z.output<typeof SettingsSchema>;
