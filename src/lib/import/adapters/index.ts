import { SOURCE_ADAPTERS, type SourceAdapter } from '../../../schemas/source.ts';
import { type Adapter, SourceFailure } from '../adapter.ts';

/**
 * The adapters, by the name a source file gives in `adapter:` — a registry table, as APIs.guru
 * keeps its spec sources. Each module `./<name>.ts` exports `adapter: Adapter` and is loaded only
 * when a source needs it, so one broken or missing adapter fails its sources, never the night.
 */
export type AdapterLoader = (name: SourceAdapter) => Promise<Adapter>;

const loadModule = (name: SourceAdapter): Promise<{ adapter?: unknown }> =>
	// The name is one of SOURCE_ADAPTERS (checked by loadAdapter); Vite need not bundle these, Node loads them.
	import(/* @vite-ignore */ `./${name}.ts`);

export const loadAdapter: AdapterLoader = async (name) => {
	if (!(SOURCE_ADAPTERS as readonly string[]).includes(name)) {
		throw new SourceFailure(`no adapter is called ${name}`);
	}
	let module: { adapter?: unknown };
	try {
		module = await loadModule(name);
	} catch (error) {
		throw new SourceFailure(
			`the ${name} adapter could not be loaded (src/lib/import/adapters/${name}.ts): ${(error as Error).message}`,
			{ cause: error },
		);
	}
	if (typeof module.adapter !== 'function') {
		throw new SourceFailure(`src/lib/import/adapters/${name}.ts exports no adapter function`);
	}
	return module.adapter as Adapter;
};
