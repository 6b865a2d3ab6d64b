import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { ImportHttp } from '../../src/lib/import/adapter.ts';
import {
	type HarvestedRecord,
	HarvestedRecordSchema,
	type HarvestItem,
	type HarvestSkip,
} from '../../src/schemas/imported.ts';
import type { SourceFile } from '../../src/schemas/source.ts';
import { testImportHttp } from './import-http.ts';

/**
 * What the generic adapters' tests (CKAN, udata, DCAT-AP) share beside {@link ./import-http.ts}:
 * a made-up source, a collector that checks every record against the harvest contract, and one
 * loopback server per test file whose answers each test sets through its own route.
 */

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

/**
 * Runs an adapter to the end, sorting what it yields into records and skips; every record must
 * pass the harvest contract's schema as it is, or the test fails.
 */
export async function collect(
	items: AsyncIterable<HarvestItem>,
): Promise<{ records: HarvestedRecord[]; skipped: HarvestSkip[] }> {
	const records: HarvestedRecord[] = [];
	const skipped: HarvestSkip[] = [];
	for await (const item of items) {
		if ('record' in item) records.push(HarvestedRecordSchema.parse(item.record));
		else skipped.push(item.skipped);
	}
	return { records, skipped };
}

export type Route = (
	request: IncomingMessage,
	url: URL,
	response: ServerResponse,
) => void | Promise<void>;

/** A loopback server answering every request with `route`; `requests` lists the paths asked. */
export async function startRouteServer(
	route: Route,
): Promise<{ origin: string; requests: string[]; close(): Promise<void> }> {
	const requests: string[] = [];
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		requests.push(`${url.pathname}${url.search}`);
		Promise.resolve(route(request, url, response)).catch(() => {
			response.statusCode = 500;
			response.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
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
	route: Route,
	sourceAt?: (origin: string) => Parameters<typeof testSource>[0],
): {
	readonly origin: string;
	readonly requests: string[];
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
