import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportHttp, withDeadline } from '../../src/lib/import/import-http.ts';
import { USER_AGENT } from '../../src/lib/verify/constants.ts';

let base: string;
const seen: { method: string; headers: IncomingMessage['headers']; body: string }[] = [];
const server = createServer((req, res) => {
	let body = '';
	req.on('data', (chunk) => {
		body += chunk;
	});
	req.on('end', () => {
		seen.push({ method: req.method ?? '', headers: req.headers, body });
		if (req.url === '/hang') return; // never answers
		res.writeHead(200, { 'content-type': 'application/json', etag: '"abc"' });
		res.end('{"ok":true}');
	});
});
beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
});

describe('the importer’s HTTP client', () => {
	it('sends conditional and API-key headers beside the verifier’s User-Agent, and no other header', async () => {
		const http = createImportHttp({ allowPrivate: true });
		try {
			const answer = await http.get(`${base}/page`, {
				maxBytes: 1000,
				headers: { 'If-None-Match': '"abc"', 'X-Api-Key': 'k' },
			});
			expect(answer).toMatchObject({ status: 200, truncated: false });
			expect(answer.headers.etag).toBe('"abc"');
			const request = seen.at(-1);
			expect(request?.headers['if-none-match']).toBe('"abc"');
			expect(request?.headers['x-api-key']).toBe('k');
			expect(request?.headers['user-agent']).toBe(USER_AGENT);
			await expect(
				http.get(`${base}/page`, { maxBytes: 1000, headers: { cookie: 'session=1' } }),
			).rejects.toThrow('an adapter may not send the cookie header');
			await expect(
				http.get(`${base}/page`, { maxBytes: 1000, headers: { 'user-agent': 'spoofed' } }),
			).rejects.toThrow('an adapter may not send the user-agent header');
		} finally {
			await http.close();
		}
	});

	it('posts a SPARQL query as a form', async () => {
		const http = createImportHttp({ allowPrivate: true });
		try {
			await http.postForm?.(
				`${base}/sparql`,
				{ query: 'SELECT * WHERE { ?s ?p ?o } LIMIT 1' },
				{
					maxBytes: 1000,
					accept: 'application/sparql-results+json',
				},
			);
			const request = seen.at(-1);
			expect(request?.method).toBe('POST');
			expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
			expect(request?.body).toBe('query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D+LIMIT+1');
		} finally {
			await http.close();
		}
	});

	it('refuses loopback addresses unless the run allows private ones', async () => {
		const http = createImportHttp({ allowPrivate: false });
		try {
			await expect(http.get(`${base}/page`, { maxBytes: 1000 })).rejects.toThrow(
				/\(loopback\), which the verifier never contacts/,
			);
		} finally {
			await http.close();
		}
	});

	it('ends a hanging request at the source’s deadline', async () => {
		const http = createImportHttp({ allowPrivate: true });
		try {
			const started = Date.now();
			await expect(
				withDeadline(http, AbortSignal.timeout(300)).get(`${base}/hang`, { maxBytes: 1000 }),
			).rejects.toThrow();
			expect(Date.now() - started).toBeLessThan(5000);
		} finally {
			await http.close();
		}
	});
});
