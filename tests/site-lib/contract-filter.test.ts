import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { recordFilters, searchFacets } from '../../src/lib/search/record-search-data.ts';
import { readSearchState } from '../../src/lib/search/search-params.ts';

function record(id: string, conforms: boolean | null | undefined): RegisterRecord {
	return {
		id,
		entry: { kind: 'api', access: 'open', country: 'FR', themes: [], licence: undefined },
		publisher: { name: 'DINUM' },
		score: { band: 'good' },
		listedBy: [],
		snapshot: {
			outcome: 'up',
			...(conforms === undefined ? {} : { contract: { conforms } }),
		},
	} as unknown as RegisterRecord;
}

describe('the "conforms to its contract" search filter', () => {
	it('files a record by how its last contract check judged the real answer', () => {
		expect(recordFilters(record('a', true)).contract).toEqual(['Conforms to its contract']);
		expect(recordFilters(record('b', false)).contract).toEqual(['Differs from its contract']);
	});

	it('leaves out records whose answer was not judged or never checked', () => {
		expect(recordFilters(record('c', null)).contract).toEqual([]);
		expect(recordFilters(record('d', undefined)).contract).toEqual([]);
	});

	it('offers the filter on the search page with its counts, and reads it from the URL', () => {
		const facet = searchFacets([record('a', true), record('e', true), record('b', false)]).find(
			(f) => f.key === 'contract',
		);
		expect(facet).toEqual({
			key: 'contract',
			label: 'Contract check',
			options: [
				{ value: 'Conforms to its contract', count: 2 },
				{ value: 'Differs from its contract', count: 1 },
			],
		});
		const state = readSearchState(new URLSearchParams('contract=Conforms+to+its+contract'));
		expect(state.filters.contract).toBe('Conforms to its contract');
	});
});
