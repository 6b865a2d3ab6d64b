import { describe, expect, it } from 'vitest';
import { VERIFY_DEFAULTS } from '../../src/lib/verify/constants.ts';
import { validateAnswer } from '../../src/lib/verify/contract/validate-answer.ts';
import { planContract } from '../../src/lib/verify/openapi/plan-contract.ts';
import { serializeResponseSchema } from '../../src/lib/verify/openapi/serialize-response-schema.ts';
import captureSpecInWorker from '../../src/lib/verify/openapi/spec-worker.ts';

const SPEC_URL = 'https://api.example.eu/docs/openapi.json';
const ok = { 200: { description: 'ok' } };
const oas30 = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	openapi: '3.0.3',
	info: { title: 't', version: '1' },
	paths,
	...extra,
});

async function plan(document: unknown) {
	const result = await planContract(document, SPEC_URL);
	if ('skipped' in result) throw new Error(result.skipped);
	return result.plan;
}

describe('choosing the operation the contract check calls', () => {
	it('prefers the fewest required parameters, then the path, whatever the order of the spec', async () => {
		const paths = {
			'/b': { get: { responses: ok } },
			'/a/{id}': {
				get: {
					parameters: [{ name: 'id', in: 'path', required: true, example: 7 }],
					responses: ok,
				},
			},
			'/c': { get: { responses: ok } },
		};
		const reversed = Object.fromEntries(Object.entries(paths).reverse());
		expect((await plan(oas30(paths))).operation).toBe('GET /b');
		expect((await plan(oas30(reversed))).operation).toBe('GET /b');
	});

	it('passes over operations needing credentials, header parameters or values the spec does not give', async () => {
		const result = await planContract(
			oas30(
				{
					'/secured': { get: { security: [{ key: [] }], responses: ok } },
					'/header': {
						get: {
							parameters: [{ name: 'X-Tenant', in: 'header', required: true, example: 'a' }],
							responses: ok,
						},
					},
					'/query': {
						get: { parameters: [{ name: 'q', in: 'query', required: true }], responses: ok },
					},
					'/write': { post: { responses: ok } },
				},
				{ components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'k' } } } },
			),
			SPEC_URL,
		);
		expect(result).toEqual({
			skipped:
				'no safe operation: each of its 3 GET operation(s) needs credentials or a parameter without an example',
		});
	});

	it('calls an operation whose security has an anonymous alternative', async () => {
		const document = oas30(
			{ '/open': { get: { responses: ok } } },
			{ security: [{ key: [] }, {}] },
		);
		expect((await plan(document)).operation).toBe('GET /open');
	});

	it('fills the server variables with their defaults and resolves relative servers', async () => {
		const document = oas30(
			{ '/items': { get: { responses: ok } } },
			{
				servers: [
					{
						url: 'https://{region}.example.eu/v{major}',
						variables: { region: { default: 'eu' }, major: { enum: ['2', '3'] } },
					},
				],
			},
		);
		expect((await plan(document)).server).toBe('https://eu.example.eu/v2');
		const relative = oas30(
			{ '/items': { get: { responses: ok } } },
			{ servers: [{ url: '../api/v1' }] },
		);
		expect((await plan(relative)).server).toBe('https://api.example.eu/api/v1');
		expect((await plan(oas30({ '/items': { get: { responses: ok } } }))).server).toBeNull();
	});

	it('builds a Swagger 2.0 server from its schemes, host and base path', async () => {
		const document = {
			swagger: '2.0',
			info: { title: 't', version: '1' },
			schemes: ['http', 'https'],
			host: 'data.example.eu:8443',
			basePath: '/v1',
			paths: {
				'/items': {
					get: {
						parameters: [{ name: 'lang', in: 'query', required: true, 'x-example': 'fr' }],
						responses: ok,
					},
				},
			},
		};
		expect(await plan(document)).toMatchObject({
			server: 'https://data.example.eu:8443/v1',
			pathAndQuery: '/items?lang=fr',
			dialect: 'swagger-2.0',
		});
	});

	it('follows references within the document to parameters and schemas', async () => {
		const document = oas30(
			{
				'/items/{id}': {
					get: {
						parameters: [{ $ref: '#/components/parameters/Id' }],
						responses: {
							200: {
								description: 'ok',
								content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
							},
						},
					},
				},
			},
			{
				components: {
					parameters: { Id: { name: 'id', in: 'path', required: true, example: 'x1' } },
					schemas: {
						Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
					},
				},
			},
		);
		const chosen = await plan(document);
		expect(chosen.pathAndQuery).toBe('/items/x1');
		expect(JSON.parse(chosen.responses[0]?.schema ?? 'null')).toEqual({
			type: 'object',
			required: ['id'],
			properties: { id: { type: 'string' } },
		});
	});

	it('does not call an operation with a parameter it cannot read (a reference to another document)', async () => {
		const document = oas30({
			'/items': {
				get: { parameters: [{ $ref: 'common.yaml#/parameters/Tenant' }], responses: ok },
			},
		});
		expect(await planContract(document, SPEC_URL)).toMatchObject({
			skipped: expect.stringMatching(/no safe operation/),
		});
	});

	it('encodes example values in the path', async () => {
		const document = oas30({
			'/search/{term}': {
				get: {
					parameters: [
						{
							name: 'term',
							in: 'path',
							required: true,
							schema: { type: 'string', default: 'a/b c' },
						},
					],
					responses: ok,
				},
			},
		});
		expect((await plan(document)).pathAndQuery).toBe('/search/a%2Fb%20c');
	});
});

describe('the plan on the night of a capture and on later nights', () => {
	it('is the same whether the spec is captured again or only planned, discriminator mappings included', async () => {
		const spec = oas30(
			{
				'/pets': {
					get: {
						responses: {
							200: {
								description: 'ok',
								content: {
									'application/json': { schema: { $ref: '#/components/schemas/Pet' } },
								},
							},
						},
					},
				},
			},
			{
				servers: [{ url: 'https://api.example.eu' }],
				components: {
					schemas: {
						Pet: {
							type: 'object',
							discriminator: {
								propertyName: 'kind',
								mapping: { cat: '#/components/schemas/Cat' },
							},
							properties: { kind: { type: 'string' } },
						},
						Cat: { type: 'object', properties: { meow: { type: 'boolean' } } },
					},
				},
			},
		);
		const task = {
			url: SPEC_URL,
			text: JSON.stringify(spec),
			gate: {},
			limits: VERIFY_DEFAULTS,
			planContract: true,
		};
		const captured = await captureSpecInWorker(task);
		const planned = await captureSpecInWorker({ ...task, planOnly: true });
		expect(captured.valid).toBe(true);
		expect(captured.contract).toEqual(planned.contract);
		expect(captured.contract).toEqual(await planContract(spec, SPEC_URL));
	});
});

describe('response schemas for the validator', () => {
	it('cuts a recursive schema where it loops back, accepting anything there', async () => {
		const node: Record<string, unknown> = {
			type: 'object',
			properties: { id: { type: 'string' } },
		};
		(node.properties as Record<string, unknown>).children = { type: 'array', items: node };
		const text = serializeResponseSchema(node, 'openapi-3.0', 100_000) as string;
		expect(JSON.parse(text)).toEqual({
			type: 'object',
			properties: { id: { type: 'string' }, children: { type: 'array', items: {} } },
		});
	});

	it("reads OpenAPI 3.0's nullable as 'this, or null'", () => {
		const text = serializeResponseSchema(
			{ type: 'string', nullable: true },
			'openapi-3.0',
			1000,
		) as string;
		expect(validateAnswer(text, 'openapi-3.0', null)).toMatchObject({ conforms: true });
		expect(validateAnswer(text, 'openapi-3.0', 3)).toMatchObject({ conforms: false });
	});

	it('refuses a schema larger than the cap rather than carrying it', async () => {
		const big = {
			type: 'object',
			properties: Object.fromEntries(
				Array.from({ length: 2000 }, (_, i) => [`field${i}`, { type: 'string' }]),
			),
		};
		expect(serializeResponseSchema(big, 'openapi-3.0', 10_000)).toBeUndefined();
	});

	it('validates OpenAPI 3.1 type arrays as JSON Schema 2020-12, ignoring formats it does not know', async () => {
		const schema = JSON.stringify({
			type: 'object',
			properties: { at: { type: ['string', 'null'], format: 'x-unknown' } },
		});
		expect(validateAnswer(schema, 'openapi-3.1', { at: null })).toMatchObject({ conforms: true });
		expect(validateAnswer(schema, 'openapi-3.1', { at: 1 })).toEqual({
			conforms: false,
			violations: [{ path: '/at', message: 'must be string,null' }],
			violationCount: 1,
		});
	});
});
