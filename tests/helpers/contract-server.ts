import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the contract server saw. */
export interface SeenRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
}

export interface ContractServer {
	origin: string;
	seen: SeenRequest[];
	close(): Promise<void>;
}

const json = (value: unknown) => JSON.stringify(value);

const ITEM_30 = {
	type: 'object',
	required: ['id', 'name'],
	properties: { id: { type: 'string' }, name: { type: 'string', nullable: true } },
};

/** The specs the contract scenarios serve, keyed by path; `origin` is the server's own. */
function specs(origin: string): Record<string, string> {
	const oas30 = (extra: Record<string, unknown>) =>
		json({ openapi: '3.0.3', info: { title: 't', version: '1' }, ...extra });
	const listing = (status = 200) => ({
		get: {
			responses: {
				[status]: {
					description: 'ok',
					content: { 'application/json': { schema: { type: 'array', items: ITEM_30 } } },
				},
			},
		},
	});
	return {
		// Conforms; relative server; writes and a secured GET around it that must never be called.
		'/specs/conforms.json': oas30({
			servers: [{ url: '/conforms/api' }],
			paths: {
				'/items': {
					...listing(),
					post: { responses: { 201: { description: 'created' } } },
					delete: { responses: { 204: { description: 'gone' } } },
				},
				'/admin': { get: { security: [{ key: [] }], responses: { 200: { description: 'ok' } } } },
				'/items/{id}': {
					get: {
						parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
						responses: { 200: { description: 'ok' } },
					},
					put: { responses: { 200: { description: 'ok' } } },
				},
			},
			components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
		}),
		// Swagger 2.0 with host and basePath; the answer lacks a required field and has a wrong type.
		'/specs/violates.json': json({
			swagger: '2.0',
			info: { title: 't', version: '1' },
			host: new URL(origin).host,
			basePath: '/violates/v1',
			schemes: ['http'],
			produces: ['application/json'],
			paths: {
				'/things': {
					get: {
						responses: {
							200: {
								description: 'ok',
								schema: {
									type: 'object',
									required: ['id', 'name'],
									properties: { id: { type: 'string' }, name: { type: 'string' } },
								},
							},
						},
					},
				},
			},
		}),
		// OpenAPI 3.1: the only GET needs a path parameter with an example and a query enum.
		'/specs/example.yaml': [
			'openapi: 3.1.0',
			'info: {title: t, version: "1"}',
			`servers: [{url: "${origin}/example"}]`,
			'paths:',
			'  /v2/lookup/{code}:',
			'    get:',
			'      parameters:',
			'        - {name: code, in: path, required: true, schema: {type: string}, example: FR-75}',
			'        - {name: lang, in: query, required: true, schema: {type: string, enum: [fr, en]}}',
			'        - {name: page, in: query, schema: {type: integer}}',
			'      responses:',
			"        '200':",
			'          description: ok',
			'          content:',
			'            application/json:',
			'              schema:',
			'                type: object',
			'                required: [code, label]',
			'                properties: {code: {type: string}, label: {type: [string, "null"]}}',
			'',
		].join('\n'),
		'/specs/no-safe.json': oas30({
			paths: {
				'/records/{id}': {
					get: {
						parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
						responses: { 200: { description: 'ok' } },
					},
				},
				'/records': { post: { responses: { 201: { description: 'created' } } } },
			},
		}),
		'/specs/private-server.json': oas30({
			servers: [{ url: 'http://10.20.30.40:8080/v1' }],
			paths: { '/items': listing() },
		}),
		// No servers: the entry's base URL is used.
		'/specs/error-500.json': oas30({ paths: { '/items': listing() } }),
		'/specs/hang.json': oas30({ paths: { '/items': listing() } }),
		'/specs/html.json': oas30({ paths: { '/items': listing() } }),
		// uniqueItems over ~150,000 objects: a quadratic comparison the worker's deadline must cut.
		'/specs/slow-validation.json': oas30({
			servers: [{ url: '/slow-validation' }],
			paths: {
				'/items': {
					get: {
						responses: {
							200: {
								description: 'ok',
								content: {
									'application/json': {
										schema: { type: 'array', uniqueItems: true, items: { type: 'object' } },
									},
								},
							},
						},
					},
				},
			},
		}),
		'/specs/key.json': oas30({ servers: [{ url: '/key' }], paths: { '/items': listing() } }),
	};
}

/** Answers of the operations, by path. */
const ANSWERS: Record<string, { status: number; type: string; body: string } | 'hang'> = {
	'/conforms/api/items': {
		status: 200,
		type: 'application/json; charset=utf-8',
		body: json([
			{ id: 'a', name: null },
			{ id: 'b', name: 'B' },
		]),
	},
	'/violates/v1/things': { status: 200, type: 'application/json', body: json({ id: 5 }) },
	'/example/v2/lookup/FR-75?lang=fr': {
		status: 200,
		type: 'application/json',
		body: json({ code: 'FR-75', label: null }),
	},
	'/error-500/base/items': { status: 500, type: 'application/json', body: json({ error: 'boom' }) },
	'/hang/base/items': 'hang',
	'/html/base/items': {
		status: 200,
		type: 'text/html',
		body: '<!doctype html><title>Welcome</title><p>Our new portal</p>',
	},
	'/key/items': { status: 200, type: 'application/json', body: '[]' },
	'/slow-validation/items': {
		status: 200,
		type: 'application/json',
		body: json(Array.from({ length: 150_000 }, (_, i) => ({ a: i }))),
	},
};

/**
 * A loopback API world for the contract check: specs, the operations they describe, and a base
 * URL per scenario answering 200. Every request is recorded, headers included, so tests can
 * say what was (never) sent.
 */
export async function startContractServer(): Promise<ContractServer> {
	const seen: SeenRequest[] = [];
	let origin = '';
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		seen.push({ method: req.method ?? '', url, headers: req.headers });
		const spec = specs(origin)[url];
		if (spec !== undefined) {
			res.writeHead(200, {
				'content-type': url.endsWith('.yaml') ? 'application/yaml' : 'application/json',
			});
			return res.end(spec);
		}
		const answer = ANSWERS[url];
		if (answer === 'hang') return; // never answers; the client's timeout ends it
		if (answer) {
			res.writeHead(answer.status, { 'content-type': answer.type });
			return res.end(answer.body);
		}
		if (/^\/[\w-]+\/base(\?|$)/.test(url)) {
			res.writeHead(200, { 'content-type': 'application/json' });
			return res.end('{"ok":true}');
		}
		res.writeHead(404, { 'content-type': 'text/plain' });
		return res.end('not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		seen,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
