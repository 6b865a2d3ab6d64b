import { distance } from 'fastest-levenshtein';

/** The candidate nearest to `input` (case-insensitive), if it is near enough to be a typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
	const lower = input.toLowerCase();
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		const d = distance(lower, candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return bestDistance <= Math.max(1, Math.floor(lower.length / 3)) ? best : undefined;
}
