/**
 * What the running build's pages need to know from the c0mm0() integration: the folder the
 * build writes to, for the incremental plan (build-plan.ts). Pages are prerendered in the build's
 * own process, but from Astro's bundle of `src/` — a second copy of every module, so a variable
 * the integration sets in its own copy is not the one the pages read. The state sits in a global
 * slot instead (as the shared register does), in memory: nothing passes through `process.env`.
 */
const SLOT = Symbol.for('c0mm0.build');

export interface BuildState {
	/** The output folder Astro writes to (follows `--outDir`). */
	outDir: string;
}

type Slot = { [SLOT]?: BuildState | undefined };

/** Called by the integration once Astro's config is final. */
export function startBuild(state: BuildState): void {
	(globalThis as Slot)[SLOT] = state;
}

/** The running build, or undefined outside one (tests, scripts). */
export function currentBuild(): BuildState | undefined {
	return (globalThis as Slot)[SLOT];
}
