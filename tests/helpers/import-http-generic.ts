import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterContext, ImportHttp, ImportLimits } from '../../src/lib/import/adapter.ts';
import { addressGate } from '../../src/lib/net/address-policy.ts';
import { VERIFY_DEFAULTS } from '../../src/lib/verify/constants.ts';
import { createHttpClient, type HttpClient } from '../../src/lib/verify/http-client.ts';
import {
	type HarvestedRecord,
	HarvestedRecordSchema,
	type HarvestItem,
	type HarvestSkip,
} from '../../src/schemas/imported.ts';
import type { SourceFile } from '../../src/schemas/source.ts';

/**
 * A minimal ImportHttp for the generic adapters' tests, over the verifier's one client with the
 * loopback test server allowed. It only GETs and sends no extra headers (the verifier's client
 * takes none), so conditional requests and POSTed SPARQL queries are not exercised through it.
 */
export function createGenericImportHttp(): { http: ImportHttp; client: HttpClient } {
	const client = createHttpClient({
		limits: {
			...VERIFY_DEFAULTS,
			requestDeadlineMs: 20_000,
			maxRetries: 0,
			retryBaseDelayMs: 50,
			maxRetryAfterMs: 100,
			specBodyBytes: 256 * 1024 * 1024,
		},
		mayConnect: addressGate({ allowAddresses: ['127.0.0.1'] }),
	});
	const http: ImportHttp = {
		async get(url, options) {
			const result = await client.fetch(url, {
				method: 'GET',
				maxBytes: options.maxBytes,
				...(options.accept ? { accept: options.accept } : {}),
			});
			return {
				status: result.status,
				headers: result.headers,
				body: result.body,
				truncated: result.truncated,
				finalUrl: result.finalUrl,
			};
		},
	};
	return { http, client };
}

export const TEST_LIMITS: ImportLimits = {
	maxPages: 20,
	maxRecords: 1_000,
	maxPageBytes: 4 * 1024 * 1024,
};

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
