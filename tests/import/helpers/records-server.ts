import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HarvestedRecord } from '../../../src/schemas/imported.ts';

/**
 * A loopback catalogue serving JSON-lines pages of whatever records a test sets, with an ETag,
 * 304 answers to a matching If-None-Match, and a switch to fail one page with a 500.
 */
export interface RecordsServer {
	url: string;
	set(records: readonly (HarvestedRecord | Record<string, unknown>)[]): void;
	/** Page number that answers 500, or undefined. */
	failPage: number | undefined;
	/** Page number that never answers, or undefined. */
	hangPage: number | undefined;
	pageSize: number;
	/** Appended to every ETag (a hostile source's over-long validator). */
	etagPadding: string;
	requests: { path: string; ifNoneMatch?: string }[];
	close(): Promise<void>;
}

export async function startRecordsServer(): Promise<RecordsServer> {
	let lines: string[] = [];
	let version = 0;
	const state: RecordsServer = {
		url: '',
		set(records) {
			lines = records.map((r) => JSON.stringify(r));
			version += 1;
		},
		failPage: undefined,
		hangPage: undefined,
		pageSize: 1000,
		etagPadding: '',
		requests: [],
		close: async () => {},
	};
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const page = Number(url.searchParams.get('page') ?? '1');
		const ifNoneMatch = req.headers['if-none-match'];
		state.requests.push({
			path: `${url.pathname}${url.search}`,
			...(ifNoneMatch ? { ifNoneMatch } : {}),
		});
		if (page === state.hangPage) return;
		if (page === state.failPage) {
			res.writeHead(500).end('server error');
			return;
		}
		const etag = `"v${version}${state.etagPadding}"`;
		if (page === 1 && ifNoneMatch === etag) {
			res.writeHead(304, { etag }).end();
			return;
		}
		const slice = lines.slice((page - 1) * state.pageSize, page * state.pageSize);
		res.writeHead(200, { 'content-type': 'application/x-ndjson', etag });
		res.end(slice.map((l) => `${l}\n`).join(''));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/records`;
	state.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return state;
}
