import type { VerifyLimits } from './constants.ts';
import type { RecordSummary } from './report.ts';

/**
 * When nearly every record of a large enough run failed the same way (all timeouts, all DNS
 * failures…), the fault is in the checker's network, not in the register. Returns a description
 * of that common failure, or undefined when the run looks trustworthy.
 */
export function findCommonFailure(
	snapshots: readonly RecordSummary[],
	limits: Pick<VerifyLimits, 'sanityMinRecords' | 'sanityFailureShare'>,
): string | undefined {
	if (snapshots.length < limits.sanityMinRecords) return undefined;
	const byError = new Map<string, number>();
	for (const snapshot of snapshots) {
		if (snapshot.outcome !== 'down' && snapshot.outcome !== 'inconclusive') continue;
		for (const error of snapshot.errors) byError.set(error, (byError.get(error) ?? 0) + 1);
	}
	for (const [error, count] of byError) {
		if (count / snapshots.length >= limits.sanityFailureShare) {
			return `${count} of ${snapshots.length} records failed with the same error (${error})`;
		}
	}
	return undefined;
}
