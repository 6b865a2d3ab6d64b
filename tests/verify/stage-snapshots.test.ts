import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/lib/state/snapshot-store.ts';
import { openStaging } from '../../src/lib/verify/stage-snapshots.ts';
import { SNAPSHOT_LIMITS, type Snapshot } from '../../src/schemas/snapshot.ts';

const NOW = '2026-11-25T02:00:00.000Z';

/**
 * A snapshot whose spec lists are within their caps but whose text is over the byte cap: every
 * field's strings are control characters, which JSON writes as six bytes each.
 */
function overTheByteCap(sha: string): Snapshot {
	const control = (n: number) => '\u0001'.repeat(n);
	return {
		id: 'fr-hostile',
		checkedAt: NOW,
		outcome: 'up',
		reason: 'The base URL answered 200.',
		lastUpAt: NOW,
		checks: [],
		spec: {
			url: 'https://api.example.gouv.fr/openapi.json',
			format: 'openapi',
			version: '3.0.3',
			title: 'Hostile',
			valid: true,
			errors: [],
			sha256: sha.repeat(64),
			bytes: 1234,
			operations: 1,
			parameters: [],
			fields: Array.from({ length: SNAPSHOT_LIMITS.fields }, (_, i) => ({
				name: `field${i}`,
				type: control(SNAPSHOT_LIMITS.typeChars),
				description: control(SNAPSHOT_LIMITS.descriptionChars),
				operation: control(SNAPSHOT_LIMITS.nameChars),
			})),
			truncated: false,
			capturedAt: NOW,
			fetchError: null,
		},
		proofs: [],
	};
}

const dirs: string[] = [];
afterEach(async () => {
	for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('a staged snapshot', () => {
	it('reports no schema change for the fields the byte cap dropped last night too', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'c0mm0-staging-'));
		dirs.push(dir);
		const first = await openStaging(dir);
		first.publish(overTheByteCap('a'), null);
		await first.moveIntoPlace(['fr-hostile']);
		await first.discard();
		const read = readSnapshot(dir, 'fr-hostile');
		if (!('snapshot' in read)) throw new Error('last night not read back');
		// The premise: the cap dropped fields from last night's file.
		expect(read.snapshot.spec?.dropped?.fields).toBeGreaterThan(0);

		// Tonight the spec's bytes changed (another hash) but not its fields.
		const second = await openStaging(dir);
		const summary = second.publish(overTheByteCap('b'), read.snapshot);
		await second.discard();
		expect(summary.changes).toEqual([]);
	});
});
