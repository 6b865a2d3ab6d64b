import {
	createServer as createHttpServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { makeTestCertificates } from './certificates.ts';

/**
 * The "fake internet" the verifier's tests run against: HTTP and HTTPS servers on 127.0.0.1 with
 * one path per scenario, a certificate generated at test time, and an expired one.
 */
export interface FakeInternet {
	http: string;
	https: string;
	expiredHttps: string;
	ca: string;
	/** Requests seen per path (any method). */
	hits: Map<string, number>;
	/** Replaces the body served at a /specs/ path; undefined removes it (404). */
	setSpec(name: string, text: string | undefined): void;
	/** Sets the status /toggle answers with (200 at first). */
	setToggle(status: number): void;
	close(): Promise<void>;
}

export const SWAGGER2_SPEC = JSON.stringify({
	swagger: '2.0',
	info: { title: 'Test registry', version: '1.0' },
	host: 'api.example.test',
	basePath: '/v1',
	paths: {
		'/companies/{siret}': {
			get: {
				operationId: 'getCompany',
				parameters: [
					{
						name: 'siret',
						in: 'path',
						type: 'string',
						required: true,
						description: 'Establishment number',
					},
					{
						name: 'fields',
						in: 'query',
						type: 'array',
						items: { type: 'string' },
						description: 'Fields to return',
					},
				],
				responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/Company' } } },
			},
		},
	},
	definitions: {
		Company: {
			type: 'object',
			properties: {
				siret: { type: 'string', description: 'Establishment number' },
				name: { type: 'string' },
				address: { $ref: '#/definitions/Address' },
			},
		},
		Address: {
			type: 'object',
			properties: { city: { type: 'string' }, postcode: { type: 'string' } },
		},
	},
});

export const OAS31_SPEC = `openapi: 3.1.0
info:
  title: Cyclic tree
  version: '2.0'
paths:
  /nodes:
    get:
      operationId: listNodes
      parameters:
        - name: depth
          in: query
          schema: { type: integer }
        - $ref: 'common.yaml#/components/parameters/Lang'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Node'
components:
  schemas:
    Node:
      type: object
      properties:
        id: { type: string }
        label: { type: string, description: Human name }
        parent: { $ref: '#/components/schemas/Node' }
        children:
          type: array
          items: { $ref: '#/components/schemas/Node' }
`;

const COMMON_YAML = `components:
  parameters:
    Lang:
      name: lang
      in: query
      description: Response language
      schema: { type: string, enum: [en, fr] }
`;

export const INVALID_SPEC = JSON.stringify({
	openapi: '3.0.3',
	info: { title: 'Broken', version: 1 },
	paths: {
		'/x': {
			get: {
				responses: {
					200: {
						description: 'ok',
						content: {
							'application/json': {
								schema: { type: 'object', properties: { a: { type: 'strin' } } },
							},
						},
					},
				},
			},
		},
	},
});

export const FILE_REF_SPEC = JSON.stringify({
	openapi: '3.0.3',
	info: { title: 'Sneaky', version: '1' },
	paths: {
		'/x': {
			get: {
				responses: {
					200: {
						description: 'ok',
						content: { 'application/json': { schema: { $ref: 'file:///etc/passwd' } } },
					},
				},
			},
		},
	},
});

const GZIP_BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });

export async function startFakeInternet(): Promise<FakeInternet> {
	const certificates = await makeTestCertificates();
	const hits = new Map<string, number>();
	const specs = new Map<string, string>([
		['swagger2.json', SWAGGER2_SPEC],
		['oas31.yaml', OAS31_SPEC],
		['common.yaml', COMMON_YAML],
		['invalid.json', INVALID_SPEC],
		['file-ref.json', FILE_REF_SPEC],
	]);
	const sockets = new Set<Socket>();
	let toggle = 200;

	const handler = (req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		const count = (hits.get(path) ?? 0) + 1;
		hits.set(path, count);
		const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
		};
		if (path.startsWith('/specs/')) {
			const text = specs.get(path.slice('/specs/'.length));
			if (text === undefined) return json(404, { error: 'no such spec' });
			res.writeHead(200, {
				'content-type': path.endsWith('.json') ? 'application/json' : 'application/yaml',
			});
			return res.end(req.method === 'HEAD' ? undefined : text);
		}
		const chain = /^\/redirect-chain\/(\d+)$/.exec(path);
		if (chain) {
			const left = Number(chain[1]);
			if (left === 0) return json(200, { arrived: true });
			res.writeHead(302, { location: `/redirect-chain/${left - 1}` });
			return res.end();
		}
		switch (path) {
			case '/healthy':
				return json(200, { ok: true });
			case '/.well-known/security.txt':
				res.writeHead(200, { 'content-type': 'text/plain' });
				return res.end('Contact: mailto:security@example.org\nExpires: 2030-01-01T00:00:00.000Z\n');
			case '/toggle':
				return json(toggle, { status: toggle });
			case '/key-required':
				return json(401, { error: 'missing key' }, { 'www-authenticate': 'Bearer' });
			case '/error-500':
				return json(500, { error: 'boom' });
			case '/maintenance':
				return json(503, { error: 'maintenance' }, { 'retry-after': '1' });
			case '/flaky':
				return count === 1
					? json(503, { error: 'busy' }, { 'retry-after': '1' })
					: json(200, { ok: true });
			case '/hang':
				return; // never answers
			case '/slow':
				setTimeout(() => json(200, { ok: true }), 700);
				return;
			case '/reset':
				req.socket.destroy();
				return;
			case '/redirect-loop':
				res.writeHead(302, { location: '/redirect-loop-b' });
				return res.end();
			case '/redirect-loop-b':
				res.writeHead(302, { location: '/redirect-loop' });
				return res.end();
			case '/redirect-private':
				res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
				return res.end();
			case '/redirect-file':
				res.writeHead(302, { location: 'file:///etc/passwd' });
				return res.end();
			case '/endless': {
				res.writeHead(200, { 'content-type': 'application/json' });
				if (req.method === 'HEAD') return res.end();
				const chunk = Buffer.alloc(64 * 1024, 0x61);
				const pump = () => {
					while (!res.destroyed && res.write(chunk)) {
						/* keep writing until the socket pushes back */
					}
					if (!res.destroyed) res.once('drain', pump);
				};
				pump();
				return;
			}
			case '/gzip-bomb':
				res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
				return res.end(req.method === 'HEAD' ? undefined : GZIP_BOMB);
			case '/waf':
				res.writeHead(403, {
					'content-type': 'text/html',
					'cf-mitigated': 'challenge',
					server: 'cloudflare',
				});
				return res.end(
					req.method === 'HEAD'
						? undefined
						: '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
				);
			case '/rate-limited':
				return json(429, { error: 'slow down' }, { 'retry-after': '1' });
			case '/no-head':
				if (req.method === 'HEAD') {
					res.writeHead(405);
					return res.end();
				}
				return json(200, { ok: true });
			case '/not-found':
				return json(404, { error: 'not found' });
			default:
				return json(404, { error: 'unknown scenario' });
		}
	};

	const track = (server: Server) => {
		server.on('connection', (socket: Socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		return server;
	};
	const listen = (server: Server) =>
		new Promise<number>((resolve) =>
			server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
		);

	const http = track(createHttpServer(handler));
	const https = track(
		createHttpsServer({ key: certificates.valid.key, cert: certificates.valid.cert }, handler),
	);
	const expired = track(
		createHttpsServer({ key: certificates.expired.key, cert: certificates.expired.cert }, handler),
	);
	const [httpPort, httpsPort, expiredPort] = await Promise.all([
		listen(http),
		listen(https),
		listen(expired),
	]);

	return {
		http: `http://127.0.0.1:${httpPort}`,
		https: `https://127.0.0.1:${httpsPort}`,
		expiredHttps: `https://127.0.0.1:${expiredPort}`,
		ca: certificates.ca,
		hits,
		setSpec(name, text) {
			if (text === undefined) specs.delete(name);
			else specs.set(name, text);
		},
		setToggle(status) {
			toggle = status;
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await Promise.all(
				[http, https, expired].map((s) => new Promise((resolve) => s.close(resolve))),
			);
		},
	};
}
