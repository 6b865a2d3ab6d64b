import type { Entry } from '../../schemas/entry.ts';
import type { RegisterPublisher } from '../../schemas/publisher.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import type { Axis, Band, ProofSignal } from './constants.ts';

/** Everything the score is computed from: what was declared, and what was measured. */
export interface ScoreInput {
	entry: Entry;
	/** The markdown description. */
	description: string;
	/** Reviewed, or named only by an imported catalogue (no official domains on record). */
	publisher: RegisterPublisher;
	/** The latest snapshot; null when the record was never verified. */
	snapshot: Snapshot | null;
	/** Uptime over the last 30 nights; null ratio when no night was counted. */
	uptime30: { ratio: number | null; counted: number };
}

/** Something the publisher (or an editor) could do, and the total points it would add. */
export interface Hint {
	axis: Axis;
	text: string;
	gain: number;
}

export interface AxisScore {
	axis: Axis;
	name: string;
	weight: number;
	/** 0–100, or null when it cannot be measured yet (availability of a never-verified record). */
	score: number | null;
	/** Why, point by point, in sentences a publisher can check. */
	reasons: string[];
	hints: Hint[];
}

export type ProofStatus = 'earned' | 'unconfirmed' | 'refuted' | 'not-claimed';

export interface ProofEvidence {
	signal: ProofSignal;
	name: string;
	earned: boolean;
	status: ProofStatus;
	/** What backs it, or what is missing: "official domain (gouv.fr: https://api.gouv.fr/…)". */
	evidence: string;
	/** For earned signals, the short form shown in a record's proof line: "official domain (gouv.fr)". */
	summary?: string;
	/** The URL the evidence points at, when there is one. */
	url?: string | undefined;
}

export type ProofTier =
	| 'government verified'
	| 'publisher verified'
	| 'catalogue listed'
	| 'unverified';

export interface RecordScore {
	/** Rounded weighted total, 0–100. */
	total: number;
	/** True when an axis could not be measured yet and the total is re-weighted over the others. */
	provisional: boolean;
	band: Band;
	tier: ProofTier;
	axes: AxisScore[];
	proofs: ProofEvidence[];
	/** Every hint, largest gain first. */
	hints: Hint[];
}

/** Total points an axis improvement of `axisPoints` would add. */
export function totalGain(weight: number, axisPoints: number): number {
	return Math.round(((weight * axisPoints) / 100) * 10) / 10;
}
