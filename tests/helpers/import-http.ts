import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import { parse } from 'yaml';
import type {
	Adapter,
	AdapterContext,
	ImportHttp,
	ImportLimits,
} from '../../src/lib/import/adapter.ts';
import type { HarvestItem } from '../../src/schemas/imported.ts';
import { type SourceFile, SourceFileSchema } from '../../src/schemas/source.ts';
import { shippedSourceYaml } from './import-fixtures.ts';

/**
 * Test-only plumbing for the import adapters: a loopback server that answers from a route
 * table, a minimal {@link ImportHttp} that reaches only 127.0.0.1, and a runner that drives an
 * adapter to the end. The pipeline's own ImportHttp goes through the verifier's client (address
 * policy, redirects, retries); that client sends no request headers, which conditional requests
 * and API keys need, so this one talks to undici directly and keeps only what the adapters rely
 * on: status, lower-case headers, a body cut at maxBytes and marked truncated.
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

/** GETs on 127.0.0.1 only, reading at most maxBytes of the body. */
export function loopbackImportHttp(): ImportHttp {
	return {
		async get(url, options) {
			const target = new URL(url);
			if (target.hostname !== '127.0.0.1') throw new Error(`test client: ${url} is not loopback`);
			const response = await request(target, {
				method: 'GET',
				headers: { accept: options.accept ?? '*/*', ...options.headers },
			});
			const chunks: Buffer[] = [];
			let size = 0;
			let truncated = false;
			for await (const chunk of response.body) {
				const buffer = chunk as Buffer;
				if (size + buffer.length > options.maxBytes) {
					chunks.push(buffer.subarray(0, options.maxBytes - size));
					size = options.maxBytes;
					truncated = true;
					response.body.destroy();
					break;
				}
				chunks.push(buffer);
				size += buffer.length;
			}
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(response.headers)) {
				if (value !== undefined) headers[name.toLowerCase()] = String(value);
			}
			return {
				status: response.statusCode,
				headers,
				body: Buffer.concat(chunks),
				truncated,
				finalUrl: url,
			};
		},
	};
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

export const TEST_LIMITS: ImportLimits = { maxPages: 5, maxRecords: 1000, maxPageBytes: 1_000_000 };

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
	const remembered = new Map<string, { etag?: string; lastModified?: string }>();
	const context: AdapterContext = {
		source,
		http: loopbackImportHttp(),
		limits: { ...TEST_LIMITS, ...options.limits },
		signal: new AbortController().signal,
		previousValidators: options.previousValidators ?? new Map(),
		rememberValidators: (url, validators) => remembered.set(url, validators),
	};
	const items: HarvestItem[] = [];
	for await (const item of adapter(context)) items.push(item);
	return {
		items,
		records: items.flatMap((item) => ('record' in item ? [item.record] : [])),
		skipped: items.flatMap((item) => ('skipped' in item ? [item.skipped] : [])),
		remembered,
	};
}

/** Every string a run yielded, joined: for asserting that some source text never came out. */
export function yieldedText(run: Run): string {
	return JSON.stringify(run.items);
}
