import { posix } from 'node:path';
import type { Entry } from '../../schemas/entry.ts';
import { settings } from '../settings/read-settings.ts';

/**
 * The site's URL contract: every path and URL the site links to, and the file in the output
 * folder each one is written to. Paths carry Astro's `base` (the path of `C0MM0_SITE_URL`), so a
 * fork served from https://user.github.io/repo/ links to /repo/records/…; files do not (Astro
 * writes the site at the root of `dist/`). The stale-file sweep deletes by these names, so the
 * writers and the sweep must both take them from here.
 */

type RecordKind = Entry['kind'];

/** The pages that exist once, without a parameter, by name. */
const STATIC_PAGES = {
	home: '',
	browse: 'browse/',
	search: 'search/',
	status: 'status/',
	methodology: 'methodology/',
	contribute: 'contribute/',
	changes: 'changes.xml',
	recordsJson: 'api/v1/records.json',
	sitemap: 'sitemap-index.xml',
	/** The OpenAPI description of the JSON API (issue 16). */
	openApi: 'api/v1/openapi.json',
	/** The llms.txt convention's entry point for agents. */
	llmsTxt: 'llms.txt',
	/** The bulk downloads, their sizes and their data dictionary. */
	downloads: 'downloads/',
	downloadCsv: 'downloads/register.csv',
	downloadNdjson: 'downloads/register.ndjson',
	downloadParquet: 'downloads/register.parquet',
	/** Every captured parameter and result field, one row each, with its record. */
	downloadFields: 'downloads/fields.csv',
	/** The register as a DCAT-AP 3 catalogue. */
	dcatTurtle: 'dcat/catalog.ttl',
	dcatJsonLd: 'dcat/catalog.jsonld',
} as const;
type StaticPage = keyof typeof STATIC_PAGES;

/** The folder of the sources pages (/sources/, /sources/<id>/). */
const SOURCES_FOLDER = 'sources';

/** The folder the search index is written to and served from. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * The folder of search partition `n` (1-based) in the output: the first is the search index
 * itself, so a register of one partition keeps the single index and URLs it always had; the
 * others sit inside it, so the whole search is still one folder to sweep, copy and cache.
 */
export const searchPartitionFolder = (n: number): string =>
	n === 1 ? SEARCH_INDEX_FOLDER : `${SEARCH_INDEX_FOLDER}/part-${n}`;

/** `status`: outcome and score (`/badges/<id>.svg`); `score` and `uptime`: the variants, each a file of its own. */
export const BADGE_VARIANTS = ['status', 'score', 'uptime'] as const;
export type BadgeVariant = (typeof BADGE_VARIANTS)[number];

/** Listings of records, one per key (country, theme, kind, publisher), paginated. */
export const LISTINGS = {
	country: 'countries',
	theme: 'themes',
	kind: 'kinds',
	publisher: 'publishers',
} as const;
export type ListingKind = keyof typeof LISTINGS;

/**
 * Every file a record owns: the folder that holds one such file (or folder)
 * per record, and the record's name in it. A name ending in `/` is a page (`index.html`).
 */
export const RECORD_OUTPUTS = {
	page: { folder: 'records', name: (id: string) => `${id}/` },
	json: { folder: 'api/v1/records', name: (id: string) => `${id}.json` },
	badge: { folder: 'badges', name: (id: string) => `${id}.svg` },
	scoreBadge: { folder: 'badges', name: (id: string) => `${id}-score.svg` },
	uptimeBadge: { folder: 'badges', name: (id: string) => `${id}-uptime.svg` },
	badgeEndpoint: { folder: 'badges', name: (id: string) => `${id}.json` },
	og: { folder: 'og', name: (id: string) => `${id}.png` },
} as const;

/** The URL contract of a site served at `siteUrl` (with a trailing slash; its path is the base). */
export function urlContract(siteUrl: string) {
	const site = new URL(siteUrl);
	const base = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
	/** A path under the base, from a path relative to the site's root (`records/x/`). */
	const withBase = (relative: string) => `${base}${relative.replace(/^\/+/, '')}`;
	const recordOutput = (output: keyof typeof RECORD_OUTPUTS, id: string) =>
		withBase(`${RECORD_OUTPUTS[output].folder}/${RECORD_OUTPUTS[output].name(id)}`);

	/** The file in the output folder a path of this site is written to, relative to it. */
	const distFile = (path: string): string => {
		if (!path.startsWith(base)) throw new Error(`${path} is not under the site's base ${base}`);
		const relative = path.slice(base.length);
		const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
		return posix.normalize(file);
	};

	const recordPath = (id: string) => recordOutput('page', id);
	return {
		base,
		/** The site's address with its base and a trailing slash. */
		siteUrl: site.href,
		/** A file of `public/` (`favicon.svg`, `pagefind/pagefind.js`). */
		assetPath: withBase,
		pagePath: (page: StaticPage) => withBase(STATIC_PAGES[page]),
		/** A listing's page `n` (1 is the listing itself); country and theme codes in lower case. */
		listingPath: (listing: ListingKind, key: string, page = 1) =>
			withBase(
				`${LISTINGS[listing]}/${listing === 'country' || listing === 'theme' ? key.toLowerCase() : key}/${page > 1 ? `${page}/` : ''}`,
			),
		recordPath,
		/** A publisher's own badge and the Atom feed of its records' changes. */
		publisherBadgePath: (id: string) => withBase(`${LISTINGS.publisher}/${id}/badge.svg`),
		publisherFeedPath: (id: string) => withBase(`${LISTINGS.publisher}/${id}/feed.xml`),
		/** The list of every catalogue the register imports from. */
		sourcesPath: () => withBase(`${SOURCES_FOLDER}/`),
		/** A source's page `n` (1 is its page): its facts and the records it lists. */
		sourcePath: (id: string, page = 1) =>
			withBase(`${SOURCES_FOLDER}/${id}/${page > 1 ? `${page}/` : ''}`),
		/** What every record page's path starts with (the search page keeps only these results). */
		recordPagesPrefix: withBase(`${RECORD_OUTPUTS.page.folder}/`),
		recordJsonPath: (id: string) => recordOutput('json', id),
		/** The status badge (`status` or no variant) has no suffix in its name. */
		badgePath: (id: string, variant?: BadgeVariant) =>
			recordOutput(
				variant === 'score' ? 'scoreBadge' : variant === 'uptime' ? 'uptimeBadge' : 'badge',
				id,
			),
		badgeEndpointPath: (id: string) => recordOutput('badgeEndpoint', id),
		ogPath: (id: string) => recordOutput('og', id),
		/**
		 * A publisher's card, shared by its datasets: one image per publisher rather than one per
		 * dataset keeps the site within its size budget (issue 15). In the OG folder, named so no
		 * record id (`<cc>-…`) can take it.
		 */
		publisherOgPath: (publisherId: string) =>
			withBase(`${RECORD_OUTPUTS.og.folder}/publisher-${publisherId}.png`),
		/** Pagefind's script, which the search page loads at run time. */
		searchBundlePath: withBase(`${SEARCH_INDEX_FOLDER}/pagefind.js`),
		/** The folder URL of search partition `n`, as Pagefind's `mergeIndex` takes it. */
		searchPartitionPath: (n: number) => withBase(`${searchPartitionFolder(n)}/`),
		/** The image of every page that is not a record page. */
		defaultOgPath: withBase(`${RECORD_OUTPUTS.og.folder}/default.png`),
		/** An absolute URL, for feeds, JSON, structured data and badge snippets. */
		absoluteUrl: (path: string) => new URL(path, site.origin).href,
		distFile,
		/** Folders of the output that hold one file or folder per record (swept by name). */
		recordFolders: [...new Set(Object.values(RECORD_OUTPUTS).map((o) => o.folder))],
		/**
		 * Every file a record owns in the output folder, its page first. A dataset has no image of
		 * its own: it shows its publisher's card.
		 */
		recordFiles: (id: string, kind: RecordKind = 'api') =>
			(Object.keys(RECORD_OUTPUTS) as (keyof typeof RECORD_OUTPUTS)[])
				.filter((output) => output !== 'og' || kind !== 'dataset')
				.map((output) => distFile(recordOutput(output, id))),
	};
}

/** The image a record page shares: its own card for an API, its publisher's for a dataset. */
export function shareImagePath(record: {
	id: string;
	entry: { kind: RecordKind; publisher: string };
}): string {
	return record.entry.kind === 'dataset'
		? publisherOgPath(record.entry.publisher)
		: ogPath(record.id);
}

/** This site's contract, from `C0MM0_SITE_URL`. */
const urls = urlContract(settings().siteUrl);
export const {
	base: BASE,
	siteUrl: SITE_URL,
	assetPath,
	pagePath,
	listingPath,
	recordPath,
	sourcesPath,
	sourcePath,
	publisherBadgePath,
	publisherFeedPath,
	recordPagesPrefix,
	recordJsonPath,
	badgePath,
	badgeEndpointPath,
	ogPath,
	publisherOgPath,
	defaultOgPath,
	searchBundlePath,
	searchPartitionPath,
	absoluteUrl,
	distFile,
	recordFolders,
	recordFiles,
} = urls;

/** Where the site's source lives; overridable for forks (see README, "How the register runs"). */
export const REPOSITORY_URL = settings().repositoryUrl;
const REPOSITORY_BRANCH = settings().repositoryBranch;

export function editUrl(path: string): string {
	return `${REPOSITORY_URL}/edit/${REPOSITORY_BRANCH}/${path}`;
}

export function sourceUrl(path: string): string {
	return `${REPOSITORY_URL}/blob/${REPOSITORY_BRANCH}/${path}`;
}

/** A folder of the repository on the branch edit and source links point at. */
export function treeUrl(path: string): string {
	return `${REPOSITORY_URL}/tree/${REPOSITORY_BRANCH}/${path}`;
}
