import type { Register } from './assemble-register.ts';
import { globalSlot } from './global-slot.ts';

/**
 * The register the pages were rendered from, handed to the build steps that run after them
 * (record JSON, badges, OG images) so a build holds one copy of it, not two: at 100,000 records
 * a copy is several gigabytes. Pages are prerendered in the build's own process, so a global
 * slot reaches the integration; where it does not (another process, or no page was rendered),
 * the integration loads the register from disk through the same loader and assembly.
 */
const slot = globalSlot<Promise<Register>>('c0mm0.register');

export function shareRegister(register: Promise<Register>): void {
	slot.set(register);
}

/** The shared register, once: the slot is emptied so a later build in this process loads anew. */
export function takeSharedRegister(): Promise<Register> | undefined {
	const register = slot.get();
	slot.set(undefined);
	return register;
}
