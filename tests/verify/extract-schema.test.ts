import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import {
	type ExtractedSchema,
	extractSchema,
} from '../../src/lib/verify/openapi/extract-schema.ts';
import { SNAPSHOT_LIMITS } from '../../src/schemas/snapshot.ts';

const {
	parameters: MAX_PARAMETERS,
	fields: MAX_FIELDS,
	fieldDepth: MAX_FIELD_DEPTH,
	nameChars: NAME_CHARS,
	typeChars: TYPE_CHARS,
} = SNAPSHOT_LIMITS;

type Doc = Record<string, unknown>;

/** An OpenAPI 3.0 document with the given paths. */
function openapi(paths: Doc, version = '3.0.3'): Doc {
	return { openapi: version, info: { title: 'Sample' }, paths };
}

/** A GET operation whose 200 response returns `schema` as application/json. */
function returning(schema: Doc, extra: Doc = {}): Doc {
	return {
		...extra,
		responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
	};
}

function object(properties: Doc, extra: Doc = {}): Doc {
	return { type: 'object', properties, ...extra };
}

const STRING = { type: 'string' };
const INTEGER = { type: 'integer' };

function fieldNames(result: ExtractedSchema): string[] {
	return result.fields.map((f) => f.name);
}

function fieldTypes(result: ExtractedSchema): Record<string, string> {
	return Object.fromEntries(result.fields.map((f) => [f.name, f.type]));
}

function parameterRows(result: ExtractedSchema): string[] {
	return result.parameters.map((p) => `${p.in}:${p.name}`);
}

function parameterTypes(result: ExtractedSchema): Record<string, string> {
	return Object.fromEntries(result.parameters.map((p) => [p.name, p.type]));
}

const EMPTY: ExtractedSchema = {
	version: '',
	title: '',
	operations: 0,
	parameters: [],
	fields: [],
	names: { parameters: [], fields: [] },
	truncated: false,
};

describe('extractSchema: document and operations', () => {
	it.each([
		['null', null],
		['undefined', undefined],
		['a number', 42],
		['a string', 'openapi: 3.0.0'],
		['an array', [{ openapi: '3.0.0' }]],
	])('returns an empty result for %s', (_label, input) => {
		expect(extractSchema(input)).toEqual(EMPTY);
	});

	it('reads the version from swagger or openapi and the title from info', () => {
		expect(extractSchema({ swagger: '2.0', info: { title: 'Old' }, paths: {} })).toMatchObject({
			version: '2.0',
			title: 'Old',
		});
		expect(extractSchema({ openapi: '3.1.0', paths: {} })).toMatchObject({
			version: '3.1.0',
			title: '',
		});
		expect(extractSchema({ info: { title: 7 } })).toEqual(EMPTY);
	});

	it('reads an unquoted YAML swagger: 2.0 that loaded as a number', () => {
		expect(extractSchema({ swagger: 2, paths: {} }).version).toBe('2.0');
	});

	it('counts one operation per HTTP method of each path item and nothing else', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					summary: 'not an operation',
					parameters: [],
					servers: [],
					'x-internal': { get: {} },
					get: {},
					put: {},
					post: {},
					delete: {},
					options: {},
					head: {},
					patch: {},
					trace: {},
				},
				'/b': { get: {}, connect: {}, GET: {} },
				'x-extension': { get: {} },
			}),
		);
		expect(result.operations).toBe(9);
	});

	it('names an operation by its operationId, else by its method and path', () => {
		const result = extractSchema(
			openapi({
				'/pets': {
					get: returning(object({ a: STRING }), { operationId: 'listPets' }),
					post: returning(object({ b: STRING }), { operationId: '  ' }),
				},
				'/healthcheck': { get: returning(object({ c: STRING })) },
			}),
		);
		expect(result.fields.map((f) => [f.name, f.operation])).toEqual([
			['a', 'listPets'],
			['b', 'POST /pets'],
			['c', 'GET /healthcheck'],
		]);
	});
});

describe('extractSchema: parameters', () => {
	it('applies path-level parameters to every operation of the path', () => {
		const result = extractSchema(
			openapi({
				'/pets/{id}': {
					parameters: [{ name: 'id', in: 'path', required: true, schema: STRING }],
					get: {},
					delete: {},
				},
			}),
		);
		expect(result.parameters).toEqual([
			{
				name: 'id',
				in: 'path',
				type: 'string',
				description: '',
				required: true,
				operation: 'GET /pets/{id}',
				operations: 2,
			},
		]);
	});

	it('lets an operation-level parameter override the path-level one with the same name and in', () => {
		const result = extractSchema(
			openapi({
				'/pets/{id}': {
					parameters: [
						{ name: 'id', in: 'path', required: true, schema: STRING, description: 'path level' },
						{ name: 'id', in: 'query', schema: STRING, description: 'other location' },
					],
					get: {
						parameters: [
							{ name: 'id', in: 'path', required: true, schema: INTEGER, description: 'operation' },
						],
					},
				},
			}),
		);
		expect(
			result.parameters.map((p) => [p.in, p.name, p.type, p.description, p.operations]),
		).toEqual([
			['path', 'id', 'integer', 'operation', 1],
			['query', 'id', 'string', 'other location', 1],
		]);
	});

	it('deduplicates by name and in, keeping the first in path order then method order', () => {
		const limit = (description: string) => ({
			name: 'limit',
			in: 'query',
			schema: INTEGER,
			description,
		});
		const result = extractSchema(
			openapi({
				'/first': {
					// Declared before get in the object, but get comes first in method order.
					post: { parameters: [limit('from post')] },
					get: { parameters: [limit('from get')] },
				},
				'/second': { get: { operationId: 'second', parameters: [limit('from second')] } },
				'/third': { get: { parameters: [{ name: 'limit', in: 'header', schema: STRING }] } },
			}),
		);
		expect(
			result.parameters.map((p) => [p.in, p.name, p.description, p.operation, p.operations]),
		).toEqual([
			['query', 'limit', 'from get', 'GET /first', 3],
			['header', 'limit', '', 'GET /third', 1],
		]);
	});

	it('counts a parameter once per operation even when declared at both levels', () => {
		const id = { name: 'id', in: 'path', required: true, schema: STRING };
		const result = extractSchema(
			openapi({ '/x/{id}': { parameters: [id], get: { parameters: [id] } } }),
		);
		expect(result.parameters.map((p) => p.operations)).toEqual([1]);
	});

	it('sorts path and query first in the order seen, then header, cookie, body and formData', () => {
		const result = extractSchema({
			swagger: '2.0',
			paths: {
				'/a': {
					post: {
						parameters: [
							{ name: 'file', in: 'formData', type: 'file' },
							{ name: 'payload', in: 'body', schema: object({ x: STRING }) },
							{ name: 'session', in: 'cookie', type: 'string' },
							{ name: 'X-Key', in: 'header', type: 'string' },
							{ name: 'q', in: 'query', type: 'string' },
						],
					},
				},
				'/b/{id}': { get: { parameters: [{ name: 'id', in: 'path', type: 'string' }] } },
				'/c': { get: { parameters: [{ name: 'page', in: 'query', type: 'integer' }] } },
			},
		});
		expect(parameterRows(result)).toEqual([
			'query:q',
			'path:id',
			'query:page',
			'header:X-Key',
			'cookie:session',
			'body:payload',
			'formData:file',
		]);
	});

	it('reads Swagger 2 types from the parameter itself, with array item types', () => {
		const result = extractSchema({
			swagger: '2.0',
			paths: {
				'/a': {
					get: {
						parameters: [
							{ name: 'q', in: 'query', type: 'string', format: 'date' },
							{ name: 'n', in: 'query', type: 'integer', format: 'int64' },
							{ name: 'tags', in: 'query', type: 'array', items: { type: 'string' } },
							{ name: 'bare', in: 'query', type: 'array' },
							{ name: 'none', in: 'query' },
						],
					},
				},
			},
		});
		expect(parameterTypes(result)).toEqual({
			q: 'string',
			n: 'integer',
			tags: 'array<string>',
			bare: 'array',
			none: 'unknown',
		});
	});

	it('keeps a Swagger 2 body parameter as one row typed by its schema', () => {
		const result = extractSchema({
			swagger: '2.0',
			paths: {
				'/search': {
					post: {
						parameters: [
							{
								name: 'request',
								in: 'body',
								required: true,
								description: 'The search',
								schema: object({ query: STRING, page: INTEGER }),
							},
						],
					},
				},
				'/ids': {
					post: {
						parameters: [{ name: 'ids', in: 'body', schema: { type: 'array', items: STRING } }],
					},
				},
				'/other': {
					put: {
						parameters: [{ name: 'request', in: 'body', schema: object({ other: STRING }) }],
					},
				},
			},
		});
		expect(result.parameters.map((p) => [p.in, p.name, p.type, p.required, p.operations])).toEqual([
			['body', 'request', 'object', true, 2],
			['body', 'ids', 'array<string>', false, 1],
		]);
		expect(result.parameters[0]?.description).toBe('The search');
		expect(result.fields).toEqual([]);
	});

	it('reads OpenAPI 3 types from schema, items, type arrays, oneOf/anyOf and enums', () => {
		const query = (name: string, schema: unknown) => ({ name, in: 'query', schema });
		const result = extractSchema(
			openapi(
				{
					'/a': {
						get: {
							parameters: [
								query('plain', { type: 'number', format: 'float' }),
								query('list', { type: 'array', items: { type: 'integer' } }),
								query('nested', { type: 'array', items: { type: 'array', items: STRING } }),
								query('itemsOnly', { items: { type: 'boolean' } }),
								query('nullable', { type: ['null', 'string'] }),
								query('several', { type: ['integer', 'null', 'string'] }),
								query('onlyNull', { type: ['null'] }),
								query('choice', { oneOf: [STRING, INTEGER] }),
								query('either', { anyOf: [{ type: 'boolean' }, { type: 'null' }] }),
								query('enumOnly', { enum: ['asc', 'desc'] }),
								query('object', { properties: { a: STRING } }),
								query('allOf', { allOf: [{ description: 'x' }, INTEGER] }),
								query('empty', {}),
								{
									name: 'content',
									in: 'query',
									content: { 'application/json': { schema: object({}) } },
								},
							],
						},
					},
				},
				'3.1.0',
			),
		);
		expect(parameterTypes(result)).toEqual({
			plain: 'number',
			list: 'array<integer>',
			nested: 'array<array<string>>',
			itemsOnly: 'array<boolean>',
			nullable: 'string',
			several: 'integer',
			onlyNull: 'null',
			choice: 'string | integer',
			either: 'boolean',
			enumOnly: 'string',
			object: 'object',
			allOf: 'integer',
			empty: 'unknown',
			content: 'object',
		});
	});

	it('ignores an OpenAPI 3 requestBody', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					post: {
						requestBody: { content: { 'application/json': { schema: object({ x: STRING }) } } },
					},
				},
			}),
		);
		expect(result.operations).toBe(1);
		expect(result.parameters).toEqual([]);
		expect(result.fields).toEqual([]);
	});

	it('marks path parameters required, and others only when required is true', () => {
		const result = extractSchema(
			openapi({
				'/a/{id}': {
					get: {
						parameters: [
							{ name: 'id', in: 'path', schema: STRING },
							{ name: 'a', in: 'query', required: true, schema: STRING },
							{ name: 'b', in: 'query', required: 'yes', schema: STRING },
							{ name: 'c', in: 'query', schema: STRING },
						],
					},
				},
			}),
		);
		expect(result.parameters.map((p) => [p.name, p.required])).toEqual([
			['id', true],
			['a', true],
			['b', false],
			['c', false],
		]);
	});

	it('falls back to the description of the parameter schema', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: {
						parameters: [
							{ name: 'q', in: 'query', schema: { type: 'string', description: 'Text' } },
						],
					},
				},
			}),
		);
		expect(result.parameters[0]?.description).toBe('Text');
	});

	it('skips parameters without a name or with an unknown location', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					parameters: { name: 'not-a-list', in: 'query' },
					get: {
						parameters: [
							null,
							'q',
							42,
							{ in: 'query', schema: STRING },
							{ name: '', in: 'query' },
							{ name: 'x', in: 'somewhere' },
							{ name: 'y', in: 'toString' },
							{ name: 'z' },
							{ $ref: '#/components/parameters/Unresolved' },
							{ name: 'kept', in: 'query', schema: STRING },
						],
					},
				},
			}),
		);
		expect(parameterRows(result)).toEqual(['query:kept']);
	});

	it('caps parameters at MAX_PARAMETERS and reports the truncation', () => {
		const many = (count: number) =>
			Array.from({ length: count }, (_, i) => ({ name: `p${i}`, in: 'query', schema: STRING }));
		const exact = extractSchema(openapi({ '/a': { get: { parameters: many(MAX_PARAMETERS) } } }));
		expect(exact.parameters).toHaveLength(MAX_PARAMETERS);
		expect(exact.truncated).toBe(false);

		const over = extractSchema(
			openapi({
				'/a': {
					get: {
						parameters: [
							{ name: 'X-Late', in: 'header', schema: STRING },
							...many(MAX_PARAMETERS + 5),
						],
					},
				},
			}),
		);
		expect(over.parameters).toHaveLength(MAX_PARAMETERS);
		expect(over.truncated).toBe(true);
		// The cap applies after sorting: the header is the one that falls off.
		expect(parameterRows(over)).not.toContain('header:X-Late');
	});
});

describe('extractSchema: descriptions', () => {
	it('trims and collapses whitespace', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: {
						parameters: [
							{
								name: 'q',
								in: 'query',
								schema: STRING,
								description: '  Full\n\ttext   search \r\n',
							},
						],
					},
				},
			}),
		);
		expect(result.parameters[0]?.description).toBe('Full text search');
	});

	it('cuts descriptions to 300 characters ending with an ellipsis', () => {
		const long = `${'word '.repeat(100)}end`;
		const exact = 'x'.repeat(300);
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning(
						object({ long: { type: 'string', description: long }, exact: { description: exact } }),
					),
				},
			}),
		);
		const [cut, kept] = result.fields.map((f) => f.description);
		expect(cut).toHaveLength(300);
		expect(cut?.endsWith('…')).toBe(true);
		expect(cut?.startsWith('word word')).toBe(true);
		expect(kept).toBe(exact);
	});

	it('gives an empty description when there is none or it is not text', () => {
		const result = extractSchema(
			openapi({ '/a': { get: returning(object({ a: STRING, b: { description: 12 } })) } }),
		);
		expect(result.fields.map((f) => f.description)).toEqual(['', '']);
	});
});

describe('extractSchema: response fields', () => {
	it('reads fields from 2xx responses only, ignoring default and error responses', () => {
		const body = (name: string) => ({
			content: { 'application/json': { schema: object({ [name]: STRING }) } },
		});
		const result = extractSchema(
			openapi({
				'/a': {
					get: {
						responses: {
							default: body('fromDefault'),
							'400': body('fromError'),
							'302': body('fromRedirect'),
							'204': {},
							'201': body('fromCreated'),
							'x-extension': body('fromExtension'),
						},
					},
				},
			}),
		);
		expect(fieldNames(result)).toEqual(['fromCreated']);
	});

	it('walks the 2xx responses in numeric order, the 2XX range last', () => {
		const body = (schema: Doc) => ({ content: { 'application/json': { schema } } });
		const result = extractSchema(
			openapi({
				'/a': {
					get: {
						responses: {
							'2XX': body(object({ id: { type: 'boolean' }, range: STRING })),
							'202': body(object({ id: STRING, accepted: STRING })),
							'200': body(object({ id: INTEGER })),
						},
					},
				},
			}),
		);
		expect(fieldTypes(result)).toEqual({ id: 'integer', accepted: 'string', range: 'string' });
	});

	it('reads Swagger 2 response schemas', () => {
		const result = extractSchema({
			swagger: '2.0',
			paths: {
				'/a': { get: { responses: { '200': { schema: object({ version: STRING }) } } } },
			},
		});
		expect(fieldNames(result)).toEqual(['version']);
	});

	it('reads every media type of a response, application/json first, then other json ones', () => {
		const media = (content: Doc) => ({ get: { responses: { '200': { content } } } });
		const schemaWith = (name: string) => ({ schema: object({ [name]: STRING }) });
		const result = extractSchema(
			openapi({
				'/exact': media({
					'application/xml': schemaWith('xml1'),
					'application/problem+json': schemaWith('problem1'),
					'application/json': schemaWith('exact1'),
				}),
				'/json': media({
					'text/plain': schemaWith('plain2'),
					'application/vnd.api+JSON; charset=utf-8': schemaWith('vendor2'),
				}),
				'/first': media({ 'text/csv': schemaWith('csv3'), 'application/xml': schemaWith('xml3') }),
				'/none': media({}),
			}),
		);
		expect(fieldNames(result)).toEqual([
			'exact1',
			'problem1',
			'xml1',
			'vendor2',
			'plain2',
			'csv3',
			'xml3',
		]);
	});

	it('names nested properties with dots and gives the object its own row', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning(
						object({
							data: object(
								{
									siret: { type: 'string', description: 'Siret' },
									address: object({ city: STRING }),
								},
								{ description: 'The payload' },
							),
						}),
					),
				},
			}),
		);
		expect(result.fields.map((f) => [f.name, f.type, f.description])).toEqual([
			['data', 'object', 'The payload'],
			['data.siret', 'string', 'Siret'],
			['data.address', 'object', ''],
			['data.address.city', 'string', ''],
		]);
	});

	it('names the properties of array items with [] after the array name', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning(
						object({
							results: { type: 'array', items: object({ name: STRING }) },
							grid: { type: 'array', items: { type: 'array', items: object({ cell: INTEGER }) } },
							tags: { type: 'array', items: STRING },
						}),
					),
				},
			}),
		);
		expect(fieldTypes(result)).toEqual({
			results: 'array<object>',
			'results[].name': 'string',
			grid: 'array<array<object>>',
			'grid[][].cell': 'integer',
			tags: 'array<string>',
		});
	});

	it('writes the fields of a top-level array of objects without a leading []', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning({
						type: 'array',
						items: object({ id: INTEGER, owner: object({ login: STRING }) }),
					}),
				},
			}),
		);
		expect(fieldNames(result)).toEqual(['id', 'owner', 'owner.login']);
	});

	it('follows allOf into the merged properties', () => {
		const base = object({ id: INTEGER, createdAt: STRING });
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning({
						allOf: [base, object({ name: STRING, id: STRING }), { required: ['name'] }],
					}),
				},
			}),
		);
		expect(fieldTypes(result)).toEqual({ id: 'integer', createdAt: 'string', name: 'string' });
	});

	it('types an allOf property as object and takes its description from a member', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning(
						object({ owner: { allOf: [{ description: 'The owner' }, object({ login: STRING })] } }),
					),
				},
			}),
		);
		expect(result.fields.map((f) => [f.name, f.type, f.description])).toEqual([
			['owner', 'object', 'The owner'],
			['owner.login', 'string', ''],
		]);
	});

	it('takes the union of the properties of oneOf and anyOf members', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning(
						object({
							pet: { oneOf: [object({ bark: STRING }), object({ meow: STRING })] },
							shape: { anyOf: [object({ radius: INTEGER }), object({ side: INTEGER })] },
						}),
					),
				},
			}),
		);
		expect(fieldTypes(result)).toEqual({
			pet: 'object',
			'pet.bark': 'string',
			'pet.meow': 'string',
			shape: 'object',
			'shape.radius': 'integer',
			'shape.side': 'integer',
		});
	});

	it('joins oneOf member types and 3.1 type arrays with " | ", leaving out null and format', () => {
		const result = extractSchema(
			openapi(
				{
					'/a': {
						get: returning(
							object({
								a: { type: ['string', 'null'] },
								b: { type: ['integer', 'string'] },
								c: { oneOf: [{ type: 'string', format: 'date' }, INTEGER, { type: 'null' }] },
								d: { type: 'string', format: 'uuid' },
								e: { properties: { x: STRING } },
								f: { items: STRING },
								g: { type: ['array', 'null'], items: INTEGER },
								h: {},
							}),
						),
					},
				},
				'3.1.0',
			),
		);
		expect(fieldTypes(result)).toEqual({
			a: 'string',
			b: 'integer | string',
			c: 'string | integer',
			d: 'string',
			e: 'object',
			'e.x': 'string',
			f: 'array<string>',
			g: 'array<integer>',
			h: 'unknown',
		});
	});

	it('deduplicates fields by name, the first operation winning', () => {
		const result = extractSchema(
			openapi({
				'/first': {
					get: returning(object({ id: INTEGER, name: STRING }), { operationId: 'first' }),
				},
				'/second': {
					get: returning(object({ id: STRING, extra: STRING }), { operationId: 'second' }),
				},
			}),
		);
		expect(result.fields.map((f) => [f.name, f.type, f.operation])).toEqual([
			['id', 'integer', 'first'],
			['name', 'string', 'first'],
			['extra', 'string', 'second'],
		]);
	});

	it('still walks below a field name already seen, to find children new to this operation', () => {
		const result = extractSchema(
			openapi({
				'/first': { get: returning(object({ data: object({ a: STRING }) })) },
				'/second': { get: returning(object({ data: object({ b: STRING }) })) },
			}),
		);
		expect(result.fields.map((f) => [f.name, f.operation])).toEqual([
			['data', 'GET /first'],
			['data.a', 'GET /first'],
			['data.b', 'GET /second'],
		]);
	});

	it(`stops at ${MAX_FIELD_DEPTH} levels, by design rather than as a truncation`, () => {
		const nest = (levels: number): Doc =>
			levels === 0 ? object({ leaf: STRING }) : object({ [`l${levels}`]: nest(levels - 1) });
		const fits = extractSchema(openapi({ '/a': { get: returning(nest(MAX_FIELD_DEPTH - 1)) } }));
		expect(fieldNames(fits).at(-1)).toBe('l3.l2.l1.leaf');
		expect(fits.truncated).toBe(false);

		const deep = extractSchema(openapi({ '/a': { get: returning(nest(MAX_FIELD_DEPTH + 2)) } }));
		expect(fieldNames(deep)).toEqual(['l6', 'l6.l5', 'l6.l5.l4', 'l6.l5.l4.l3']);
		expect(deep.truncated).toBe(false);
	});

	it('does not count [] as a level of its own for the depth cap', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning(
						object({
							a: {
								type: 'array',
								items: object({ b: object({ c: object({ d: object({ e: STRING }) }) }) }),
							},
						}),
					),
				},
			}),
		);
		expect(fieldNames(result)).toEqual(['a', 'a[].b', 'a[].b.c', 'a[].b.c.d']);
		expect(result.truncated).toBe(false);
	});

	it(`caps fields at ${MAX_FIELDS} and reports the truncation`, () => {
		const properties = (count: number, prefix: string) =>
			Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, STRING]));
		const exact = extractSchema(
			openapi({ '/a': { get: returning(object(properties(MAX_FIELDS, 'f'))) } }),
		);
		expect(exact.fields).toHaveLength(MAX_FIELDS);
		expect(exact.truncated).toBe(false);

		const over = extractSchema(
			openapi({
				'/a': { get: returning(object(properties(MAX_FIELDS - 1, 'f'))) },
				'/b': { get: returning(object(properties(3, 'g'))) },
			}),
		);
		expect(over.fields).toHaveLength(MAX_FIELDS);
		expect(over.fields.at(-1)?.name).toBe('g0');
		expect(over.truncated).toBe(true);
	});

	it("takes every operation's top-level fields before any nested one, and names them all", () => {
		// The first operation nests far more fields than the cap holds, as large real specs do.
		const nested = (count: number) =>
			object(
				Object.fromEntries(
					Array.from({ length: count }, (_, i) => [
						`n${i}`,
						object({ x: STRING, y: object({ z: STRING }) }),
					]),
				),
			);
		const later = (name: string) => ({ get: returning(object({ [name]: STRING })) });
		const result = extractSchema(
			openapi({
				'/deep': { get: returning(nested(300)) },
				...Object.fromEntries(
					Array.from({ length: 50 }, (_, i) => [`/later${i}`, later(`top${i}`)]),
				),
			}),
		);
		const names = fieldNames(result);
		expect(names).toHaveLength(MAX_FIELDS);
		for (let i = 0; i < 50; i++) expect(names).toContain(`top${i}`);
		// Top level first (n0…n299, top0…top49), then level by level.
		expect(names.indexOf('top49')).toBeLessThan(names.indexOf('n0.x'));
		expect(result.names.fields).toHaveLength(300 + 50 + 300 * 3);
		expect(result.names.fields.at(-1)).toBe('n299.y.z');
		expect(result.truncated).toBe(true);
	});

	it('takes the fields of the subtypes a discriminator mapping names', () => {
		const pet: Doc = object({ kind: STRING });
		const dog = { allOf: [pet, object({ barks: STRING })] };
		pet.discriminator = { propertyName: 'kind', mapping: { dog, cat: 'Cat' } };
		const result = extractSchema(openapi({ '/pets': { get: returning(pet) } }));
		expect(fieldNames(result)).toEqual(['kind', 'barks']);
	});

	it('ignores a 2xx response whose body is not an object', () => {
		const result = extractSchema(
			openapi({
				'/a': { get: returning({ type: 'boolean' }) },
				'/b': { get: returning({ type: 'array', items: STRING }) },
				'/c': { get: returning(object({})) },
			}),
		);
		expect(result.operations).toBe(3);
		expect(result.fields).toEqual([]);
	});
});

describe('extractSchema: cycles and odd input', () => {
	it('terminates on a schema that contains itself and gives the cyclic property a row', () => {
		const node: Doc = object({ name: STRING });
		(node.properties as Doc).child = node;
		const result = extractSchema(openapi({ '/tree': { get: returning(node) } }));
		expect(result.fields.map((f) => [f.name, f.type])).toEqual([
			['name', 'string'],
			['child', 'object'],
		]);
		expect(result.truncated).toBe(false);
	});

	it('terminates on cycles through arrays, allOf and oneOf', () => {
		const list: Doc = { type: 'array' };
		list.items = list;
		const folder: Doc = object({ title: STRING });
		(folder.properties as Doc).children = { type: 'array', items: folder };
		const mixin: Doc = { allOf: [] };
		(mixin.allOf as Doc[]).push(mixin, object({ m: STRING }));
		const choice: Doc = { oneOf: [] };
		(choice.oneOf as Doc[]).push(choice, object({ c: STRING }));
		const result = extractSchema(
			openapi({
				'/list': { get: returning(list) },
				'/folder': { get: returning(folder) },
				'/mixin': { get: returning(mixin) },
				'/choice': { get: returning(object({ pick: choice, loop: list })) },
			}),
		);
		expect(fieldTypes(result)).toEqual({
			title: 'string',
			children: 'array<object>',
			m: 'string',
			pick: 'object',
			'pick.c': 'string',
			loop: 'array<unknown>',
		});
	});

	it('handles mutually recursive schemas shared by many operations', () => {
		const section: Doc = object({ id: STRING });
		const article: Doc = object({ num: STRING, section });
		(section.properties as Doc).articles = { type: 'array', items: article };
		(section.properties as Doc).sections = { type: 'array', items: section };
		const paths = Object.fromEntries(
			Array.from({ length: 50 }, (_, i) => [`/p${i}`, { post: returning(object({ section })) }]),
		);
		const result = extractSchema(openapi(paths));
		expect(result.operations).toBe(50);
		expect(fieldNames(result)).toContain('section.articles[].section');
		expect(fieldNames(result)).toContain('section.sections');
		expect(fieldNames(result)).not.toContain('section.sections[].id');
		expect(result.fields.every((f) => f.name.split('.').length <= MAX_FIELD_DEPTH)).toBe(true);
	});

	it.each([
		['paths that is a string', { openapi: '3.0.0', paths: 'none' }],
		['paths that is an array', { openapi: '3.0.0', paths: [{ get: {} }] }],
		['a null path item', { openapi: '3.0.0', paths: { '/a': null } }],
		['an operation that is a string', { openapi: '3.0.0', paths: { '/a': { get: 'x' } } }],
		['responses that is null', { openapi: '3.0.0', paths: { '/a': { get: { responses: null } } } }],
		[
			'a response that is a number',
			{ openapi: '3.0.0', paths: { '/a': { get: { responses: { '200': 5 } } } } },
		],
		[
			'a leftover $ref response',
			{ openapi: '3.0.0', paths: { '/a': { get: { responses: { '200': { $ref: '#/x' } } } } } },
		],
		[
			'content that is a list',
			{ openapi: '3.0.0', paths: { '/a': { get: { responses: { '200': { content: [1] } } } } } },
		],
		[
			'a media type without schema',
			{
				openapi: '3.0.0',
				paths: { '/a': { get: { responses: { '200': { content: { 'application/json': 1 } } } } } },
			},
		],
		[
			'a schema that is a number',
			{ swagger: '2.0', paths: { '/a': { get: { responses: { '200': { schema: 3 } } } } } },
		],
	])('never throws on %s', (_label, document) => {
		expect(() => extractSchema(document)).not.toThrow();
	});

	it('skips property values that are not schemas, such as leftover $ref strings', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning({
						type: 'object',
						properties: { $ref: '#/components/schemas/Gone', ok: STRING, nothing: null, list: [1] },
						allOf: 'nope',
						oneOf: [null, 1, object({ fromOneOf: INTEGER })],
					}),
				},
			}),
		);
		expect(fieldTypes(result)).toEqual({ ok: 'string', fromOneOf: 'integer' });
	});
});

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/openapi');

/** Dereferences a corpus spec the way the verifier will: cycles kept as object cycles, no HTTP. */
async function load(file: string): Promise<unknown> {
	return SwaggerParser.dereference(join(CORPUS, file), {
		dereference: { circular: true },
		resolve: { http: false },
	});
}

describe('extractSchema: string caps', () => {
	const huge = (c: string) => c.repeat(100_000);

	it(`cuts the title, the version, parameter names and operation labels to ${NAME_CHARS} and ${TYPE_CHARS} characters`, () => {
		const result = extractSchema({
			openapi: `3.0.3${huge('9')}`,
			info: { title: huge('T') },
			paths: {
				'/a': {
					get: {
						operationId: huge('o'),
						parameters: [{ name: huge('p'), in: 'query', schema: STRING }],
						responses: {},
					},
				},
				[`/${huge('b')}`]: {
					get: { parameters: [{ name: 'q', in: 'query', schema: STRING }], responses: {} },
				},
			},
		});
		expect(result.title).toBe(`${'T'.repeat(NAME_CHARS - 1)}…`);
		expect(result.version).toBe(`3.0.3${'9'.repeat(TYPE_CHARS - 6)}…`);
		expect(result.parameters.map((p) => [p.name, p.operation])).toEqual([
			[`${'p'.repeat(NAME_CHARS - 1)}…`, `${'o'.repeat(NAME_CHARS - 1)}…`],
			['q', `GET /${'b'.repeat(NAME_CHARS - 6)}…`],
		]);
	});

	it('counts parameters whose names agree up to the cap as one', () => {
		const result = extractSchema(
			openapi({
				'/a': {
					get: {
						parameters: [
							{ name: `${huge('p')}1`, in: 'query', schema: STRING },
							{ name: `${huge('p')}2`, in: 'query', schema: STRING },
						],
						responses: {},
					},
				},
			}),
		);
		expect(result.parameters).toHaveLength(1);
	});

	it(`cuts type names, and unions of them, to ${TYPE_CHARS} characters`, () => {
		const union = { oneOf: Array.from({ length: 10_000 }, (_, i) => ({ type: `t${i}` })) };
		const result = extractSchema(
			openapi({
				'/a': {
					get: returning(
						object({
							named: { type: huge('n') },
							union,
							list: { type: 'array', items: { type: 'array', items: union } },
							both: { type: ['string', huge('s')] },
						}),
						{ parameters: [{ name: 'q', in: 'query', schema: { type: huge('q') } }] },
					),
				},
			}),
		);
		const types = fieldTypes(result);
		expect(types.named).toBe(`${'n'.repeat(TYPE_CHARS - 1)}…`);
		expect(types.union?.startsWith('t0 | t1 | t2')).toBe(true);
		expect(types.list?.startsWith('array<array<t0 | t1')).toBe(true);
		expect(types.both?.startsWith('string | sss')).toBe(true);
		for (const type of Object.values(types)) {
			expect(type.length).toBeLessThanOrEqual(TYPE_CHARS);
			expect(type.endsWith('…')).toBe(true);
		}
		expect(parameterTypes(result).q).toBe(`${'q'.repeat(TYPE_CHARS - 1)}…`);
	});

	it('keeps a field whose dotted name passes the cap clipped, and walks no further below it', () => {
		// Four levels of 25 properties with 150-character names: the old walk wrote every dotted
		// name in full, up to 600 characters, each level repeating the long prefix.
		const key = (level: number, i: number) => `${'k'.repeat(150)}${level}_${i}`;
		const level = (depth: number): Doc =>
			object(
				Object.fromEntries(
					Array.from({ length: 25 }, (_, i) => [
						key(depth, i),
						depth < 4 ? level(depth + 1) : STRING,
					]),
				),
			);
		const result = extractSchema(openapi({ '/a': { get: returning(level(1)) } }));
		expect(result.fields.every((f) => f.name.length <= NAME_CHARS)).toBe(true);
		// Level 1 names fit (156 characters); level 2 names do not, and are the last walked.
		expect(result.fields.filter((f) => !f.name.endsWith('…'))).toHaveLength(25);
		expect(result.fields.filter((f) => f.name.split('.').length > 2)).toEqual([]);
		expect(result.truncated).toBe(true);
	});

	it('stops unwrapping nested arrays once the name passes the cap', () => {
		let nested: Doc = object({ leaf: STRING });
		for (let i = 0; i < 5_000; i++) nested = { type: 'array', items: nested };
		const result = extractSchema(
			openapi({ '/a': { get: returning(object({ outer: object({ deep: nested }) })) } }),
		);
		expect(fieldNames(result)).toEqual(['outer', 'outer.deep']);
		expect(result.truncated).toBe(true);
	});
});

describe.skipIf(!existsSync(CORPUS))('extractSchema on real specifications', () => {
	it('reads CaptchEtat (Swagger 2.0): its parameters, body parameter and response fields', async () => {
		const result = extractSchema(await load('aife__captchetat.json'));
		expect(result.version).toBe('2.0');
		expect(result.title).toBe('CaptchEtat v2');
		expect(result.operations).toBe(6);
		expect(parameterRows(result)).toEqual([
			'query:get',
			'query:c',
			'query:t',
			'path:uuid',
			'body:body',
		]);
		expect(result.parameters.find((p) => p.name === 'uuid')).toMatchObject({
			type: 'string',
			required: true,
			operation: 'GET /captcha/{uuid}/code/infos',
			operations: 1,
		});
		const fields = new Map(result.fields.map((f) => [f.name, f]));
		expect(fields.get('imageb64')).toMatchObject({
			type: 'string',
			operation: 'GET /simple-captcha-endpoint',
		});
		expect(fields.get('status')?.operation).toBe('GET /healthcheck');
		expect(fields.get('components')).toMatchObject({
			type: 'object',
			operation: 'GET /healthcheck',
		});
		expect(fields.get('components.diskSpace.details.exists')?.type).toBe('boolean');
		expect(fields.get('version')?.operation).toBe('GET /version');
		expect(fields.get('taille')?.type).toBe('integer');
		expect(fields.get('app.version')?.operation).toBe('GET /info');
		expect(result.truncated).toBe(false);
	});

	it('completes on Légifrance, whose definitions form reference cycles', async () => {
		const document = await load('dila__legifrance.json');
		const started = performance.now();
		const result = extractSchema(document);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(result.version).toBe('2.0');
		expect(result.operations).toBe(61);
		expect(result.fields.length).toBeGreaterThan(0);
		// Niveau.niveaux is an array of Niveau: the cycle gets a name but is not walked again (its
		// depth puts it past the detailed list, which fills with shallower fields first).
		expect(result.names.fields).toContain('dossiersLegislatifs[].arborescence.niveaux[].niveaux');
		expect(result.parameters.find((p) => p.in === 'body' && p.name === 'request')?.type).toBe(
			'object',
		);
	});

	it('gives the same parameters and fields for the multi-file and the bundled BRP Personen spec', async () => {
		const multi = extractSchema(await load('rvig__brp-personen-multifile/openapi.yaml'));
		const bundled = extractSchema(await load('rvig__brp-personen-resolved.json'));
		expect(multi.version).toBe('3.1.0');
		expect(multi.operations).toBe(1);
		expect(multi.parameters).toEqual(bundled.parameters);
		expect(fieldNames(multi)).toEqual(fieldNames(bundled));
		// The 200 body only declares `type`; the variants hang off a discriminator mapping.
		expect(fieldNames(bundled)).toEqual(['type']);
	});

	it('finds siret in API Entreprise (1.9 MB) well under a second', async () => {
		const document = await load('dinum__api-entreprise-v3.yaml');
		const started = performance.now();
		const result = extractSchema(document);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(result.version).toBe('3.0.1');
		expect(result.operations).toBe(52);
		expect(result.parameters.find((p) => p.name === 'siret')).toMatchObject({
			in: 'path',
			type: 'string',
			required: true,
		});
		expect(fieldNames(result)).toContain('data.siret');
		expect(result.parameters.find((p) => p.name === 'recipient')?.operations).toBe(51);
	});

	// Operation counts from the corpus README (the YAML files js-yaml cannot parse are left out).
	it.each([
		['ademe__impact-co2.json', '3.1.0', 5],
		['aife__chorus-pro-factures.json', '2.0', 22],
		['arbeitsagentur__jobsuche.yaml', '3.0.0', 5],
		['bundestag__dip.yaml', '3.0.1', 16],
		['dgfip__ficoba.json', '3.0.1', 8],
		['dgfip__impot-particulier.json', '3.0.1', 15],
		['dgfip__r2p.json', '2.0', 3],
		['dinum__ma-cantine.yaml', '3.0.3', 21],
		['gds__govuk-pay.json', '3.0.1', 16],
		['hmrc__vat-mtd.yaml', '3.0.3', 8],
		['ign__apicarto-cadastre.yaml', '3.1.0', 5],
		['menj__annuaire-education.json', '3.0.3', 2],
		['menj__scolarite-eleve.yaml', '3.0.1', 1],
		['ons__dataset-api.yaml', '2.0', 35],
		['urssaf__pajemploi.json', '2.0', 12],
		['wsv__pegel-online.yaml', '3.0.0', 6],
	])(
		'reads %s as version %s with %i operations and some fields',
		async (file, version, operations) => {
			const result = extractSchema(await load(file));
			expect(result.version).toBe(version);
			expect(result.operations).toBe(operations);
			expect(result.fields.length).toBeGreaterThan(0);
			expect(result.parameters.length).toBeLessThanOrEqual(MAX_PARAMETERS);
			expect(result.fields.length).toBeLessThanOrEqual(MAX_FIELDS);
		},
	);
});
