import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshots, writeSnapshot } from '../../src/lib/state/snapshot-store.ts';
import { runVerify } from '../../src/lib/verify/run-verify.ts';
import type { Snapshot, SpecCapture } from '../../src/schemas/snapshot.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

/**
 * Specs as real publishers write them, served on 127.0.0.1 and captured by a whole verify run:
 * a spec split into 86 documents, one with dangling and forbidden references, YAML that only
 * the second or third reader reads, and a webhooks-only OpenAPI 3.1 spec.
 */

/** Documents of the multi-file spec: the root, 84 schema files, a shared one, one by absolute address. */
const SPLIT_PARTS = 84;

function multiFileSpec(origin: string): Map<string, string> {
	const files = new Map<string, string>();
	const paths: Record<string, unknown> = {};
	for (let i = 0; i < SPLIT_PARTS; i++) {
		paths[`/r${i}`] = {
			get: {
				parameters: [{ $ref: `parameters/p${i}.yaml#/P` }],
				responses: {
					'200': {
						description: 'ok',
						content: { 'application/json': { schema: { $ref: `./schemas/s${i}.json#/S` } } },
					},
				},
			},
		};
		files.set(
			`/multi/schemas/s${i}.json`,
			JSON.stringify({
				S: {
					type: 'object',
					properties: {
						[`field${i}`]: { type: 'string' },
						common: { $ref: '../shared/common.yaml#/Common' },
					},
				},
			}),
		);
		files.set(
			`/multi/parameters/p${i}.yaml`,
			`P:\n  name: param${i}\n  in: query\n  schema:\n    type: integer\n`,
		);
	}
	files.set(
		'/multi/shared/common.yaml',
		`Common:\n  type: object\n  properties:\n    code:\n      type: string\n    elsewhere:\n      $ref: '${origin}/elsewhere/absolute.json#/Absolute'\n`,
	);
	files.set(
		'/elsewhere/absolute.json',
		JSON.stringify({
			Absolute: { type: 'object', properties: { fromAbsolute: { type: 'boolean' } } },
		}),
	);
	files.set(
		'/multi/openapi.json',
		JSON.stringify({ openapi: '3.0.3', info: { title: 'Split', version: '1' }, paths }),
	);
	return files;
}

function danglingSpec(port: number): string {
	const returning = (ref: string) => ({
		get: {
			responses: {
				'200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } },
			},
		},
	});
	return JSON.stringify({
		openapi: '3.0.3',
		info: { title: 'Dangling', version: '1' },
		paths: {
			'/ok': returning('#/components/schemas/Ok'),
			'/gone': returning('#/components/schemas/Gone'),
			'/missing-file': returning('missing.json#/X'),
			'/private': returning(`http://127.0.0.2:${port}/secret.json#/S`),
			'/file': returning('file:///etc/passwd#/S'),
			'/also-ok': returning('#/components/schemas/AlsoOk'),
		},
		components: {
			schemas: {
				Ok: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
				AlsoOk: {
					type: 'object',
					properties: { total: { type: 'integer' }, broken: { $ref: '#/components/schemas/Nope' } },
				},
			},
		},
	});
}

/**
 * A flow mapping whose closing brace is under-indented (at its key's column, as in real specs):
 * js-yaml reads it only with a "deficient indentation" warning; the `yaml` package reads it.
 */
const UNDER_INDENTED_BRACE = `openapi: 3.0.3
info:
  title: Under-indented brace
  version: '1'
paths:
  /stations:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  station:
                    type: string
                  level:
                    type: number
                example: {
                  "station": "Köln",
                  "level": 3.2
                }
`;

/** A multi-line quoted scalar whose second line starts at column 0: the `yaml` package refuses it. */
const UNDER_INDENTED_SCALAR = `openapi: 3.0.3
info:
  title: Under-indented scalar
  description: 'A warning service,
run by a federal office'
  version: '1'
paths:
  /warnings:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    headline:
                      type: string
`;

const WEBHOOKS_ONLY = JSON.stringify({
	openapi: '3.1.0',
	info: { title: 'Webhooks only', version: '1' },
	webhooks: {
		permitIssued: {
			post: {
				operationId: 'permitIssued',
				parameters: [{ name: 'X-Signature', in: 'header', schema: { type: 'string' } }],
				requestBody: {
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Permit' } } },
				},
				responses: { '200': { description: 'received' } },
			},
		},
	},
	components: {
		schemas: {
			Permit: {
				type: ['object', 'null'],
				$defs: {
					Holder: { type: 'object', properties: { name: { type: 'string' } } },
				},
				properties: {
					id: { type: ['integer', 'null'] },
					holder: { $ref: '#/components/schemas/Permit/$defs/Holder' },
					tags: { type: 'array', items: { type: 'string' } },
				},
			},
		},
	},
});

let server: Server;
let origin: string;
let inFlight = 0;
let mostInFlight = 0;
let cleanup: (() => Promise<void>) | undefined;
let dataDir: string;
const snapshots = new Map<string, Snapshot>();

beforeAll(async () => {
	const files = new Map<string, string>();
	server = createServer((req, res) => {
		const body = files.get(new URL(req.url ?? '/', 'http://x').pathname);
		inFlight++;
		mostInFlight = Math.max(mostInFlight, inFlight);
		// A short pause, so that requests overlap and the concurrency bound is tested.
		setTimeout(() => {
			inFlight--;
			if (body === undefined) {
				res.writeHead(404).end('not found');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
		}, 5);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	origin = `http://127.0.0.1:${port}`;
	for (const [path, body] of multiFileSpec(origin)) files.set(path, body);
	files.set('/dangling.json', danglingSpec(port));
	files.set('/under-indented-brace.yaml', UNDER_INDENTED_BRACE);
	files.set('/under-indented-scalar.yaml', UNDER_INDENTED_SCALAR);
	files.set('/webhooks.json', WEBHOOKS_ONLY);
	files.set('/up', 'ok');
	const made = await scenarioDataDir(
		[
			['fr-multi-file', '/multi/openapi.json'],
			['fr-dangling', '/dangling.json'],
			['fr-yaml-brace', '/under-indented-brace.yaml'],
			['fr-yaml-scalar', '/under-indented-scalar.yaml'],
			['fr-webhooks', '/webhooks.json'],
		].map(([id, path]) => ({
			id: id as string,
			baseUrl: `${origin}/up`,
			spec: `${origin}${path}`,
		})),
	);
	cleanup = made.cleanup;
	dataDir = made.dir;
	const result = await runVerify({
		dataDir: made.dir,
		allowAddresses: ['127.0.0.1'],
		limits: FAST_LIMITS,
		now: () => new Date(),
	});
	expect(result.status).toBe('completed');
	for (const [id, s] of (await readSnapshots(made.dir)).snapshots) snapshots.set(id, s);
}, 120_000);

afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve));
	await cleanup?.();
});

function capture(id: string): SpecCapture {
	const spec = snapshots.get(id)?.spec;
	if (!spec) throw new Error(`no spec capture for ${id}`);
	return spec;
}

describe('capturing real-world spec shapes served on loopback', () => {
	it('follows a spec split into 87 documents, relative and absolute, within the per-host limit', () => {
		const spec = capture('fr-multi-file');
		expect(spec.fields.map((f) => f.name)).toContain(`field${SPLIT_PARTS - 1}`);
		expect(spec.documents).toBe(SPLIT_PARTS * 2 + 3);
		expect(spec.unresolved).toEqual([]);
		expect(spec.valid).toBe(true);
		expect(spec.operations).toBe(SPLIT_PARTS);
		const fields = new Set(spec.names?.fields);
		for (let i = 0; i < SPLIT_PARTS; i++) expect(fields).toContain(`field${i}`);
		expect(fields).toContain('common.elsewhere.fromAbsolute');
		expect(spec.names?.parameters).toHaveLength(SPLIT_PARTS);
		expect(spec.parameters[SPLIT_PARTS - 1]).toMatchObject({
			name: `param${SPLIT_PARTS - 1}`,
			in: 'query',
			type: 'integer',
		});
		// One host: the spec worker's requests to it never exceeded the per-host limit of 4 (the
		// verifier's own base probes run at 2 per host, and the run may overlap them).
		expect(mostInFlight).toBeLessThanOrEqual(4 + 2);
	});

	it('captures what resolves in a spec with dangling references, listing the unresolved ones', () => {
		const spec = capture('fr-dangling');
		expect(spec.fields.map((f) => f.name)).toEqual(['id', 'name', 'total', 'broken']);
		expect(spec.valid).toBe(false);
		expect(spec.operations).toBe(6);
		expect(spec.names?.fields).toEqual(['id', 'name', 'total', 'broken']);
		expect(spec.unresolvedTotal).toBe(5);
		const unresolved = (spec.unresolved ?? []).join('\n');
		expect(unresolved).toMatch(/#\/components\/schemas\/Gone \(nothing at/);
		expect(unresolved).toMatch(/#\/components\/schemas\/Nope \(nothing at/);
		expect(unresolved).toMatch(/missing\.json#\/X \(.*answered 404\)/);
		expect(unresolved).toMatch(/127\.0\.0\.2.*blocked-address/);
		expect(unresolved).toMatch(/file:\/\/\/etc\/passwd#\/S \(file: documents are never read/);
	});

	it('reads YAML with an under-indented closing brace with the second reader, and says so', () => {
		const spec = capture('fr-yaml-brace');
		expect(spec.parser).toBe('yaml');
		expect(spec.names?.fields).toEqual(['station', 'level']);
	});

	it('reads YAML that only js-yaml accepts, leniently, and says so', () => {
		const spec = capture('fr-yaml-scalar');
		expect(spec.fields.map((f) => f.name)).toEqual(['headline']);
		expect(spec.parser).toBe('js-yaml-lenient');
		expect(spec.names?.fields).toEqual(['headline']);
	});

	it('describes a webhooks-only OpenAPI 3.1 spec by the payloads it sends', () => {
		const spec = capture('fr-webhooks');
		expect(spec.fields.map((f) => f.name)).toEqual(['id', 'holder', 'tags', 'holder.name']);
		expect(spec).toMatchObject({ version: '3.1.0', valid: true, operations: 1, parser: 'json' });
		expect(spec.names?.fields).toEqual(['id', 'holder', 'tags', 'holder.name']);
		expect(spec.fields.find((f) => f.name === 'id')?.type).toBe('integer');
		expect(spec.fields.find((f) => f.name === 'tags')?.type).toBe('array<string>');
		expect(spec.names?.parameters).toEqual(['header:X-Signature']);
	});
});

describe('capturing an unchanged spec again', () => {
	it('makes again a capture taken before the complete name lists were kept', async () => {
		const before = snapshots.get('fr-webhooks');
		if (!before?.spec) throw new Error('no capture');
		// As an older verifier stored it: no names, no parser, taken a day earlier.
		const { names: _names, parser: _parser, ...older } = before.spec;
		await writeSnapshot(dataDir, {
			...before,
			spec: { ...older, capturedAt: '2026-11-01T02:00:00.000Z' },
		});
		const result = await runVerify({
			dataDir,
			allowAddresses: ['127.0.0.1'],
			limits: FAST_LIMITS,
			only: ['fr-webhooks'],
			now: () => new Date(),
		});
		expect(result.status).toBe('completed');
		const after = (await readSnapshots(dataDir)).snapshots.get('fr-webhooks')?.spec;
		expect(after?.sha256).toBe(before.spec.sha256);
		expect(after?.capturedAt).not.toBe('2026-11-01T02:00:00.000Z');
		expect(after?.names?.fields).toEqual(['id', 'holder', 'tags', 'holder.name']);
	}, 60_000);
});
