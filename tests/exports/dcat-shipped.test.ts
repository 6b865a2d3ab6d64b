import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../src/lib/cli/data-dir.ts';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { registerFromDisk } from '../../src/lib/register/register-from-disk.ts';
import { dcatValidator, parseTurtle, turtleOf, validate } from './dcat-shacl.ts';

/**
 * The shipped catalog (data/, or C0MM0_DATA_DIR), loaded as the build loads it, written as the
 * build writes it and validated against the official shapes. About 10 s on two cores for the
 * 3,267 records of November 2026, most of it loading the register and validating.
 */
let register: Register;

beforeAll(async () => {
	register = await registerFromDisk(resolveDataDir());
}, 60_000);

describe('the DCAT-AP export of the shipped catalog', () => {
	it('has no violation of the official DCAT-AP 3.0.1 shapes', { timeout: 120_000 }, async () => {
		const graph = parseTurtle(await turtleOf(register));
		const summary = await validate(await dcatValidator(), graph);
		console.info(
			`DCAT-AP SHACL on the shipped catalog (${register.records.length} records, ${graph.size} quads): conforms ${summary.conforms}, ${summary.focusNodes} focus nodes, ${summary.results} results, ${summary.violations.length} violations, ${summary.warnings} warnings`,
		);
		expect(summary.violations.slice(0, 20)).toEqual([]);
		expect(summary.focusNodes).toBeGreaterThan(register.records.length);
	});
});
