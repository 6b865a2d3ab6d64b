import { HarvestedRecordSchema, type HarvestItem } from '../../../schemas/imported.ts';
import type { AdapterContext } from '../adapter.ts';

/**
 * Handing records over to the pipeline, the same for every adapter: a record goes out only once
 * it fits the harvest schema (whatever a source sends, an adapter never yields something the
 * pipeline refuses), and no more records than the run and the source allow.
 */

/**
 * The record when it fits the harvest schema, else a skip naming the first field at fault (an id
 * past 500 characters, a list past its cap…): that record is lost, the rest of the source is not.
 */
export function harvested(candidate: Record<string, unknown>): HarvestItem {
	const parsed = HarvestedRecordSchema.safeParse(candidate);
	if (parsed.success) return { record: parsed.data };
	const issue = parsed.error.issues[0];
	const sourceId =
		typeof candidate.sourceId === 'string' ? candidate.sourceId.slice(0, 500) : undefined;
	return {
		skipped: {
			...(sourceId ? { sourceId } : {}),
			field: issue?.path.join('.') || 'record',
			reason: (issue?.message ?? 'does not fit the harvest schema').slice(0, 200),
		},
	};
}

/** The most records an adapter may yield: the run's limit, lowered by the source's own filter. */
export function recordLimit(context: AdapterContext): number {
	return Math.min(context.limits.maxRecords, context.source.filters?.maxRecords ?? Infinity);
}
