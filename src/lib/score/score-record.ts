import { BANDS, type Band } from './constants.ts';
import { scoreAgentReadiness } from './score-agent-readiness.ts';
import { scoreAvailability } from './score-availability.ts';
import { scoreLicence } from './score-licence.ts';
import { scoreMetadata } from './score-metadata.ts';
import { scoreOfficialness } from './score-officialness.ts';
import type { AxisScore, RecordScore, ScoreInput } from './types.ts';

export function bandOf(total: number): Band {
	return BANDS.find((b) => total >= b.min)?.name ?? 'poor';
}

/**
 * The weighted total of the axes, rounded. When an axis cannot be measured yet (availability of
 * a record never verified), the total is re-weighted over the others and marked provisional.
 */
export function combineAxes(axes: readonly AxisScore[]): { total: number; provisional: boolean } {
	let points = 0;
	let weights = 0;
	for (const axis of axes) {
		if (axis.score === null) continue;
		points += axis.weight * axis.score;
		weights += axis.weight;
	}
	return { total: weights === 0 ? 0 : Math.round(points / weights), provisional: weights < 100 };
}

/** The quality score of one record: pure, from its entry, publisher, snapshot and uptime. */
export function scoreRecord(input: ScoreInput): RecordScore {
	const officialness = scoreOfficialness(input);
	const axes = [
		officialness.axis,
		scoreAvailability(input),
		scoreMetadata(input),
		scoreLicence(input),
		scoreAgentReadiness(input),
	];
	const { total, provisional } = combineAxes(axes);
	return {
		total,
		provisional,
		band: bandOf(total),
		tier: officialness.tier,
		axes,
		proofs: officialness.proofs,
		hints: axes.flatMap((a) => a.hints).sort((a, b) => b.gain - a.gain),
	};
}
