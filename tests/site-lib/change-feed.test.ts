import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { changeFeedItems } from '../../src/lib/site/change-feed.ts';
import type { Change } from '../../src/schemas/history.ts';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;

describe('the changes feed', () => {
	const changes: Change[] = [
		{
			type: 'schema',
			id: 'fr-a',
			at: at(23),
			added: { parameters: ['query:siret'], fields: [] },
			removed: { parameters: [], fields: ['old'] },
		},
		{ type: 'outcome', id: 'fr-a', at: at(22), from: 'up', to: 'down' },
		{ type: 'outcome', id: 'fr-b', at: at(21), from: null, to: 'up' },
		{ type: 'spec-validity', id: 'fr-b', at: at(20), from: true, to: false },
	];
	const record = {
		entry: { title: 'API A' },
		snapshot: { reason: 'The base URL answered 500: server error.' },
	} as unknown as RegisterRecord;
	const items = changeFeedItems({ changes, byId: new Map([['fr-a', record]]) });

	it('lists changes newest first, leaving out first checks', () => {
		expect(items.map((i) => i.title)).toEqual([
			'API A: schema changed: +parameter query:siret, −field old',
			'API A: up → down',
			'fr-b: spec became invalid',
		]);
	});

	it('links each item to its record and dates it', () => {
		expect(items[1]).toMatchObject({
			link: '/records/fr-a/',
			pubDate: new Date(at(22)),
			description: 'up → down. The base URL answered 500: server error.',
		});
	});
});
