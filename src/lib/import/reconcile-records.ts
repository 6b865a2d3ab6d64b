import type { ImportedRecord } from '../../schemas/imported.ts';
import { isoDateDaysBefore } from '../state/history-store.ts';

export interface ReconcileCounts {
	added: number;
	updated: number;
	delisted: number;
	removed: number;
}

/**
 * What a night changes in a record. Provenance holds no "last seen" date on purpose: it would
 * rewrite every line of every source each night (and re-render every imported page); the source's
 * state.json says when it was last imported.
 */
function changed(before: ImportedRecord, after: ImportedRecord): boolean {
	return JSON.stringify(before) !== JSON.stringify(after);
}

/**
 * Tonight's records against the previous import: new ones are added, changed ones updated, and
 * one the source no longer lists is kept, marked delisted tonight, until it has been delisted for
 * more than `delistedDays` — then it is removed. A delisted record listed again is back to normal.
 */
export function reconcileRecords(
	previous: readonly ImportedRecord[],
	tonight: readonly ImportedRecord[],
	today: string,
	delistedDays: number,
): { records: ImportedRecord[]; counts: ReconcileCounts } {
	const counts: ReconcileCounts = { added: 0, updated: 0, delisted: 0, removed: 0 };
	const before = new Map(previous.map((r) => [r.provenance.sourceId, r]));
	const listed = new Set<string>();
	const records: ImportedRecord[] = [];
	for (const record of tonight) {
		listed.add(record.provenance.sourceId);
		const old = before.get(record.provenance.sourceId);
		if (!old) counts.added += 1;
		else if (changed(old, record)) counts.updated += 1;
		records.push(record);
	}
	for (const old of previous) {
		if (listed.has(old.provenance.sourceId)) continue;
		const since = old.provenance.delistedAt;
		if (since === undefined) {
			counts.delisted += 1;
			records.push({ ...old, provenance: { ...old.provenance, delistedAt: today } });
		} else if (since < isoDateDaysBefore(today, delistedDays)) {
			// Delisted for more than delistedDays (ISO dates compare as text).
			counts.removed += 1;
		} else {
			records.push(old);
		}
	}
	return { records, counts };
}

/** Records the source listed at its last run (delisted ones no longer count). */
export function listedCount(records: readonly ImportedRecord[]): number {
	return records.filter((r) => r.provenance.delistedAt === undefined).length;
}
