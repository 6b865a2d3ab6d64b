import { globalSlot } from '../register/global-slot.ts';

/**
 * What the running build's pages need to know from the c0mm0() integration: the folder the
 * build writes to, for the incremental plan (build-plan.ts). Shared through a global slot, as
 * the integration and the pages run different copies of this module.
 */
export interface BuildState {
	/** The output folder Astro writes to (follows `--outDir`). */
	outDir: string;
}

const slot = globalSlot<BuildState>('c0mm0.build');

/** Called by the integration once Astro's config is final. */
export function startBuild(state: BuildState): void {
	slot.set(state);
}

/** The running build, or undefined outside one (tests, scripts). */
export function currentBuild(): BuildState | undefined {
	return slot.get();
}
