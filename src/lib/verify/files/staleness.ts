import { type FrequencyCode, frequencyDays } from '../../vocab/frequencies.ts';

/**
 * A file is stale when it is older than twice its declared update period: one late or skipped
 * update is forgiven (a monthly file is 35 days old when June's is a few days late), two are not.
 */
export const STALE_AFTER_PERIODS = 2;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Last-Modified as an ISO date-time, or null when absent or not a date. */
export function lastModifiedOf(header: string | undefined): string | null {
	if (!header) return null;
	const time = Date.parse(header);
	return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** The file's age in whole days, and whether its declared frequency says it is overdue. */
export function judgeAge(
	lastModified: string | null,
	frequency: FrequencyCode | undefined,
	now: Date,
): { ageDays: number | null; stale: boolean | null } {
	if (lastModified === null) return { ageDays: null, stale: null };
	const ageMs = now.getTime() - Date.parse(lastModified);
	const ageDays = Math.floor(ageMs / DAY_MS);
	const period = frequency ? frequencyDays(frequency) : null;
	return { ageDays, stale: period === null ? null : ageMs > period * STALE_AFTER_PERIODS * DAY_MS };
}
