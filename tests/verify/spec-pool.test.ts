import { describe, expect, it } from 'vitest';
import { VERIFY_DEFAULTS } from '../../src/lib/verify/constants.ts';
import { createSpecPool } from '../../src/lib/verify/openapi/spec-pool.ts';
import { SWAGGER2_SPEC } from '../helpers/fake-internet.ts';

/** A large but valid spec: many operations with big inline schemas. */
function hugeSpec(operations: number): string {
	const properties = Object.fromEntries(
		Array.from({ length: 200 }, (_, i) => [
			`p${i}`,
			{ type: 'string', description: 'x'.repeat(200) },
		]),
	);
	const paths = Object.fromEntries(
		Array.from({ length: operations }, (_, i) => [
			`/r${i}`,
			{
				get: {
					responses: {
						200: {
							description: 'ok',
							content: { 'application/json': { schema: { type: 'object', properties } } },
						},
					},
				},
			},
		]),
	);
	return JSON.stringify({ openapi: '3.0.3', info: { title: 'Huge', version: '1' }, paths });
}

const gate = { allowPrivate: false, allowAddresses: [] };

describe('spec worker pool', () => {
	it('captures a spec in a worker', async () => {
		const pool = createSpecPool(VERIFY_DEFAULTS);
		const result = await pool.run({
			url: 'https://api.example.org/swagger.json',
			text: SWAGGER2_SPEC,
			gate,
			limits: VERIFY_DEFAULTS,
		});
		await pool.close();
		expect(result).toMatchObject({ readable: true, valid: true, errors: [] });
		expect(result.schema?.parameters).toHaveLength(2);
	});

	it('records a spec that outruns its deadline, and keeps serving the next one', async () => {
		const limits = { ...VERIFY_DEFAULTS, specTimeoutMs: 1 };
		const pool = createSpecPool(limits);
		const slow = await pool.run({
			url: 'https://api.example.org/huge.json',
			text: hugeSpec(300),
			gate,
			limits,
		});
		expect(slow).toEqual({
			readable: false,
			valid: false,
			errors: ['processing the spec took longer than 0.001 s'],
			schema: null,
		});
		await pool.close();
	});

	it('records a spec that needs more memory than allowed, without crashing the run', async () => {
		const limits = { ...VERIFY_DEFAULTS, specHeapMb: 64 };
		const pool = createSpecPool(limits);
		const big = await pool.run({
			url: 'https://api.example.org/huge.json',
			text: hugeSpec(400),
			gate,
			limits,
		});
		expect(big).toEqual({
			readable: false,
			valid: false,
			errors: ['processing the spec needed more than 64 MB'],
			schema: null,
		});
		const after = await pool.run({
			url: 'https://api.example.org/swagger.json',
			text: SWAGGER2_SPEC,
			gate,
			limits,
		});
		expect(after.valid).toBe(true);
		await pool.close();
	}, 60_000);
});
