import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { parse } from 'yaml';
import type {
	Adapter,
	AdapterContext,
	ImportHttp,
	ImportLimits,
} from '../../src/lib/import/adapter.ts';
import { createImportHttp } from '../../src/lib/import/import-http.ts';
import type { HarvestItem } from '../../src/schemas/imported.ts';
import { type SourceFile, SourceFileSchema } from '../../src/schemas/source.ts';
import { shippedSourceYaml } from './import-fixtures.ts';

/**
 * Test-only plumbing for the import adapters: a loopback server that answers from a route
 * table, the pipeline's own {@link ImportHttp} pointed at it, an adapter context, and a runner
 * that drives an adapter to the end. Every adapter test builds its HTTP and context here.
 */

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

export function fixture(adapter: string, name: string): Promise<Buffer> {
	return readFile(join(FIXTURES, adapter, name));
}

export interface Reply {
	status?: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export interface RouteServer {
	url: string;
	/** Every request seen: path with query, and its headers. */
	requests: { path: string; headers: IncomingMessage['headers'] }[];
	close(): Promise<void>;
}

/** Answers a request by its path with query; `base` is the server's own origin. */
export type Route = (path: string, req: IncomingMessage, base: string) => Reply | undefined;

/** Serves `route(path with query, request)` on 127.0.0.1; an undefined reply is a 404. */
export async function serveRoutes(route: Route): Promise<RouteServer> {
	const requests: RouteServer['requests'] = [];
	let base = '';
	const server: Server = createServer((req, res) => {
		const path = req.url ?? '/';
		requests.push({ path, headers: req.headers });
		const reply = route(path, req, base) ?? { status: 404, body: 'not found' };
		res.writeHead(reply.status ?? 200, reply.headers ?? {});
		res.end(reply.body ?? '');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: base,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
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
		paths.map((path) => `${server.url}${path}`),
	);
	return { server, source };
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

export interface Run {
	items: HarvestItem[];
	records: Extract<HarvestItem, { record: unknown }>['record'][];
	skipped: Extract<HarvestItem, { skipped: unknown }>['skipped'][];
	remembered: Map<string, { etag?: string; lastModified?: string }>;
}

/** Drives the adapter to its end; a throw (SourceFailure, SourceUnchanged) comes out as is. */
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
	const items: HarvestItem[] = [];
	try {
		for await (const item of adapter(context)) items.push(item);
	} finally {
		await close();
	}
	return {
		items,
		records: items.flatMap((item) => ('record' in item ? [item.record] : [])),
		skipped: items.flatMap((item) => ('skipped' in item ? [item.skipped] : [])),
		remembered: context.remembered,
	};
}

/** Every string a run yielded, joined: for asserting that some source text never came out. */
export function yieldedText(run: Run): string {
	return JSON.stringify(run.items);
}
