import { describe, expect, it, vi } from 'vitest';

describe('globalSlot', () => {
	it('hands a value set by one copy of the module to another copy', async () => {
		const first = await import('../../src/lib/register/global-slot.ts');
		vi.resetModules();
		const second = await import('../../src/lib/register/global-slot.ts');
		expect(second.globalSlot).not.toBe(first.globalSlot);
		first.globalSlot<number>('c0mm0.test.slot').set(42);
		expect(second.globalSlot<number>('c0mm0.test.slot').get()).toBe(42);
		expect(second.globalSlot<number>('c0mm0.test.other').get()).toBeUndefined();
		second.globalSlot<number>('c0mm0.test.slot').set(undefined);
		expect(first.globalSlot<number>('c0mm0.test.slot').get()).toBeUndefined();
	});
});
