import type { ImportState } from '../../schemas/imported.ts';
import type { Listing } from '../register/assemble-register.ts';

/**
 * The words the sources pages and record pages use for imports: how a source's last run went,
 * and a record's listing in a catalogue. One place, so /sources/ and a record page agree.
 */

const IMPORT_OUTCOME_LABELS: Readonly<Record<ImportState['lastOutcome'], string>> = {
	imported: 'Imported',
	unchanged: 'Unchanged since the last import',
	failed: 'Failed — previous import kept',
	collapsed: 'Far fewer records than last time — previous import kept',
};

/** "Never run", or the outcome with its consecutive failures. */
export function lastOutcomeText(state: ImportState | null): string {
	if (!state) return 'Not imported yet — first harvest at the nightly run';
	const label = IMPORT_OUTCOME_LABELS[state.lastOutcome];
	return state.failures > 0
		? `${label} (${state.failures} failed run${state.failures === 1 ? '' : 's'} in a row)`
		: label;
}

/** "delisted by data.gv.at on 2026-11-20", or nothing while the catalogue lists it. */
export function delistingNotice(listing: Listing): string | undefined {
	return listing.delistedAt === undefined
		? undefined
		: `Delisted by ${listing.name} on ${listing.delistedAt}`;
}
