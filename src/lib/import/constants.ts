import type { ImportLimits } from './adapter.ts';

/** Every limit and threshold of the importer, in one place. Tests shrink them; the nightly run uses these. */
export const IMPORT_DEFAULTS = {
	/** Pages read from one endpoint at most: endless paging stops here, as a failure. */
	maxPages: 5_000,
	/** Records taken from one source at most (a source's own maxRecords filter may lower it). */
	maxRecords: 500_000,
	/** Bytes of one page or file, decompressed. */
	maxPageBytes: 64 * 1024 * 1024,
	/** A whole source's run, every page included. */
	sourceDeadlineMs: 20 * 60 * 1000,
	/** The whole night's import: sources not started by then keep their previous import. */
	runBudgetMs: 100 * 60 * 1000,
	/** A source yielding fewer than this share of its previous (non-delisted) records has collapsed. */
	collapseShare: 0.8,
	/** …when it had at least this many records before. */
	collapseMinRecords: 10,
	/** Days a record the source no longer lists is kept, marked delisted. */
	delistedDays: 30,
	/** Skipped records remembered in state.json and printed in the summary. */
	skippedKept: 100,
	skippedPrinted: 5,
} as const;

export function importLimits(maxRecords?: number): ImportLimits {
	return {
		maxPages: IMPORT_DEFAULTS.maxPages,
		maxRecords: Math.min(maxRecords ?? Number.POSITIVE_INFINITY, IMPORT_DEFAULTS.maxRecords),
		maxPageBytes: IMPORT_DEFAULTS.maxPageBytes,
	};
}
