import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clipText } from '../../src/lib/state/cap-snapshot.ts';
import {
	readSnapshot,
	serializeSnapshot,
	snapshotPath,
	writeSnapshot,
	writeSnapshots,
} from '../../src/lib/state/snapshot-store.ts';
import {
	SNAPSHOT_LIMITS,
	type Snapshot,
	SnapshotSchema,
	type SpecCapture,
} from '../../src/schemas/snapshot.ts';

const { maxBytes, nameChars, typeChars, descriptionChars, errorChars } = SNAPSHOT_LIMITS;
const NOW = '2026-11-25T02:00:00.000Z';

function capture(overrides: Partial<SpecCapture> = {}): SpecCapture {
	return {
		url: 'https://api.example.gouv.fr/openapi.json',
		format: 'openapi',
		version: '3.0.3',
		title: 'Example',
		valid: true,
		errors: [],
		sha256: 'a'.repeat(64),
		bytes: 1234,
		operations: 1,
		parameters: [],
		fields: [],
		truncated: false,
		capturedAt: NOW,
		fetchError: null,
		...overrides,
	};
}

function snapshot(spec: SpecCapture | null): Snapshot {
	return {
		id: 'fr-example',
		checkedAt: NOW,
		outcome: 'up',
		reason: 'The base URL answered 200.',
		lastUpAt: NOW,
		checks: [],
		spec,
		proofs: [],
	};
}

/**
 * A capture already within every string and list cap, and still far over the byte cap: names of
 * control characters, which JSON writes as six bytes each (\u0001), in every slot.
 */
function escapedToTheHilt(): SpecCapture {
	const control = (n: number) => '\u0001'.repeat(n);
	return capture({
		errors: Array.from({ length: SNAPSHOT_LIMITS.errors }, () => control(errorChars)),
		parameters: Array.from({ length: SNAPSHOT_LIMITS.parameters }, (_, i) => ({
			name: `${i}${control(nameChars - 4)}`,
			in: 'query',
			type: control(typeChars),
			description: control(descriptionChars),
			required: false,
			operation: control(nameChars),
			operations: 1,
		})),
		fields: Array.from({ length: SNAPSHOT_LIMITS.fields }, (_, i) => ({
			name: `${i}${control(nameChars - 4)}`,
			type: control(typeChars),
			description: control(descriptionChars),
			operation: control(nameChars),
		})),
	});
}

const dirs: string[] = [];
afterEach(async () => {
	for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-store-'));
	dirs.push(dir);
	return dir;
}

describe('clipText', () => {
	it('keeps a string within the cap as it is', () => {
		expect(clipText('siret', 5)).toBe('siret');
	});

	it('cuts a longer one to the cap, ending with an ellipsis', () => {
		expect(clipText('abcdefgh', 5)).toBe('abcd…');
	});

	it('never leaves half of a surrogate pair before the ellipsis', () => {
		expect(clipText('ab😀😀😀', 4)).toBe('ab…');
	});
});

describe('serializeSnapshot', () => {
	it('writes a snapshot within the caps unchanged, without a dropped marker', () => {
		const small = snapshot(
			capture({ fields: [{ name: 'id', type: 'string', description: '', operation: 'list' }] }),
		);
		const text = serializeSnapshot(small);
		expect(text).toBe(`${JSON.stringify(SnapshotSchema.parse(small), null, 2)}\n`);
		expect(text).not.toContain('dropped');
	});

	it('clips every captured string handed to it, whatever wrote the capture', () => {
		const long = 'x'.repeat(10_000);
		const text = serializeSnapshot(
			snapshot(
				capture({
					title: long,
					version: long,
					errors: [long],
					fetchError: long,
					parameters: [
						{
							name: long,
							in: 'query',
							type: long,
							description: long,
							required: false,
							operation: long,
							operations: 1,
						},
					],
					fields: [{ name: long, type: long, description: long, operation: long }],
				}),
			),
		);
		const spec = SnapshotSchema.parse(JSON.parse(text)).spec;
		expect(spec?.title).toHaveLength(nameChars);
		expect(spec?.title.endsWith('…')).toBe(true);
		expect(spec?.version).toHaveLength(typeChars);
		expect(spec?.errors[0]).toHaveLength(errorChars);
		expect(spec?.fetchError).toHaveLength(errorChars);
		expect(spec?.parameters[0]).toMatchObject({
			name: expect.stringMatching(/^x{199}…$/),
			type: expect.stringMatching(/^x{99}…$/),
		});
		expect(spec?.parameters[0]?.description).toHaveLength(descriptionChars);
		expect(spec?.parameters[0]?.operation).toHaveLength(nameChars);
		expect(spec?.fields[0]?.name).toHaveLength(nameChars);
		expect(spec?.fields[0]?.type).toHaveLength(typeChars);
	});

	it('drops list items from the end until the file fits the byte cap, and says how many', () => {
		const hostile = snapshot(escapedToTheHilt());
		// The premise: without the byte cap this snapshot would be several megabytes.
		expect(Buffer.byteLength(JSON.stringify(hostile, null, 2))).toBeGreaterThan(3 * maxBytes);

		const text = serializeSnapshot(hostile);
		expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes);
		expect(text.endsWith('}\n')).toBe(true);
		const spec = SnapshotSchema.parse(JSON.parse(text)).spec;
		if (!spec?.dropped) throw new Error('no dropped marker');
		expect(spec.truncated).toBe(true);
		// Fields go first, then parameters; errors are kept while anything else can go.
		expect(spec.dropped.fields).toBe(SNAPSHOT_LIMITS.fields);
		expect(spec.dropped.errors).toBe(0);
		expect(spec.parameters.length + spec.dropped.parameters).toBe(SNAPSHOT_LIMITS.parameters);
		expect(spec.parameters.length).toBeGreaterThan(0);
		// What is kept is the head of each list, in order.
		expect(spec.parameters.map((p) => p.name.split('\u0001')[0])).toEqual(
			spec.parameters.map((_, i) => `${i}`),
		);
		// As many as fit: one more parameter would not.
		const oneMore = serializeSnapshot({
			...hostile,
			spec: {
				...escapedToTheHilt(),
				fields: [],
				parameters: escapedToTheHilt().parameters.slice(0, spec.parameters.length + 1),
			},
		});
		expect(SnapshotSchema.parse(JSON.parse(oneMore)).spec?.dropped?.parameters).toBe(1);
	});

	it('keeps the schema key order, the marker sitting after truncated', () => {
		const text = serializeSnapshot(snapshot(escapedToTheHilt()));
		const keys = Object.keys(JSON.parse(text).spec);
		expect(keys.slice(keys.indexOf('truncated'), keys.indexOf('truncated') + 3)).toEqual([
			'truncated',
			'dropped',
			'capturedAt',
		]);
	});
});

describe('the snapshot files on disk', () => {
	it('are never over the byte cap, through writeSnapshot or writeSnapshots', async () => {
		const dir = await tempDir();
		const hostile = snapshot(escapedToTheHilt());
		await writeSnapshot(dir, hostile);
		const one = readSnapshot(dir, hostile.id);
		if (!('snapshot' in one)) throw new Error('not read back');
		expect(one.snapshot.spec?.dropped).toBeDefined();

		await writeSnapshots(dir, [{ ...hostile, id: 'fr-other' }]);
		const other = readSnapshot(dir, 'fr-other');
		expect('snapshot' in other && other.snapshot.spec?.truncated).toBe(true);
	});

	it('refuses to read a file over the byte cap, naming it', async () => {
		const dir = await tempDir();
		const file = snapshotPath(dir, 'fr-example');
		await writeSnapshot(dir, snapshot(null));
		const padded = JSON.stringify({ ...snapshot(null), reason: 'r'.repeat(maxBytes) });
		await writeFile(file, padded);
		const read = readSnapshot(dir, 'fr-example');
		expect(read).toEqual({
			problem: expect.objectContaining({
				file,
				message: `is ${Buffer.byteLength(padded)} bytes, over the ${maxBytes}-byte cap of a snapshot`,
			}),
		});
	});
});
