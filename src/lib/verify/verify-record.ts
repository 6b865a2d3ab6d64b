import { z } from 'zod';
import type { Entry } from '../../schemas/entry.ts';
import type { Publisher } from '../../schemas/publisher.ts';
import type { Check, CheckTarget, Snapshot } from '../../schemas/snapshot.ts';
import { fieldPath } from '../catalog/problem.ts';
import { safeLogText } from '../cli/safe-log-text.ts';
import { checkContract, wantsContract } from './contract/check-contract.ts';
import { readDataFiles } from './files/read-data-file.ts';
import { captureSpec, type SpecContext } from './openapi/capture-spec.ts';
import { combineChecks, withContract } from './outcome.ts';
import { type ProbeResult, probeUrl } from './probe.ts';
import { checkProofs, type ProofContext } from './proofs.ts';

export interface RecordContext extends SpecContext {
	proofs: ProofContext;
}

/**
 * The URLs of an entry the availability check probes, primary first. A dataset's distributions
 * are not among them: they are read (readDataFiles), and that read is their check.
 */
export function availabilityTargets(entry: Entry): { target: CheckTarget; url: string }[] {
	const targets: { target: CheckTarget; url: string }[] = [];
	if (entry.kind === 'api' && entry.baseUrl) targets.push({ target: 'base', url: entry.baseUrl });
	if (entry.docs) targets.push({ target: 'docs', url: entry.docs });
	if (entry.homepage) targets.push({ target: 'homepage', url: entry.homepage });
	return targets;
}

/**
 * Checks one record: probes its URLs (each distinct URL once), captures its spec, judges the
 * whole. Called only through {@link verifyRecordSafely}.
 */
async function verifyRecord(
	context: RecordContext,
	entry: Entry,
	publisher: Publisher | undefined,
	previous: Snapshot | null,
): Promise<Snapshot> {
	const checkedAt = context.now().toISOString();
	const targets = availabilityTargets(entry);
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
			? captureSpec(context, entry.spec, previous?.spec ?? null, {
					planContract: wantsContract(entry),
				})
			: Promise.resolve(null);
	const filesPromise =
		entry.kind === 'dataset'
			? readDataFiles(context, entry, context.limits.maxDistributionsProbed)
			: Promise.resolve(null);
	const [probed, spec, proofs, files] = await Promise.all([
		Promise.all(targets.map((t) => probeOnce(t.target, t.url))),
		specPromise,
		checkProofs(context.proofs, entry, publisher),
		filesPromise,
	]);

	const checks: Check[] = [...(files ?? []).map((f) => f.check), ...probed];
	if (spec) checks.splice(entry.kind === 'api' && entry.baseUrl ? 1 : 0, 0, spec.check);
	const contract = entry.kind === 'api' ? await checkContract(context, entry, spec) : undefined;
	const { outcome, reason } = withContract(combineChecks(checks), contract);
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
		...(files ? { files: files.map((f) => f.file) } : {}),
		...(contract ? { contract } : {}),
	};
}

/** Characters of an error message kept in a snapshot's reason. */
const FAILURE_DETAIL_CHARS = 200;

/** What went wrong, short and printable: the first schema issue, else the first line's worth of message. */
function describeFailure(error: unknown): string {
	const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
	const text = issue
		? `${fieldPath(issue.path)}: ${issue.message}`
		: error instanceof Error
			? error.message
			: String(error);
	const flat = safeLogText(text).trim() || 'no message';
	return flat.length > FAILURE_DETAIL_CHARS ? `${flat.slice(0, FAILURE_DETAIL_CHARS - 1)}…` : flat;
}

/**
 * The snapshot of a record whose check threw: inconclusive, since it is the register that failed,
 * not the server. What was known before (when it was last up, its captured spec, its proofs)
 * stays, so one bad night invents no schema change and no lost proof.
 */
function checkFailedSnapshot(
	id: string,
	checkedAt: Date,
	previous: Snapshot | null,
	error: unknown,
): Snapshot {
	return {
		id,
		checkedAt: checkedAt.toISOString(),
		outcome: 'inconclusive',
		reason: `The check itself failed (${describeFailure(error)}); the register checks again next night.`,
		lastUpAt: previous?.lastUpAt ?? null,
		checks: [],
		spec: previous?.spec ?? null,
		proofs: previous?.proofs ?? [],
		...(previous?.files ? { files: previous.files } : {}),
		...(previous?.contract ? { contract: previous.contract } : {}),
	};
}

/**
 * Verifies one record and hands its snapshot to `publish` — the only way the verifier checks a
 * record, nightly and in a pull request's check alike. Whatever either step throws (a bug, a
 * server answer nobody foresaw, a snapshot its schema refuses) becomes this record's
 * inconclusive snapshot, published instead: one record can never end the run for the others.
 * Only a failure to publish that fallback (the disk, not the record) propagates.
 */
export async function verifyRecordSafely<T>(
	context: RecordContext,
	entry: Entry,
	publisher: Publisher | undefined,
	previous: Snapshot | null,
	publish: (snapshot: Snapshot) => T | Promise<T>,
): Promise<T> {
	try {
		return await publish(await verifyRecord(context, entry, publisher, previous));
	} catch (error) {
		return publish(checkFailedSnapshot(entry.id, context.now(), previous, error));
	}
}
