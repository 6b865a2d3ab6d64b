import { z } from 'zod';
import { ContractCheckSchema } from './contract.ts';
import { DataFilesSchema } from './data-file.ts';

/** Short codes for why a URL could not be fetched; they appear in snapshots and on the site. */
export const ERROR_CODES = [
	'timeout',
	'dns',
	'refused',
	'reset',
	'tls',
	'too-many-redirects',
	'bad-redirect',
	'too-large',
	'blocked-address',
	'bad-url',
	'protocol',
	'unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const OUTCOMES = ['up', 'degraded', 'down', 'inconclusive'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.output<typeof OutcomeSchema>;

export const CHECK_TARGETS = [
	'base',
	'spec',
	'docs',
	'homepage',
	'distribution',
	'source',
	'publisher-page',
	'policy',
] as const;
export const CheckTargetSchema = z.enum(CHECK_TARGETS);
export type CheckTarget = z.output<typeof CheckTargetSchema>;

const IsoDateTime = z.iso.datetime({ offset: false });

/** One probed URL. */
export const CheckSchema = z.object({
	target: CheckTargetSchema,
	url: z.string(),
	method: z.enum(['HEAD', 'GET']),
	/** HTTP status of the final response, or null when none came. */
	status: z.number().int().nullable(),
	/** Milliseconds until the answer (or the failure), retries included. */
	ms: z.number().int().nonnegative().nullable(),
	error: z.enum(ERROR_CODES).nullable(),
	finalUrl: z.string().nullable(),
	redirects: z.number().int().nonnegative(),
	/** Whole days until the TLS certificate expires (negative once expired); null over http or when unknown. */
	tlsDaysLeft: z.number().int().nullable(),
	/** This check's own verdict. */
	outcome: OutcomeSchema,
	/** Why, in a few words: "answered 401: a key is required, as declared". */
	note: z.string(),
});
export type Check = z.output<typeof CheckSchema>;

/**
 * What one snapshot may hold, so that no spec, however hostile, can make a file GitHub refuses
 * (100 MiB per file) or a record page nobody can load. The capture keeps within these as it
 * reads a spec; the snapshot store enforces them again on every write, and the shard merge
 * refuses a file over `maxBytes`. A string cut to its cap ends in '…'.
 */
export const SNAPSHOT_LIMITS = {
	/**
	 * Bytes of one serialized snapshot. A capture with every list full and every string at its cap
	 * is about 0.75 MB of plain text, so this only bites on hostile input (escaped control
	 * characters, multi-byte names), and it is 1/50 of the 50 MiB at which GitHub starts warning
	 * about a file. Lists are cut from the end to fit (`spec.dropped`), the complete name lists
	 * first (only names of thousands of very long paths fill them past it).
	 */
	maxBytes: 1024 * 1024,
	/** Characters of a parameter or field name, an operation label, the spec title. */
	nameChars: 200,
	/** Characters of a type ('array<string>') and of the spec version. */
	typeChars: 100,
	/** Characters of a description (whitespace collapsed first). */
	descriptionChars: 300,
	/** Validation errors kept, and characters of each (also of a fetch error). */
	errors: 10,
	errorChars: 300,
	/** Parameters and fields kept; past these, `spec.truncated` is set. */
	parameters: 300,
	fields: 500,
	/** Property levels in a field name: 'a.b.c.d' is 4, 'a[].b' is 2. Deeper fields are left out by design. */
	fieldDepth: 4,
	/**
	 * Names in `spec.names` (the complete lists, names only). Measured on the real specs of the
	 * test corpus: the most field names is Légifrance's 1,323 (38 KB of names, ~29 bytes each;
	 * then Ma Cantine 907, API Entreprise 724), the most parameters 32, and the largest snapshot
	 * 187 KB. At ~30 bytes a name, full lists add ~240 KB: within `maxBytes` beside full
	 * detailed lists, and 4.5 times the largest field count measured.
	 */
	nameListParameters: 2_000,
	nameListFields: 6_000,
	/** References that could not be resolved, listed (`spec.unresolved`); the total is counted. */
	unresolved: 50,
} as const;

export const SpecParameterSchema = z.object({
	name: z.string(),
	in: z.string(),
	type: z.string(),
	description: z.string(),
	required: z.boolean(),
	operation: z.string(),
	operations: z.number().int().nonnegative(),
});

export const SpecFieldSchema = z.object({
	name: z.string(),
	type: z.string(),
	description: z.string(),
	operation: z.string(),
});

/** Which reader read the spec text (see parse-spec-text.ts); a lenient read is flagged on the page. */
export const SPEC_PARSERS = ['json', 'js-yaml', 'yaml', 'js-yaml-lenient'] as const;
export const SpecParserSchema = z.enum(SPEC_PARSERS);
export type SpecParser = z.output<typeof SpecParserSchema>;

/**
 * The complete lists of names, compact: `parameters` as `in:name` ('query:limit'), `fields` as
 * dotted paths, every top-level result field of every operation first, then nested ones level
 * by level. The detailed `parameters` / `fields` lists hold the first of these with their types.
 */
export const SpecNamesSchema = z.object({
	parameters: z.array(z.string()),
	fields: z.array(z.string()),
});
export type SpecNames = z.output<typeof SpecNamesSchema>;

/** What the verifier captured from an API's spec. */
export const SpecCaptureSchema = z.object({
	url: z.string(),
	format: z.string(),
	/** `2.0`, `3.0.3`, `3.1.0`… null when the document could not be read. */
	version: z.string().nullable(),
	title: z.string(),
	/** Parsed and passed swagger-parser's validation. */
	valid: z.boolean(),
	errors: z.array(z.string()),
	sha256: z.string().nullable(),
	bytes: z.number().int().nonnegative(),
	operations: z.number().int().nonnegative(),
	parameters: z.array(SpecParameterSchema),
	fields: z.array(SpecFieldSchema),
	/** A list cap (SNAPSHOT_LIMITS.parameters / fields), a name too long to follow, or the byte cap left something out. */
	truncated: z.boolean(),
	/** The reader that read the spec text. Absent in captures made before it was recorded. */
	parser: SpecParserSchema.optional(),
	/** Documents read: the spec itself and the external documents its `$ref`s pointed to. */
	documents: z.number().int().nonnegative().optional(),
	/** Every parameter and result-field name (capped at SNAPSHOT_LIMITS.nameList*). */
	names: SpecNamesSchema.optional(),
	/**
	 * `$ref`s that could not be resolved (dangling, in a document that failed to load, or not
	 * allowed: file:, a private address), each with the reason: the capture holds everything
	 * else. The first SNAPSHOT_LIMITS.unresolved are listed; `unresolvedTotal` counts them all.
	 */
	unresolved: z.array(z.string()).optional(),
	unresolvedTotal: z.number().int().nonnegative().optional(),
	/**
	 * Set only when the snapshot file would have been larger than SNAPSHOT_LIMITS.maxBytes: how
	 * many items were cut from the end of each list so that it fits.
	 */
	dropped: z
		.object({
			errors: z.number().int().nonnegative(),
			parameters: z.number().int().nonnegative(),
			fields: z.number().int().nonnegative(),
			/** Names cut from `names` (parameters and fields together). */
			names: z.number().int().nonnegative().optional(),
		})
		.optional(),
	/** When this capture was made. Kept from an earlier night when tonight's fetch failed. */
	capturedAt: IsoDateTime,
	/** Tonight's fetch failed with this error; the capture above is the last good one. */
	fetchError: z.string().nullable(),
});
export type SpecCapture = z.output<typeof SpecCaptureSchema>;
export type SpecParameter = z.output<typeof SpecParameterSchema>;
export type SpecField = z.output<typeof SpecFieldSchema>;

/** Proof-of-officialness signals that need the network to be confirmed. */
export const NETWORK_PROOF_SIGNALS = [
	'portal-backlink',
	'github-org',
	'reciprocal-link',
	'policy',
] as const;

/**
 * What the verifier found when it went to confirm a proof signal: `confirmed`, `refuted` (the
 * page is gone, or does not show what was claimed) or `unconfirmed` (it could not be checked
 * tonight: no answer, a challenge page, a refused address).
 */
export const ProofCheckSchema = z.object({
	signal: z.enum(NETWORK_PROOF_SIGNALS),
	url: z.string(),
	status: z.enum(['confirmed', 'refuted', 'unconfirmed']),
	httpStatus: z.number().int().nullable(),
	detail: z.string(),
});
export type ProofCheck = z.output<typeof ProofCheckSchema>;
export type NetworkProofSignal = (typeof NETWORK_PROOF_SIGNALS)[number];

/** `data/snapshots/<id>.json`: the latest measured state of one record. Machine-written. */
export const SnapshotSchema = z.object({
	id: z.string(),
	checkedAt: IsoDateTime,
	outcome: OutcomeSchema,
	/** The outcome in one sentence. */
	reason: z.string(),
	/** Last time the outcome was up or degraded; null if never. */
	lastUpAt: IsoDateTime.nullable(),
	checks: z.array(CheckSchema),
	spec: SpecCaptureSchema.nullable(),
	/** Confirmations of the proof signals that need the network. */
	proofs: z.array(ProofCheckSchema).default([]),
	/** Datasets: what the first distributions' files hold (see data-file.ts). */
	files: DataFilesSchema.optional(),
	/** APIs: tonight's real request to one safe operation, checked against its spec (see contract.ts). */
	contract: ContractCheckSchema.optional(),
});
export type Snapshot = z.output<typeof SnapshotSchema>;
