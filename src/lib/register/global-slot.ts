/**
 * A value the c0mm0() integration and the pages hand each other within one build. Pages are
 * prerendered in the build's own process, but from Astro's bundle of `src/` — a second copy of
 * every module, so a variable one copy sets is not the one the other reads. A slot sits on
 * `globalThis` under a registered symbol, which both copies reach; in memory, never through
 * `process.env`.
 */
export interface GlobalSlot<T> {
	get(): T | undefined;
	set(value: T | undefined): void;
}

export function globalSlot<T>(name: string): GlobalSlot<T> {
	const key = Symbol.for(name);
	const slots = globalThis as { [key]?: T | undefined };
	return {
		get: () => slots[key],
		set: (value) => {
			slots[key] = value;
		},
	};
}
