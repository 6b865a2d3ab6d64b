import type { HistoryDay, OutcomeLetter } from '../../schemas/history.ts';

/**
 * Uptime over a window of nights = nights up or degraded ÷ nights up, degraded or down.
 * Inconclusive nights (a challenge page, rate limiting, our own failure) and nights without a
 * check are left out of both counts; with no counted night there is no figure.
 */
export function uptimeOf(letters: readonly (OutcomeLetter | null)[]): {
	ratio: number | null;
	counted: number;
} {
	let up = 0;
	let counted = 0;
	for (const letter of letters) {
		if (letter === 'U' || letter === 'D') {
			up += 1;
			counted += 1;
		} else if (letter === 'X') {
			counted += 1;
		}
	}
	return { ratio: counted === 0 ? null : up / counted, counted };
}

export const UPTIME_FORMULA =
	'nights up or degraded ÷ nights up, degraded or down (inconclusive nights left out)';

/** One record's letters night by night over the given days (null where it was not checked). */
export function recordStrip(days: readonly HistoryDay[], id: string): (OutcomeLetter | null)[] {
	return days.map((day) => day.outcomes[id] ?? null);
}
