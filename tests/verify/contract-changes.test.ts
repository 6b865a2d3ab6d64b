import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { changeFeedItems } from '../../src/lib/site/change-feed.ts';
import { diffSnapshots } from '../../src/lib/verify/changes.ts';
import type { ContractCheck } from '../../src/schemas/contract.ts';
import { ChangeSchema } from '../../src/schemas/history.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import { contractCheck } from '../helpers/contract-fixtures.ts';

const night = (day: number, check?: ContractCheck): Snapshot => ({
	id: 'fr-api',
	checkedAt: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`,
	outcome: 'up',
	reason: 'The base URL answered 200.',
	lastUpAt: null,
	checks: [],
	spec: null,
	proofs: [],
	...(check ? { contract: check } : {}),
});

const violating = contractCheck({
	conforms: false,
	violations: [{ path: '/id', message: 'must be string' }],
	violationCount: 1,
});

describe('conformance in the change feed', () => {
	it('records a change when the answer stops matching its schema, and when it matches again', () => {
		const broke = diffSnapshots(night(1, contractCheck({})), night(2, violating));
		expect(broke).toEqual([
			{ type: 'contract', id: 'fr-api', at: '2026-11-02T02:00:00.000Z', from: true, to: false },
		]);
		expect(ChangeSchema.parse(broke[0])).toEqual(broke[0]);
		expect(diffSnapshots(night(2, violating), night(3, contractCheck({})))).toMatchObject([
			{ type: 'contract', from: false, to: true },
		]);
	});

	it('records nothing when conformance is unchanged, or when either night could not judge it', () => {
		expect(diffSnapshots(night(1, contractCheck({})), night(2, contractCheck({ ms: 90 })))).toEqual(
			[],
		);
		const failedCall = contractCheck({ status: 500, failed: true, conforms: null });
		expect(diffSnapshots(night(1, contractCheck({})), night(2, failedCall))).toEqual([]);
		expect(diffSnapshots(night(2, failedCall), night(3, violating))).toEqual([]);
		expect(diffSnapshots(night(1), night(2, violating))).toEqual([]);
	});

	it('says what happened in the feed, in the register’s own words', () => {
		const record = { entry: { title: 'API A' }, snapshot: null } as unknown as RegisterRecord;
		const items = changeFeedItems({
			changes: [
				{ type: 'contract', id: 'fr-api', at: '2026-11-02T02:00:00.000Z', from: true, to: false },
			],
			byId: new Map([['fr-api', record]]),
		});
		expect(items.map((i) => [i.title, i.description])).toEqual([
			[
				'API A: the answer no longer matches its published schema',
				'the answer no longer matches its published schema.',
			],
		]);
	});
});
