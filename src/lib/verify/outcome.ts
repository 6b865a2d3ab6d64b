import type { ContractCheck } from '../../schemas/contract.ts';
import type { Access } from '../../schemas/entry.ts';
import type { Check, CheckTarget, ErrorCode, Outcome } from '../../schemas/snapshot.ts';
import { ERROR_MEANINGS } from './errors.ts';

/**
 * What each outcome means — the one definition, used by the verifier, the site and the
 * methodology page.
 */
export const OUTCOME_MEANINGS: Record<Outcome, string> = {
	up: 'answered as expected: a success, or 401/403 from an API whose entry says it needs credentials',
	degraded:
		'answered, but not well: slower than the limit, a certificate about to expire, a secondary page (spec, docs, homepage, a download) missing or broken, credentials asked of an API declared open, a dataset file that is not the format its entry declares (an HTML page instead of a CSV), or a real request to an operation of an open API that failed (a 5xx, no answer, or something not JSON where its spec declares JSON) although its base answers. An answer that merely differs from the published schema is not degraded: it is reported on the record and costs agent-readiness points',
	down: 'did not answer usefully, and still did not on a re-check: timeout, connection refused or reset, DNS failure, invalid TLS certificate, too many redirects, an answer that breaks HTTP, or a 5xx/404 answer',
	inconclusive:
		'the check could not tell: a bot-protection challenge, rate limiting (429), an address the register refuses to contact, or a failure of the check itself (a fault of the register, not of the server, retried the next night)',
};

export interface CheckVerdict {
	outcome: Outcome;
	note: string;
}

export interface CheckEvidence {
	target: CheckTarget;
	access: Access;
	status: number | null;
	error: ErrorCode | null;
	ms: number | null;
	tlsDaysLeft: number | null;
	challenge: boolean;
}

export interface OutcomeLimits {
	slowMs: number;
	certificateWarningDays: number;
}

/** Targets whose outcome counts towards the record's availability; the rest are proof checks. */
export const AVAILABILITY_TARGETS: ReadonlySet<CheckTarget> = new Set([
	'base',
	'spec',
	'docs',
	'homepage',
	'distribution',
]);

function refine(
	verdict: CheckVerdict,
	evidence: CheckEvidence,
	limits: OutcomeLimits,
): CheckVerdict {
	if (verdict.outcome !== 'up') return verdict;
	if (evidence.ms !== null && evidence.ms > limits.slowMs) {
		return { outcome: 'degraded', note: `${verdict.note}, but slowly (${evidence.ms} ms)` };
	}
	if (evidence.tlsDaysLeft !== null && evidence.tlsDaysLeft <= limits.certificateWarningDays) {
		return {
			outcome: 'degraded',
			note: `${verdict.note}, but its certificate expires in ${evidence.tlsDaysLeft} day(s)`,
		};
	}
	return verdict;
}

/** The verdict on one probed URL. */
export function judgeCheck(evidence: CheckEvidence, limits: OutcomeLimits): CheckVerdict {
	const { status, error, target } = evidence;
	if (error) {
		if (error === 'blocked-address')
			return { outcome: 'inconclusive', note: `not checked: ${ERROR_MEANINGS[error]}` };
		if (error === 'unknown') return { outcome: 'inconclusive', note: 'the check itself failed' };
		if (error === 'too-large')
			return { outcome: 'degraded', note: `failed: ${ERROR_MEANINGS[error]}` };
		return { outcome: 'down', note: `failed: ${ERROR_MEANINGS[error]}` };
	}
	if (status === null) return { outcome: 'inconclusive', note: 'no status recorded' };
	if (evidence.challenge)
		return { outcome: 'inconclusive', note: `answered ${status} with a bot-protection challenge` };
	if (status === 429) return { outcome: 'inconclusive', note: 'answered 429: rate limited' };
	let verdict: CheckVerdict;
	if (status >= 200 && status < 400) {
		verdict = { outcome: 'up', note: `answered ${status}` };
	} else if (status === 401 || status === 403) {
		if (target === 'base' && evidence.access !== 'open') {
			verdict = {
				outcome: 'up',
				note: `answered ${status}: credentials required, as the entry declares`,
			};
		} else if (target === 'base') {
			return {
				outcome: 'degraded',
				note: `answered ${status}: asks for credentials, but the entry says the API is open`,
			};
		} else {
			return { outcome: 'degraded', note: `answered ${status}: asks for credentials` };
		}
	} else if (status >= 400 && status < 500) {
		if (target === 'base') {
			verdict = {
				outcome: 'up',
				note: `answered ${status}: the server is reachable (API bases often have no route at their root)`,
			};
		} else if (status === 404 || status === 410) {
			return { outcome: 'down', note: `answered ${status}: not found` };
		} else {
			return { outcome: 'degraded', note: `answered ${status}` };
		}
	} else {
		return { outcome: 'down', note: `answered ${status}: server error` };
	}
	return refine(verdict, evidence, limits);
}

const TARGET_LABELS: Record<CheckTarget, string> = {
	base: 'The base URL',
	spec: 'The spec',
	docs: 'The documentation',
	homepage: 'The homepage',
	distribution: 'A download',
	source: 'The catalogue page',
	'publisher-page': "The publisher's page",
	policy: "The publisher's policy page",
};

export function targetLabel(target: CheckTarget): string {
	return TARGET_LABELS[target];
}

const PRIMARY_ORDER: readonly CheckTarget[] = ['base', 'distribution', 'spec', 'homepage', 'docs'];

/**
 * The record's outcome from its checks: the primary check (base URL for an API, first download
 * for a dataset, else spec, homepage, docs) decides; a broken secondary check degrades an up
 * record. Proof checks (catalogue, publisher pages) never count.
 */
export function combineChecks(checks: readonly Check[]): { outcome: Outcome; reason: string } {
	const counted = checks.filter((c) => AVAILABILITY_TARGETS.has(c.target));
	if (counted.length === 0) {
		return {
			outcome: 'inconclusive',
			reason: 'Nothing to check: the entry declares no URL the register can probe.',
		};
	}
	const primary =
		PRIMARY_ORDER.map((target) => counted.find((c) => c.target === target)).find(
			(c) => c !== undefined,
		) ?? (counted[0] as Check);
	const lead = `${targetLabel(primary.target)} ${primary.note}`;
	if (primary.outcome !== 'up') return { outcome: primary.outcome, reason: `${lead}.` };
	const broken = counted.find(
		(c) => c !== primary && (c.outcome === 'down' || c.outcome === 'degraded'),
	);
	if (broken) {
		return {
			outcome: 'degraded',
			reason: `${lead}, but ${targetLabel(broken.target).toLowerCase()} ${broken.note}.`,
		};
	}
	return { outcome: 'up', reason: `${lead}.` };
}

/**
 * A download whose bytes are not the declared format (an HTML page where a CSV is declared, a
 * login page, an error page served with 200) answers, but not with the data: degraded, and why.
 */
export function judgeFileContent(
	verdict: CheckVerdict,
	mismatch: { declared: string; found: string } | null,
): CheckVerdict {
	if (mismatch === null || verdict.outcome !== 'up') return verdict;
	return {
		outcome: 'degraded',
		note: `${verdict.note}, but the file is ${mismatch.found}, not the declared ${mismatch.declared}`,
	};
}

/**
 * The record's outcome once its contract check is known: a real request that failed (5xx, no
 * answer, not JSON where JSON is declared) degrades a record whose base answered, since the
 * API's own operations are what its users call. A schema violation changes nothing here (it is
 * scored under agent readiness); a record already down or inconclusive stays so.
 */
export function withContract(
	combined: { outcome: Outcome; reason: string },
	contract: ContractCheck | undefined,
): { outcome: Outcome; reason: string } {
	if (!contract?.failed) return combined;
	if (combined.outcome !== 'up' && combined.outcome !== 'degraded') return combined;
	const failure = `a real request to ${contract.operation ?? 'an operation'} ${contract.note}`;
	const lead = combined.reason.replace(/\.$/, '');
	return {
		outcome: 'degraded',
		reason: combined.outcome === 'up' ? `${lead}, but ${failure}.` : `${lead}; and ${failure}.`,
	};
}
