import { describe, expect, it } from 'vitest';
import { scopeLabel } from '../../src/lib/register/labels.ts';

describe('scopeLabel', () => {
	it('says the tier of government and the country, national when the entry does not say', () => {
		expect(scopeLabel({ country: 'PL', level: 'local' })).toBe('Local · Poland');
		expect(scopeLabel({ country: 'NL', level: 'regional' })).toBe('Regional · Netherlands');
		expect(scopeLabel({ country: 'FR' })).toBe('National · France');
	});

	it('says European Union for an EU record, whatever its level', () => {
		expect(scopeLabel({ country: 'EU' })).toBe('European Union');
	});
});
