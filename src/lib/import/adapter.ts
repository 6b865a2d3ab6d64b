import type { HarvestItem } from '../../schemas/imported.ts';
import type { SourceFile } from '../../schemas/source.ts';

/**
 * The contract between the import pipeline and its adapters. An adapter has one job: read its
 * source's pages through {@link ImportHttp} and yield what they list, one {@link HarvestItem} at
 * a time, so a source of 100,000 records never sits in memory whole. It does no validation
 * beyond what it needs to build a record: the pipeline checks every value with the entry rules.
 */

export interface ImportResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string>;
	body: Buffer;
	/** The body went on past maxBytes and was cut. */
	truncated: boolean;
	finalUrl: string;
}

export interface ImportGet {
	/** Bytes to read at most; an adapter whose page is cut must fail, not parse half a page. */
	maxBytes: number;
	accept?: string;
	/** Sent as is: only `If-None-Match` / `If-Modified-Since` and an API key header are allowed. */
	headers?: Record<string, string>;
}

/**
 * GET through the verifier's one client: the same address policy (checked at connect time),
 * timeouts, redirects, decompression caps, per-host limit and User-Agent.
 */
export interface ImportHttp {
	get(url: string, options: ImportGet): Promise<ImportResponse>;
	/** POST for SPARQL endpoints only (a query form body), same rules. */
	postForm?(url: string, form: Record<string, string>, options: ImportGet): Promise<ImportResponse>;
}

export interface ImportLimits {
	/** Most pages an adapter reads from one endpoint (endless paging stops here, as a failure). */
	maxPages: number;
	/** Most records an adapter yields (the source's own `maxRecords` filter may lower it). */
	maxRecords: number;
	/** Bytes of one page or file. */
	maxPageBytes: number;
}

export interface AdapterContext {
	source: SourceFile;
	http: ImportHttp;
	limits: ImportLimits;
	signal: AbortSignal;
	/** Validators from the last successful run, by URL, for conditional requests. */
	previousValidators: ReadonlyMap<string, { etag?: string; lastModified?: string }>;
	/** Called with the validators of each answer worth remembering. */
	rememberValidators(url: string, validators: { etag?: string; lastModified?: string }): void;
}

/** Reads a source; throws {@link SourceFailure} or {@link SourceUnchanged} for the whole source. */
export type Adapter = (context: AdapterContext) => AsyncIterable<HarvestItem>;

/** The source as a whole could not be read: the previous import is kept and the night goes on. */
export class SourceFailure extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'SourceFailure';
	}
}

/** The source answered 304 Not Modified: the previous import stands as it is. */
export class SourceUnchanged extends Error {
	constructor(url: string) {
		super(`${url} answered 304 Not Modified`);
		this.name = 'SourceUnchanged';
	}
}
