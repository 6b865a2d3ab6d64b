import {
	AXIS_NAMES,
	AXIS_WEIGHTS,
	LATEST_SHARE,
	MIN_UPTIME_NIGHTS,
	OUTCOME_POINTS,
} from './constants.ts';
import { type AxisScore, type ScoreInput, totalGain } from './types.ts';

function percent(ratio: number): string {
	return `${(Math.round(ratio * 1000) / 10).toString()}%`;
}

/**
 * Availability from measurement only. Latest outcome: up 100, degraded 60, down 0. Once at
 * least MIN_UPTIME_NIGHTS nights are counted, the score is LATEST_SHARE × latest +
 * (1 − LATEST_SHARE) × 30-day uptime. Never verified, or only inconclusive so far: no score.
 */
export function scoreAvailability(input: ScoreInput): AxisScore {
	const weight = AXIS_WEIGHTS.availability;
	const base = { axis: 'availability' as const, name: AXIS_NAMES.availability, weight };
	const { snapshot, uptime30 } = input;
	const uptimeKnown = uptime30.ratio !== null && uptime30.counted >= MIN_UPTIME_NIGHTS;
	const uptimeText = uptimeKnown
		? `30-day uptime ${percent(uptime30.ratio as number)} over ${uptime30.counted} checked nights`
		: undefined;
	if (!snapshot) {
		return {
			...base,
			score: null,
			reasons: [
				'Not yet verified: the register has not checked this record yet, so availability is not scored and the total is provisional.',
			],
			hints: [],
		};
	}
	if (snapshot.outcome === 'inconclusive') {
		if (!uptimeKnown) {
			return {
				...base,
				score: null,
				reasons: [
					`Latest verification inconclusive: ${snapshot.reason} No night measured yet, so availability is not scored.`,
				],
				hints: [],
			};
		}
		const score = Math.round((uptime30.ratio as number) * 100);
		return {
			...base,
			score,
			reasons: [
				`Latest verification inconclusive: ${snapshot.reason} Scored from the ${uptimeText}.`,
			],
			hints: [],
		};
	}
	const latest = OUTCOME_POINTS[snapshot.outcome];
	const lead =
		snapshot.outcome === 'up'
			? 'Latest verification succeeded.'
			: snapshot.outcome === 'degraded'
				? `Latest verification: degraded — ${snapshot.reason}`
				: `Latest verification failed: ${snapshot.reason}`;
	const score = uptimeKnown
		? Math.round(LATEST_SHARE * latest + (1 - LATEST_SHARE) * (uptime30.ratio as number) * 100)
		: latest;
	const reasons = [uptimeText ? `${lead} ${uptimeText}.` : lead];
	const hints =
		score < 100
			? [
					{
						axis: 'availability' as const,
						text: 'Keep the service answering every night (the score follows the measured uptime)',
						gain: totalGain(weight, 100 - score),
					},
				]
			: [];
	return { ...base, score, reasons, hints };
}
