import { describe, expect, it } from 'vitest';
import { readSpecText } from '../../src/lib/verify/openapi/parse-spec-text.ts';

/** Nine levels of ten aliases each: a billion strings once expanded. */
function billionLaughs(): string {
	const lines = ['openapi: 3.0.3', 'a0: &a0 "lol"'];
	for (let level = 1; level <= 9; level++) {
		const refs = Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ');
		lines.push(`a${level}: &a${level} [${refs}]`);
	}
	lines.push('paths: *a9');
	return `${lines.join('\n')}\n`;
}

describe('readSpecText', () => {
	it('says which reader read the text', () => {
		expect(readSpecText('{"openapi": "3.0.3"}').parser).toBe('json');
		expect(readSpecText('openapi: 3.0.3\ninfo:\n  version: 2024-01-01\n')).toEqual({
			// Core schema: a date stays text, as in a JSON spec.
			document: { openapi: '3.0.3', info: { version: '2024-01-01' } },
			parser: 'js-yaml',
		});
	});

	it('reads the aliases and merge keys real specs use', () => {
		const text =
			'base: &base\n  type: object\n  description: shared\nderived:\n  <<: *base\n  title: x\nsame: *base\n';
		expect(readSpecText(text)).toEqual({
			document: {
				base: { type: 'object', description: 'shared' },
				derived: { type: 'object', description: 'shared', title: 'x' },
				same: { type: 'object', description: 'shared' },
			},
			parser: 'js-yaml',
		});
	});

	it('refuses an alias expansion bomb at once instead of handing it on', () => {
		const started = performance.now();
		expect(() => readSpecText(billionLaughs())).toThrow();
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});
