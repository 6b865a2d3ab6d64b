/**
 * Every constant of the quality score, in one place. The methodology page is generated from
 * these, so it cannot disagree with the code that applies them.
 */

export const AXES = [
	'officialness',
	'availability',
	'metadata',
	'licence',
	'agentReadiness',
] as const;
export type Axis = (typeof AXES)[number];

/** Weights of the axes in the total, in percent. */
export const AXIS_WEIGHTS: Record<Axis, number> = {
	officialness: 25,
	availability: 25,
	metadata: 20,
	licence: 15,
	agentReadiness: 15,
};

export const AXIS_NAMES: Record<Axis, string> = {
	officialness: 'Officialness',
	availability: 'Availability',
	metadata: 'Metadata completeness',
	licence: 'Licence clarity',
	agentReadiness: 'Agent readiness',
};

/** Bands, highest first: a total at or above `min` earns the band. */
export const BANDS = [
	{ name: 'excellent', min: 85 },
	{ name: 'good', min: 65 },
	{ name: 'fair', min: 45 },
	{ name: 'poor', min: 0 },
] as const;
export type Band = (typeof BANDS)[number]['name'];

/** Points per proof-of-officialness signal; five signals make 100. */
export const PROOF_SIGNAL_POINTS = 20;

export const PROOF_SIGNALS = [
	'official-domain',
	'portal-backlink',
	'github-org',
	'reciprocal-link',
	'policy',
] as const;
export type ProofSignal = (typeof PROOF_SIGNALS)[number];

export const PROOF_SIGNAL_NAMES: Record<ProofSignal, string> = {
	'official-domain': 'official domain',
	'portal-backlink': 'portal backlink',
	'github-org': 'GitHub organisation',
	'reciprocal-link': 'reciprocal link',
	policy: 'published policy',
};

export const PROOF_SIGNAL_RULES: Record<ProofSignal, string> = {
	'official-domain':
		"one of the record's URLs (base URL, spec, docs, homepage, downloads) sits on a domain the publisher controls or on its country's government domain",
	'portal-backlink':
		'an official national or EU catalogue the entry names lists it: the verifier fetched the catalogue page and found the record on it',
	'github-org':
		'its spec or repository lives under a GitHub organisation the publisher runs, and the verifier fetched it from there',
	'reciprocal-link':
		"a page on the publisher's official domain links to the record's homepage, docs or URLs, as the verifier found",
	policy:
		"the publisher publishes a policy the verifier could fetch: a declared open-data/API policy page on its official domain, or a security.txt with a contact on its homepage's host",
};

/**
 * Government domains per country: a record whose URL sits on one of these (or below) is on an
 * official domain whoever the publisher is. Keep to domains only governments can register.
 */
export const GOVERNMENT_DOMAINS: Readonly<Record<string, readonly string[]>> = {
	AT: ['gv.at'],
	BE: ['belgium.be', 'fgov.be', 'vlaanderen.be', 'wallonie.be'],
	BG: ['government.bg', 'egov.bg'],
	CH: ['admin.ch'],
	CY: ['gov.cy'],
	CZ: ['gov.cz'],
	DE: ['bund.de'],
	DK: ['gov.dk', 'borger.dk', 'virk.dk'],
	EE: ['riik.ee', 'eesti.ee'],
	ES: ['gob.es'],
	EU: ['europa.eu'],
	FI: ['gov.fi', 'suomi.fi', 'valtioneuvosto.fi'],
	FR: ['gouv.fr'],
	GB: ['gov.uk', 'nhs.uk', 'police.uk', 'parliament.uk', 'gov.scot', 'gov.wales'],
	GR: ['gov.gr'],
	HR: ['gov.hr'],
	HU: ['gov.hu', 'kormany.hu'],
	IE: ['gov.ie'],
	IS: ['island.is', 'stjornarradid.is'],
	IT: ['gov.it', 'governo.it'],
	LT: ['gov.lt', 'lrv.lt'],
	LU: ['public.lu', 'gouvernement.lu', 'etat.lu'],
	LV: ['gov.lv'],
	MT: ['gov.mt'],
	NL: ['overheid.nl'],
	NO: ['regjeringen.no', 'norge.no'],
	PL: ['gov.pl'],
	PT: ['gov.pt'],
	RO: ['gov.ro'],
	SE: ['gov.se', 'regeringen.se'],
	SI: ['gov.si'],
	SK: ['gov.sk'],
};

/** The ten recommended metadata fields; metadata completeness is the share present. */
export const RECOMMENDED_FIELDS = [
	{
		key: 'description',
		label: 'description',
		rule: 'a description of at least 80 characters below the frontmatter',
	},
	{ key: 'homepage', label: 'homepage URL', rule: '`homepage`' },
	{ key: 'docs', label: 'documentation URL', rule: '`docs`' },
	{
		key: 'access-point',
		label: 'spec (APIs) or downloads (datasets)',
		rule: '`spec` for an API, at least one `distributions` entry for a dataset',
	},
	{ key: 'licence', label: 'licence', rule: '`licence`' },
	{ key: 'terms', label: 'terms of use', rule: '`terms`' },
	{ key: 'themes', label: 'themes', rule: '`themes`' },
	{ key: 'keywords', label: 'keywords', rule: '`keywords`' },
	{ key: 'languages', label: 'languages', rule: '`languages`' },
	{ key: 'contact', label: 'contact', rule: '`contact` (email or URL)' },
] as const;
export type RecommendedField = (typeof RECOMMENDED_FIELDS)[number]['key'];

export const DESCRIPTION_MIN_CHARS = 80;

/** Availability: score of the latest outcome, blended with the 30-day uptime when there is history. */
export const OUTCOME_POINTS = { up: 100, degraded: 60, down: 0 } as const;
/** Share of the availability score that comes from the latest check once uptime is known. */
export const LATEST_SHARE = 0.5;
/** Counted nights (up, degraded or down) needed before the 30-day uptime enters the score. */
export const MIN_UPTIME_NIGHTS = 3;

/** Licence clarity, in points. */
export const LICENCE_POINTS = {
	openLicence: 100,
	knownRestrictiveLicence: 60,
	customLicenceWithTerms: 50,
	customLicence: 30,
	termsOnly: 25,
	nothing: 0,
	api: { openLicence: 100, termsDeclared: 75, knownRestrictiveLicence: 70, notTracked: 50 },
} as const;

/** Agent readiness signals and their points (each list sums to 100). */
export const AGENT_SIGNALS = {
	api: [
		{ key: 'spec-url', points: 20, label: 'OpenAPI spec URL declared' },
		{ key: 'spec-format', points: 10, label: 'Spec format known' },
		{ key: 'spec-valid', points: 15, label: 'Spec parses and validates' },
		{
			key: 'contract',
			points: 10,
			label: "A real request's answer matches the published schema",
		},
		{ key: 'docs', points: 25, label: 'Docs URL present' },
		{ key: 'homepage', points: 20, label: 'Homepage URL present' },
	],
	dataset: [
		{ key: 'distributions', points: 20, label: 'Download URLs listed' },
		{ key: 'media-types', points: 10, label: 'Media types declared for every download' },
		{
			key: 'machine-readable',
			points: 25,
			label: 'A machine-readable download answered at the last check',
		},
		{ key: 'docs', points: 25, label: 'Docs URL present' },
		{ key: 'homepage', points: 20, label: 'Homepage URL present' },
	],
} as const;

/**
 * The contract check calls only APIs declared open: the register never sends credentials. For
 * any other API the contract signal's points follow the spec's validity instead, so that
 * needing a key costs no score.
 */
export const CONTRACT_RULE =
	"one GET operation of the spec, chosen the same way every night (no credentials, required parameters only from the spec's examples, defaults or enums), is called for real and its answer is validated against the response schema the spec declares for that status and media type. APIs not declared open are never called: for them these points follow the spec's validity";

/** Formats agents can read without a human: structured, open. */
export const MACHINE_READABLE_FORMATS = [
	'CSV',
	'TSV',
	'JSON',
	'JSONL',
	'NDJSON',
	'GEOJSON',
	'XML',
	'RDF',
	'TTL',
	'JSON-LD',
	'PARQUET',
	'GTFS',
	'NETCDF',
	'GPKG',
	'SDMX',
	'XLSX',
	'ODS',
	'SHP',
] as const;
