import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ContractSection from '../../src/components/record/ContractSection.astro';
import type { ContractCheck } from '../../src/schemas/contract.ts';
import type { ApiEntry } from '../../src/schemas/entry.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import { contractCheck } from '../helpers/contract-fixtures.ts';

const entry: ApiEntry = {
	kind: 'api',
	id: 'fr-contract',
	title: 'Contract',
	summary: 'An open API whose answers the register checks against its spec.',
	country: 'FR',
	publisher: 'dinum',
	access: 'open',
	lang: 'en',
	baseUrl: 'https://api.example.gouv.fr/v2',
	spec: { url: 'https://api.example.gouv.fr/openapi.json', format: 'openapi' },
	added: '2026-11-01',
};

function snapshot(contract?: ContractCheck): Snapshot {
	return {
		id: entry.id,
		checkedAt: '2026-11-25T02:00:00.000Z',
		outcome: 'up',
		reason: 'The base URL answered 200.',
		lastUpAt: '2026-11-25T02:00:00.000Z',
		checks: [],
		spec: null,
		proofs: [],
		...(contract ? { contract } : {}),
	};
}

describe('ContractSection', async () => {
	const container = await AstroContainer.create();
	const render = async (s: Snapshot | null, e: typeof entry | object = entry) =>
		(
			await container.renderToString(ContractSection, {
				props: { record: { entry: e, snapshot: s } as never },
			})
		).replace(/\s+/g, ' ');

	it('says what was called and that the answer matches the published schema', async () => {
		const html = await render(snapshot(contractCheck({})));
		expect(html).toMatch(/<h2 id="contract"[^>]*>Contract check<\/h2>/);
		expect(html).toContain(
			'A real request to GET /v2/communes answered 200 in 143 ms; the answer matches the published schema.',
		);
		expect(html).toContain('https://api.example.gouv.fr/v2/communes');
	});

	it('lists the fields that differ from the schema, as a note', async () => {
		const html = await render(
			snapshot(
				contractCheck({
					conforms: false,
					violationCount: 12,
					violations: [
						{ path: '/0/name', message: "must have required property 'name'" },
						{ path: '/0/id', message: 'must be string' },
					],
				}),
			),
		);
		expect(html).toContain('answered 200 in 143 ms; 12 fields differ from the published schema:');
		expect(html).toMatch(/role="note"/);
		expect(html).toMatch(/<code[^>]*>\/0\/id<\/code> must be string/);
		expect(html).toContain('and 10 more');
	});

	it('says the whole answer differs when the status is one the spec does not declare', async () => {
		const html = await render(
			snapshot(
				contractCheck({
					status: 404,
					conforms: false,
					violationCount: 1,
					violations: [
						{
							path: '',
							message: 'answered 404, a status the spec does not declare for this operation',
						},
					],
				}),
			),
		);
		expect(html).toContain('answered 404 in 143 ms; the answer differs from the published schema:');
		expect(html).toContain('(the whole answer)');
	});

	it('says a failed request degrades the record', async () => {
		const html = await render(
			snapshot(
				contractCheck({
					status: 500,
					failed: true,
					conforms: null,
					note: 'answered 500: server error',
				}),
			),
		);
		expect(html).toContain(
			'A real request to GET /v2/communes answered 500 in 143 ms: server error. A failed request makes the record degraded.',
		);
		const timeout = await render(
			snapshot(
				contractCheck({
					status: null,
					error: 'timeout',
					failed: true,
					conforms: null,
					note: 'failed: no answer within the time limit',
				}),
			),
		);
		expect(timeout).toContain(
			'A real request to GET /v2/communes failed: no answer within the time limit.',
		);
	});

	it('says why no request was made', async () => {
		const html = await render(
			snapshot(
				contractCheck({
					skipped: 'not called: no safe operation: the spec has no GET operation',
					url: null,
					status: null,
				}),
			),
		);
		expect(html).toContain(
			'No real request was made: no safe operation: the spec has no GET operation.',
		);
	});

	it('escapes what the server and the spec chose', async () => {
		const html = await render(
			snapshot(
				contractCheck({
					conforms: false,
					violationCount: 1,
					violations: [{ path: '/<img src=x onerror=alert(1)>', message: 'must be string' }],
				}),
			),
		);
		expect(html).not.toContain('<img');
	});

	it('shows nothing for a dataset, and "not checked yet" for an API never verified', async () => {
		expect(await render(null, { ...entry, kind: 'dataset' })).not.toContain('Contract check');
		expect(await render(null)).toContain('Not checked yet');
	});
});
