import type { Outcome } from '../../schemas/snapshot.ts';
import type { RegisterRecord } from '../register/assemble-register.ts';
import type { Band } from '../score/constants.ts';

/** What a badge reports: the latest outcome, or `unverified` when the record was never checked. */
export type BadgeState = Outcome | 'unverified';

/** The few facts of a record that its badges show. */
export interface BadgeFacts {
	id: string;
	/** The entry's title, as written: escape before use. */
	title: string;
	state: BadgeState;
	/** Quality score, 0–100. */
	total: number;
	band: Band;
	/** The score could not measure every axis yet (a record never verified). */
	provisional: boolean;
	/** Share of the last 30 nights the record answered; null when no night was counted. */
	uptime30: number | null;
}

export function badgeFactsOf(record: RegisterRecord): BadgeFacts {
	return {
		id: record.id,
		title: record.entry.title,
		state: record.snapshot?.outcome ?? 'unverified',
		total: record.score.total,
		band: record.score.band,
		provisional: record.score.provisional,
		uptime30: record.history.uptime30.ratio,
	};
}
