import type { Entry } from '../../schemas/entry.ts';
import type { Publisher } from '../../schemas/publisher.ts';
import type { Check, CheckTarget, Snapshot } from '../../schemas/snapshot.ts';
import { captureSpec, type SpecContext } from './openapi/capture-spec.ts';
import { combineChecks } from './outcome.ts';
import { type ProbeResult, probeUrl } from './probe.ts';
import { checkProofs, type ProofContext } from './proofs.ts';

export interface RecordContext extends SpecContext {
	proofs: ProofContext;
}

/** The URLs of an entry the availability check probes, primary first. */
export function availabilityTargets(
	entry: Entry,
	maxDistributions: number,
): { target: CheckTarget; url: string }[] {
	const targets: { target: CheckTarget; url: string }[] = [];
	if (entry.kind === 'api' && entry.baseUrl) targets.push({ target: 'base', url: entry.baseUrl });
	if (entry.kind === 'dataset') {
		for (const distribution of entry.distributions.slice(0, maxDistributions)) {
			targets.push({ target: 'distribution', url: distribution.url });
		}
	}
	if (entry.docs) targets.push({ target: 'docs', url: entry.docs });
	if (entry.homepage) targets.push({ target: 'homepage', url: entry.homepage });
	return targets;
}

/** Checks one record: probes its URLs (each distinct URL once), captures its spec, judges the whole. */
export async function verifyRecord(
	context: RecordContext,
	entry: Entry,
	publisher: Publisher | undefined,
	previous: Snapshot | null,
): Promise<Snapshot> {
	const checkedAt = context.now().toISOString();
	const targets = availabilityTargets(entry, context.limits.maxDistributionsProbed);
	const probes = new Map<string, Promise<ProbeResult>>();
	const probeOnce = (target: CheckTarget, url: string) => {
		let pending = probes.get(url);
		if (!pending) {
			pending = probeUrl(context, target, url);
			probes.set(url, pending);
		}
		return pending.then(({ check }): Check => ({ ...check, target }));
	};
	const specPromise =
		entry.kind === 'api' && entry.spec
			? captureSpec(context, entry.spec, previous?.spec ?? null)
			: Promise.resolve(null);
	const [probed, spec, proofs] = await Promise.all([
		Promise.all(targets.map((t) => probeOnce(t.target, t.url))),
		specPromise,
		checkProofs(context.proofs, entry, publisher),
	]);

	const checks: Check[] = [...probed];
	if (spec) checks.splice(entry.kind === 'api' && entry.baseUrl ? 1 : 0, 0, spec.check);
	const { outcome, reason } = combineChecks(checks);
	const isUp = outcome === 'up' || outcome === 'degraded';
	return {
		id: entry.id,
		checkedAt,
		outcome,
		reason,
		lastUpAt: isUp ? checkedAt : (previous?.lastUpAt ?? null),
		checks,
		spec: spec?.capture ?? null,
		proofs,
	};
}
