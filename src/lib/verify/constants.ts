import packageJson from '../../../package.json' with { type: 'json' };

/**
 * Every limit the verifier works within, in one place. Tests shrink the times; the nightly run
 * uses these.
 */
export const VERIFY_DEFAULTS = {
	/** TCP + TLS handshake. */
	connectTimeoutMs: 10_000,
	/** From request sent to response headers received. */
	headersTimeoutMs: 15_000,
	/** Longest silence between two body chunks. */
	bodyTimeoutMs: 15_000,
	/** Whole request, retries and redirects included: a slow drip cannot hold a slot forever. */
	requestDeadlineMs: 45_000,
	/** Redirect hops followed before giving up. */
	maxRedirects: 5,
	/** Bytes of a probe's body read (decompressed) — enough to spot a challenge page. */
	probeBodyBytes: 256 * 1024,
	/** Bytes of a page read to confirm a proof (a catalogue page, the publisher's page linking to the record). */
	proofBodyBytes: 1024 * 1024,
	/** Bytes of the contract check's answer read (decompressed); a larger answer is not judged. */
	contractBodyBytes: 2 * 1024 * 1024,
	/** Bytes of a spec read (decompressed); a larger spec is recorded as too large. */
	specBodyBytes: 16 * 1024 * 1024,
	/** Retries of a transient failure, with delays doubling from retryBaseDelayMs. */
	maxRetries: 2,
	retryBaseDelayMs: 1_000,
	/** Longest Retry-After honoured; longer requests are capped to this. */
	maxRetryAfterMs: 20_000,
	/** Pause before re-checking records that looked down, so short blips do not count. */
	recheckDelayMs: 20_000,
	/** Answers slower than this make a check degraded. */
	slowMs: 5_000,
	/** A certificate expiring within this many days makes a check degraded. */
	certificateWarningDays: 7,
	/** Records verified at once. */
	concurrency: 32,
	/** Requests in flight to one host at once. */
	perHostConcurrency: 2,
	/** Distributions probed and read per dataset (the first ones listed). */
	maxDistributionsProbed: 5,
	/** Bytes of a dataset file read from its start (decompressed), enough for a sample of rows. */
	dataFileHeadBytes: 256 * 1024,
	/** Bytes of a file's end asked for first, where a Parquet footer lies. */
	dataFileTailBytes: 64 * 1024,
	/** Largest file read whole (XLSX and ZIP need all of it) and largest Parquet footer read. */
	dataFileWholeBytes: 4 * 1024 * 1024,
	/** Spec parsing: worker threads, time and heap per spec. */
	specWorkers: 2,
	specTimeoutMs: 30_000,
	specHeapMb: 256,
	/** Network sanity: at least this many records, of which this share fail the same way, means our network failed. */
	sanityMinRecords: 20,
	sanityFailureShare: 0.9,
} as const;

export type VerifyLimits = { [K in keyof typeof VERIFY_DEFAULTS]: number };

// What a capture may keep — string lengths, list lengths, a snapshot's bytes — is part of the
// snapshot format: SNAPSHOT_LIMITS in src/schemas/snapshot.ts, where the snapshot store (which
// may not import from verify/) enforces it on every write.

/** Public pages the verifier fetches first to prove its own network works (override with --canary). */
export const DEFAULT_CANARIES = [
	'https://europa.eu/',
	'https://www.gov.uk/',
	'https://www.service-public.fr/',
];

export const USER_AGENT = `c0mm0-verifier/${packageJson.version} (+https://c0mm0.com/methodology/; nightly check of the register of European public APIs and datasets)`;

/** Network error codes worth retrying: the connection broke, not the service. */
export const TRANSIENT_ERROR_CODES = [
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
] as const;

/** Status codes worth retrying (honouring Retry-After). */
export const TRANSIENT_STATUS_CODES = [429, 502, 503, 504] as const;

export function isTransientError(code: string | undefined): boolean {
	return code !== undefined && (TRANSIENT_ERROR_CODES as readonly string[]).includes(code);
}
