import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import {
	type Adapter,
	type AdapterContext,
	type ImportHttp,
	type ImportLimits,
	SourceUnchanged,
} from '../../src/lib/import/adapter.ts';
import { createImportHttp } from '../../src/lib/import/import-http.ts';
import {
	type HarvestedRecord,
	HarvestedRecordSchema,
	type HarvestItem,
	type HarvestSkip,
} from '../../src/schemas/imported.ts';
import { type SourceFile, SourceFileSchema } from '../../src/schemas/source.ts';
import { shippedSourceYaml } from './import-fixtures.ts';

/**
 * Test-only plumbing for every import adapter's test: one loopback server (answering from a route
 * table of replies, or through a raw handler), the pipeline's own {@link ImportHttp} pointed at
 * it, an adapter context, and runners that drive an adapter to the end — {@link runAdapter} for
 * a shipped source served per test, {@link collect} for a made-up source and a server per file
 * ({@link routeServerForSuite}), which checks every record against the harvest schema.
 */

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

export function fixture(adapter: string, name: string): Promise<Buffer> {
	return readFile(join(FIXTURES, adapter, name));
}

/** A fixture's text, read at once: for a file's constants, outside any test. */
export function fixtureText(adapter: string, name: string): string {
	return readFileSync(join(FIXTURES, adapter, name), 'utf8');
}

export interface Reply {
	status?: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export interface RouteServer {
	/** The server's origin, http://127.0.0.1:<port>. */
	origin: string;
	/** Every request seen: path with query, and its headers. */
	requests: { path: string; headers: IncomingMessage['headers'] }[];
	close(): Promise<void>;
}

/** Answers a request with the raw response, for tests that write status, headers and body themselves. */
export type Handler = (
	request: IncomingMessage,
	url: URL,
	response: ServerResponse,
) => void | Promise<void>;

/** Answers a request by its path with query; `base` is the server's own origin. */
export type Route = (path: string, req: IncomingMessage, base: string) => Reply | undefined;

/** A loopback server on 127.0.0.1 answering every request with `handler` (a throw is a 500). */
export async function startRouteServer(handler: Handler): Promise<RouteServer> {
	const requests: RouteServer['requests'] = [];
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		requests.push({ path: `${url.pathname}${url.search}`, headers: request.headers });
		Promise.resolve(handler(request, url, response)).catch(() => {
			response.statusCode = 500;
			response.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Serves `route(path with query, request)` on 127.0.0.1; an undefined reply is a 404. */
export async function serveRoutes(route: Route): Promise<RouteServer> {
	let base = '';
	const server = await startRouteServer((request, url, response) => {
		const reply = route(`${url.pathname}${url.search}`, request, base) ?? {
			status: 404,
			body: 'not found',
		};
		response.writeHead(reply.status ?? 200, reply.headers ?? {});
		response.end(reply.body ?? '');
	});
	base = server.origin;
	return server;
}

/** Test settings of the verifier's client: no retries, short waits, a deadline for slow CI. */
const TEST_HTTP_LIMITS = {
	requestDeadlineMs: 20_000,
	maxRetries: 0,
	retryBaseDelayMs: 50,
	maxRetryAfterMs: 100,
	specBodyBytes: 256 * 1024 * 1024,
};

/**
 * The pipeline's own ImportHttp ({@link createImportHttp}: the verifier's client, its address
 * policy with private addresses allowed so the loopback server is reachable), GET only: a test
 * that wants the POST path hands the adapter its own stub. Close it when done.
 */
export function testImportHttp(): { http: ImportHttp; close(): Promise<void> } {
	const client = createImportHttp({ allowPrivate: true, limits: TEST_HTTP_LIMITS });
	return { http: { get: (url, options) => client.get(url, options) }, close: () => client.close() };
}

/** The shipped source file `data/sources/<id>.yaml`, its endpoints pointed at the test server. */
export async function sourceWith(id: string, endpoints: string[]): Promise<SourceFile> {
	const source = SourceFileSchema.parse(parse(await shippedSourceYaml(id)));
	return { ...source, endpoints: endpoints.map((url) => ({ url })) };
}

/** {@link serveRoutes}, with the server closed when the running test ends. */
export async function serveForTest(route: Route): Promise<RouteServer> {
	const server = await serveRoutes(route);
	onTestFinished(() => server.close());
	return server;
}

/**
 * A loopback server for the running test and the shipped source `id` pointed at it: its
 * endpoints are `paths` on the server, in order.
 */
export async function serveSource(
	id: string,
	paths: readonly string[],
	route: Route,
): Promise<{ server: RouteServer; source: SourceFile }> {
	const server = await serveForTest(route);
	const source = await sourceWith(
		id,
		paths.map((path) => `${server.origin}${path}`),
	);
	return { server, source };
}

export const JSON_TYPE = { 'content-type': 'application/json' };

/** What a one-document source answers: always the same reply, or one made from the request. */
export type DocumentReply = Reply | ((req: IncomingMessage) => Reply);

/** {@link serveSource} for a source that is one document: its one endpoint `path` answers `reply`. */
export function serveDocument(
	id: string,
	path: string,
	reply: DocumentReply,
): Promise<{ server: RouteServer; source: SourceFile }> {
	return serveSource(id, [path], (requested, req) => {
		if (requested !== path) return undefined;
		return typeof reply === 'function' ? reply(req) : reply;
	});
}

/**
 * A reply that sends `body` with the ETag `etag`, and answers 304 to a request that sends that
 * ETag back: a document that has not changed since the last run.
 */
export function unchangedSince(etag: string, headers: Record<string, string>, body: string) {
	return (req: IncomingMessage): Reply =>
		req.headers['if-none-match'] === etag
			? { status: 304 }
			: { headers: { ...headers, etag }, body };
}

/**
 * A conditional adapter's two runs on a source served with {@link unchangedSince}: the first
 * remembers the ETag of `url`, the second sends it and is told the source is unchanged.
 */
export async function expectUnchangedOnSecondRun(
	adapter: Adapter,
	source: SourceFile,
	url: string,
	etag: string,
): Promise<void> {
	const first = await runAdapter(adapter, source);
	expect(first.remembered.get(url)).toEqual({ etag });
	await expect(
		runAdapter(adapter, source, { previousValidators: first.remembered }),
	).rejects.toThrow(SourceUnchanged);
}

export const TEST_LIMITS: ImportLimits = {
	maxPages: 20,
	maxRecords: 1_000,
	maxPageBytes: 4 * 1024 * 1024,
};

/** An adapter's context for a test: the test limits, no previous validators, and what it remembered. */
export function adapterContext(
	source: SourceFile,
	http: ImportHttp,
	limits: Partial<ImportLimits> = {},
): AdapterContext & { remembered: Map<string, { etag?: string; lastModified?: string }> } {
	const remembered = new Map<string, { etag?: string; lastModified?: string }>();
	return {
		source,
		http,
		limits: { ...TEST_LIMITS, ...limits },
		signal: new AbortController().signal,
		previousValidators: new Map(),
		rememberValidators: (url, validators) => remembered.set(url, validators),
		remembered,
	};
}

export interface Collected {
	items: HarvestItem[];
	records: HarvestedRecord[];
	skipped: HarvestSkip[];
}

/**
 * Runs an adapter to the end, sorting what it yields into records and skips; every record must
 * pass the harvest contract's schema as it is, or the test fails.
 */
export async function collect(items: AsyncIterable<HarvestItem>): Promise<Collected> {
	const all: HarvestItem[] = [];
	const records: HarvestedRecord[] = [];
	const skipped: HarvestSkip[] = [];
	for await (const item of items) {
		all.push(item);
		if ('record' in item) records.push(HarvestedRecordSchema.parse(item.record));
		else skipped.push(item.skipped);
	}
	return { items: all, records, skipped };
}

export interface Run extends Collected {
	remembered: Map<string, { etag?: string; lastModified?: string }>;
}

/**
 * Drives the adapter on the shipped `source` to its end, with its own client closed afterwards;
 * a throw (SourceFailure, SourceUnchanged) comes out as is.
 */
export async function runAdapter(
	adapter: Adapter,
	source: SourceFile,
	options: {
		limits?: Partial<ImportLimits>;
		previousValidators?: Map<string, { etag?: string; lastModified?: string }>;
	} = {},
): Promise<Run> {
	const { http, close } = testImportHttp();
	const context = {
		...adapterContext(source, http, options.limits),
		...(options.previousValidators ? { previousValidators: options.previousValidators } : {}),
	};
	try {
		return { ...(await collect(adapter(context))), remembered: context.remembered };
	} finally {
		await close();
	}
}

/** Every string a run yielded, joined: for asserting that some source text never came out. */
export function yieldedText(run: Run): string {
	return JSON.stringify(run.items);
}

/** A made-up official source of the given adapter and endpoints, any field overridable. */
export function testSource(
	overrides: Partial<SourceFile> & Pick<SourceFile, 'adapter' | 'endpoints'>,
): SourceFile {
	return {
		id: 'test-source',
		name: 'Test source',
		country: 'FR',
		official: true,
		metadataLicence: 'CC0-1.0',
		homepage: 'https://example.org/',
		yields: 'both',
		...overrides,
	} as SourceFile;
}

export function sendJson(response: ServerResponse, body: unknown, status = 200): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * One loopback server and one {@link testImportHttp} for the whole test file, started before its
 * tests and closed after them; every request goes to `route` as the test has set it, and
 * `source()` is the file's source pointed at the server.
 */
export function routeServerForSuite(
	route: Handler,
	sourceAt?: (origin: string) => Parameters<typeof testSource>[0],
): {
	readonly origin: string;
	readonly requests: RouteServer['requests'];
	http: ImportHttp;
	/** The file's made-up source (`sourceAt` of the server's origin), fields overridable. */
	source(overrides?: Partial<SourceFile>): SourceFile;
} {
	const { http, close } = testImportHttp();
	let server: Awaited<ReturnType<typeof startRouteServer>> | undefined;
	beforeAll(async () => {
		server = await startRouteServer(route);
	});
	afterAll(async () => {
		await server?.close();
		await close();
	});
	const running = () => {
		if (!server) throw new Error('the suite server is not started yet');
		return server;
	};
	return {
		get origin() {
			return running().origin;
		},
		get requests() {
			return running().requests;
		},
		http,
		source: (overrides = {}) => {
			if (!sourceAt) throw new Error('routeServerForSuite was given no source');
			return testSource({ ...sourceAt(running().origin), ...overrides });
		},
	};
}
