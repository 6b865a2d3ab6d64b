import type { ContractCheck } from '../../src/schemas/contract.ts';

/** A contract check whose answer matched its schema, with `fields` on top. */
export function contractCheck(fields: Partial<ContractCheck> = {}): ContractCheck {
	return {
		operation: 'GET /v2/communes',
		url: 'https://api.example.gouv.fr/v2/communes',
		status: 200,
		ms: 143,
		contentType: 'application/json',
		bytes: 5120,
		error: null,
		failed: false,
		conforms: true,
		violations: [],
		violationCount: 0,
		skipped: null,
		note: 'answered 200; the answer matches the published schema',
		...fields,
	};
}
