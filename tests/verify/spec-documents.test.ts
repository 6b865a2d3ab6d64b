import { describe, expect, it } from 'vitest';
import { dereferenceSpec } from '../../src/lib/verify/openapi/dereference-spec.ts';
import {
	type FetchDocument,
	loadSpecDocuments,
	type SpecDocument,
} from '../../src/lib/verify/openapi/spec-documents.ts';

function rootDocument(url: string, document: unknown): SpecDocument {
	const text = JSON.stringify(document);
	return { url, base: url, document, text, parser: 'json' };
}

/** A fetch over an in-memory set of documents that records how many requests overlap. */
function fakeFetch(files: Record<string, unknown>) {
	const inFlight = new Map<string, number>();
	const peak = { total: 0, perHost: 0 };
	let total = 0;
	const requested: string[] = [];
	const fetchDocument: FetchDocument = async (url) => {
		requested.push(url);
		const host = new URL(url).host;
		total++;
		inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
		peak.total = Math.max(peak.total, total);
		peak.perHost = Math.max(peak.perHost, inFlight.get(host) ?? 0);
		await new Promise((resolve) => setTimeout(resolve, 2));
		total--;
		inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
		const body = files[url];
		if (body === undefined) throw new Error(`${url} answered 404`);
		return { body: Buffer.from(JSON.stringify(body)), finalUrl: url };
	};
	return { fetchDocument, peak, requested };
}

describe('loading the documents of a multi-file spec', () => {
	it('fetches each document once, within the overall and per-host bounds', async () => {
		const files: Record<string, unknown> = {};
		const refs: Record<string, unknown> = {};
		for (let i = 0; i < 60; i++) {
			const host = `h${i % 3}.example.org`;
			files[`https://${host}/d${i}.json`] = {
				S: { type: 'string' },
				back: { $ref: 'https://h0.example.org/d0.json#/S' },
			};
			refs[`p${i}`] = { $ref: `https://${host}/d${i}.json#/S` };
		}
		const { fetchDocument, peak, requested } = fakeFetch(files);
		const loaded = await loadSpecDocuments(
			rootDocument('https://api.example.org/openapi.json', { properties: refs }),
			{ fetchDocument, totalBytes: 1_000_000, concurrency: 5, perHost: 2 },
		);
		expect(loaded.documents.size).toBe(61);
		expect(loaded.failures.size).toBe(0);
		expect(new Set(requested).size).toBe(requested.length);
		expect(peak.perHost).toBeLessThanOrEqual(2);
		expect(peak.total).toBeLessThanOrEqual(5);
		expect(peak.total).toBeGreaterThan(2);
	});

	it('stops at the document cap and at the byte cap, saying why for each document left out', async () => {
		const files: Record<string, unknown> = {};
		const refs: Record<string, unknown> = {};
		for (let i = 0; i < 20; i++) {
			files[`https://x.example.org/d${i}.json`] = { S: { type: 'string' } };
			refs[`p${i}`] = { $ref: `d${i}.json#/S` };
		}
		const root = rootDocument('https://x.example.org/openapi.json', { properties: refs });
		const capped = await loadSpecDocuments(root, {
			fetchDocument: fakeFetch(files).fetchDocument,
			totalBytes: 1_000_000,
			documents: 10,
		});
		expect(capped.documents.size).toBe(10);
		expect(capped.failures.get('https://x.example.org/d19.json')).toMatch(/more than 10 documents/);

		const small = await loadSpecDocuments(root, {
			fetchDocument: fakeFetch(files).fetchDocument,
			totalBytes: Buffer.byteLength(root.text) + 100,
			concurrency: 1,
		});
		// Each document is 23 bytes: four fit in the 100 left after the spec itself.
		expect(small.documents.size).toBe(1 + 4);
		expect([...small.failures.values()].join('\n')).toMatch(/together exceed/);
	});
});

describe('loading documents from a slow host', () => {
	it('keeps what was read in time and notes the rest as late, instead of running on', async () => {
		const fetchDocument: FetchDocument = (url, _maxBytes, signal) =>
			url.includes('slow')
				? new Promise((_resolve, reject) => {
						signal.addEventListener('abort', () => reject(new Error('aborted')));
					})
				: Promise.resolve({ body: Buffer.from('{"S":{"type":"string"}}'), finalUrl: url });
		const started = performance.now();
		const loaded = await loadSpecDocuments(
			rootDocument('https://x.example.org/openapi.json', {
				a: { $ref: 'fast.json#/S' },
				b: { $ref: 'https://slow.example.org/s.json#/S' },
			}),
			{ fetchDocument, totalBytes: 1_000_000, timeBudgetMs: 50 },
		);
		expect(performance.now() - started).toBeLessThan(1_000);
		expect([...loaded.documents.keys()]).toEqual([
			'https://x.example.org/openapi.json',
			'https://x.example.org/fast.json',
		]);
		expect(loaded.failures.get('https://slow.example.org/s.json')).toMatch(
			/took longer than 0.05 s/,
		);
	});
});

describe('dereferencing a loaded spec', () => {
	it('resolves references across documents, cycles included, and lists the ones that dangle', async () => {
		const files = {
			'https://x.example.org/a.json': {
				A: {
					type: 'object',
					properties: { b: { $ref: 'b.json#/B' }, gone: { $ref: '#/Nothing' } },
				},
			},
			'https://x.example.org/b.json': {
				B: { type: 'object', properties: { a: { $ref: 'a.json#/A' } } },
			},
		};
		const url = 'https://x.example.org/openapi.json';
		const loaded = await loadSpecDocuments(
			rootDocument(url, {
				root: { $ref: 'a.json#/A' },
				lenient: { $ref: 'b.json#B' },
				missing: { $ref: 'c.json#/C' },
				loop: { $ref: '#/loop2' },
				loop2: { $ref: '#/loop' },
			}),
			{ fetchDocument: fakeFetch(files).fetchDocument, totalBytes: 1_000_000 },
		);
		const { document, unresolved } = await dereferenceSpec(url, loaded);
		const root = (document as { root: { properties: { b: { properties: { a: unknown } } } } }).root;
		// A cycle across two documents becomes an object cycle.
		expect(root.properties.b.properties.a).toBe(root);
		expect((document as { lenient: unknown }).lenient).toBe(root.properties.b);
		expect(unresolved).toEqual(
			expect.arrayContaining([
				'#/Nothing (nothing at #/Nothing in https://x.example.org/a.json)',
				'c.json#/C (https://x.example.org/c.json answered 404)',
				'#/loop2 (a chain of references that does not end)',
			]),
		);
	});

	it('puts the subtypes of a discriminator mapping in place, by reference or by bare name, when loaded', async () => {
		const url = 'https://x.example.org/openapi.json';
		const loaded = await loadSpecDocuments(
			rootDocument(url, {
				components: {
					schemas: {
						Pet: {
							type: 'object',
							properties: { kind: { type: 'string' } },
							discriminator: {
								propertyName: 'kind',
								mapping: {
									dog: '#/components/schemas/Dog',
									cat: 'Cat',
									bird: 'elsewhere.yaml#/Bird',
								},
							},
						},
						Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { properties: { barks: {} } }] },
						Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { properties: { purrs: {} } }] },
					},
				},
			}),
			{ fetchDocument: fakeFetch({}).fetchDocument, totalBytes: 1_000_000 },
		);
		const { document, unresolved } = await dereferenceSpec(url, loaded);
		const schemas = (
			document as {
				components: {
					schemas: Record<string, { discriminator?: { mapping: Record<string, unknown> } }>;
				};
			}
		).components.schemas;
		// A mapping that leads nowhere stays as written, neither fetched nor listed.
		expect(schemas.Pet?.discriminator?.mapping).toEqual({
			dog: schemas.Dog,
			cat: schemas.Cat,
			bird: 'elsewhere.yaml#/Bird',
		});
		expect(unresolved).toEqual([]);
	});

	it('leaves a reference it cannot resolve as the spec wrote it, wherever it points', async () => {
		const url = 'https://x.example.org/openapi.json';
		const loaded = await loadSpecDocuments(
			rootDocument(url, {
				intoOther: { $ref: 'b.json#/Nope' },
				lenientGone: { $ref: '#Nothing' },
				list: [{ $ref: '#/AlsoGone' }],
				kept: { example: { $ref: '#/NotMine' } },
			}),
			{
				fetchDocument: fakeFetch({ 'https://x.example.org/b.json': { B: {} } }).fetchDocument,
				totalBytes: 1_000_000,
			},
		);
		const { document, unresolved } = await dereferenceSpec(url, loaded);
		expect(document).toEqual({
			intoOther: { $ref: 'b.json#/Nope' },
			lenientGone: { $ref: '#Nothing' },
			list: [{ $ref: '#/AlsoGone' }],
			kept: { example: { $ref: '#/NotMine' } },
		});
		// A reference inside an example is data: neither resolved nor listed.
		expect([...unresolved].sort()).toEqual([
			'#/AlsoGone (nothing at #/AlsoGone in https://x.example.org/openapi.json)',
			'#Nothing (nothing at #/Nothing in https://x.example.org/openapi.json)',
			'b.json#/Nope (nothing at #/Nope in https://x.example.org/b.json)',
		]);
	});

	it('resolves a reference under 400 nested schemas, deeper than the library walks by default', async () => {
		const url = 'https://x.example.org/openapi.json';
		let schema: unknown = { $ref: '#/Leaf' };
		for (let i = 0; i < 400; i++) schema = { type: 'object', properties: { p: schema } };
		const loaded = await loadSpecDocuments(
			rootDocument(url, { schema, Leaf: { type: 'string' } }),
			{ fetchDocument: fakeFetch({}).fetchDocument, totalBytes: 10_000_000 },
		);
		const { document, unresolved } = await dereferenceSpec(url, loaded);
		let node = (document as { schema: { properties?: { p: unknown } } }).schema;
		for (let i = 0; i < 400; i++) node = node.properties?.p as typeof node;
		expect(node).toEqual({ type: 'string' });
		expect(unresolved).toEqual([]);
	});

	it('resolves the references of a redirected document against where it was read', async () => {
		const url = 'https://x.example.org/openapi.json';
		const files: Record<string, unknown> = {
			'https://x.example.org/v2/b.json': { B: { properties: { c: { $ref: 'c.json#/C' } } } },
			'https://x.example.org/v2/c.json': { C: { type: 'integer' } },
		};
		const fetchDocument: FetchDocument = async (address) => {
			const finalUrl = address.replace('/latest/', '/v2/');
			const body = files[finalUrl];
			if (body === undefined) throw new Error(`${address} answered 404`);
			return { body: Buffer.from(JSON.stringify(body)), finalUrl };
		};
		const loaded = await loadSpecDocuments(rootDocument(url, { b: { $ref: 'latest/b.json#/B' } }), {
			fetchDocument,
			totalBytes: 1_000_000,
		});
		const { document, unresolved } = await dereferenceSpec(url, loaded);
		expect(document).toEqual({ b: { properties: { c: { type: 'integer' } } } });
		expect(unresolved).toEqual([]);
	});

	it('keeps the description written beside a reference, the target in a cycle or not', async () => {
		const url = 'https://x.example.org/openapi.json';
		const loaded = await loadSpecDocuments(
			rootDocument(url, {
				Node: {
					description: 'a node',
					properties: { next: { $ref: '#/Node' }, name: { type: 'string' } },
				},
				Tree: {
					properties: {
						root: { description: 'the first node', $ref: '#/Node' },
						leaf: { description: 'the last node', $ref: '#/Node' },
					},
				},
			}),
			{ fetchDocument: fakeFetch({}).fetchDocument, totalBytes: 1_000_000 },
		);
		const { document } = await dereferenceSpec(url, loaded);
		const tree = (document as { Tree: { properties: Record<string, { description: string }> } })
			.Tree;
		expect(tree.properties.root?.description).toBe('the first node');
		expect(tree.properties.leaf?.description).toBe('the last node');
		expect(tree.properties.leaf).toHaveProperty('properties.name', { type: 'string' });
	});
});
