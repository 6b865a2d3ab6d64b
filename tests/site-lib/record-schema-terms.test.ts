import { describe, expect, it } from 'vitest';
import { recordSchemaTerms } from '../../src/lib/search/record-search-data.ts';
import type { SpecCapture } from '../../src/schemas/snapshot.ts';

function recordWith(spec: Partial<SpecCapture>) {
	return {
		snapshot: {
			spec: { parameters: [], fields: [], ...spec },
		},
	} as never;
}

describe('recordSchemaTerms', () => {
	it('indexes every captured name, not only those of the detailed lists', () => {
		const terms = recordSchemaTerms(
			recordWith({
				fields: [{ name: 'id', type: 'string', description: '', operation: 'list' }],
				names: {
					parameters: ['query:siren', 'path:id', 'header:Authorization'],
					fields: ['id', 'lastOperationField', 'data.siret'],
				},
			}),
		);
		expect(terms).toEqual(['siren', 'id', 'lastOperationField', 'data.siret', 'data', 'siret']);
	});

	it('still reads captures made before the complete lists were kept', () => {
		const terms = recordSchemaTerms(
			recordWith({ fields: [{ name: 'name', type: 'string', description: '', operation: 'x' }] }),
		);
		expect(terms).toEqual(['name']);
	});
});
