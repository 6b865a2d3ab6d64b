import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify, type VerifyResult } from '../../src/lib/verify/run-verify.ts';
import { SNAPSHOT_LIMITS, SnapshotSchema, type SpecCapture } from '../../src/schemas/snapshot.ts';
import { type FakeInternet, startFakeInternet } from '../helpers/fake-internet.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

const { maxBytes, nameChars, typeChars, descriptionChars, errorChars } = SNAPSHOT_LIMITS;

/**
 * About 1 MB of OpenAPI built to blow up a capture: a long title and operationId (copied onto
 * every parameter and field), 320 parameters with 700-character names, four levels of 25
 * properties with long names (so every dotted name repeats a long prefix), long descriptions on
 * the shared schemas of each level, and a union of 100 type names of 2,000 characters each.
 * Names are mostly '€', three bytes each, so even the capture within every string and list cap
 * is over the byte cap.
 */
function hostileSpec(): string {
	const euro = (n: number) => '€'.repeat(n);
	const level = (depth: number) => ({
		type: 'object',
		description: euro(10_000),
		properties: Object.fromEntries(
			Array.from({ length: 25 }, (_, i) => [
				`${depth}_${i}_${euro(60)}`,
				{ $ref: depth < 4 ? `#/components/schemas/L${depth + 1}` : '#/components/schemas/Weird' },
			]),
		),
	});
	return JSON.stringify({
		openapi: '3.0.3',
		info: { title: 'T'.repeat(100_000), version: '1' },
		paths: {
			'/items': {
				get: {
					operationId: euro(20_000),
					parameters: Array.from({ length: 320 }, (_, i) => ({
						name: `${i}_${euro(700)}`,
						in: 'query',
						schema: { $ref: '#/components/schemas/Weird' },
					})),
					responses: {
						'200': {
							description: 'ok',
							content: { 'application/json': { schema: { $ref: '#/components/schemas/L1' } } },
						},
					},
				},
			},
		},
		components: {
			schemas: {
				L1: level(1),
				L2: level(2),
				L3: level(3),
				L4: level(4),
				Weird: {
					oneOf: Array.from({ length: 100 }, (_, i) => ({ type: `${'x'.repeat(2_000)}${i}` })),
				},
			},
		},
	});
}

let internet: FakeInternet;
let cleanup: () => Promise<void>;
let dataDir: string;
let result: VerifyResult;
const spec = hostileSpec();

beforeAll(async () => {
	internet = await startFakeInternet();
	internet.setSpec('hostile.json', spec);
	const made = await scenarioDataDir([
		{
			id: 'fr-hostile-spec',
			baseUrl: `${internet.http}/healthy`,
			spec: `${internet.http}/specs/hostile.json`,
		},
	]);
	dataDir = made.dir;
	cleanup = made.cleanup;
	result = await runVerify({
		dataDir,
		allowAddresses: ['127.0.0.1'],
		limits: { ...FAST_LIMITS, specBodyBytes: 4 * 1024 * 1024 },
		now: () => new Date(),
	});
}, 120_000);

afterAll(async () => {
	await internet?.close();
	await cleanup?.();
});

function expectWithin(value: string, max: number, what: string): void {
	expect(value.length, `${what} is ${value.length} characters`).toBeLessThanOrEqual(max);
}

describe('capturing a hostile spec served on loopback', () => {
	const file = () => join(dataDir, 'snapshots', 'fr-hostile-spec.json');

	it('is a spec of about a megabyte, read whole', () => {
		expect(Buffer.byteLength(spec)).toBeGreaterThan(900_000);
		expect(Buffer.byteLength(spec)).toBeLessThan(1_500_000);
		expect(result.status).toBe('completed');
	});

	it('writes a snapshot under the byte cap', async () => {
		expect((await stat(file())).size).toBeLessThanOrEqual(maxBytes);
	});

	it('keeps every captured string within its limit, cut ones ending in an ellipsis', async () => {
		const snapshot = SnapshotSchema.parse(JSON.parse(await readFile(file(), 'utf8')));
		const capture = snapshot.spec as SpecCapture;
		expect(capture).not.toBeNull();
		expect(capture.title).toBe(`${'T'.repeat(nameChars - 1)}…`);
		expectWithin(capture.version ?? '', typeChars, 'version');
		expect(capture.errors.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.errors);
		for (const error of capture.errors) expectWithin(error, errorChars, 'an error');
		expect(capture.parameters.length).toBeGreaterThan(0);
		for (const p of capture.parameters) {
			expectWithin(p.name, nameChars, 'a parameter name');
			expectWithin(p.operation, nameChars, 'an operation label');
			expectWithin(p.type, typeChars, 'a parameter type');
			expectWithin(p.description, descriptionChars, 'a parameter description');
			expect(p.name.endsWith('…')).toBe(true);
		}
		expect(capture.fields.length).toBeGreaterThan(0);
		for (const f of capture.fields) {
			expectWithin(f.name, nameChars, 'a field name');
			expectWithin(f.operation, nameChars, 'an operation label');
			expectWithin(f.type, typeChars, 'a field type');
			expectWithin(f.description, descriptionChars, 'a field description');
		}
	});

	it('marks the capture truncated, saying how many items the byte cap dropped', async () => {
		const capture = SnapshotSchema.parse(JSON.parse(await readFile(file(), 'utf8'))).spec;
		expect(capture?.truncated).toBe(true);
		expect(capture?.dropped?.fields).toBeGreaterThan(0);
		expect(capture?.dropped?.errors).toBe(0);
	});
});
