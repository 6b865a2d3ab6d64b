import type { NetworkProofSignal, ProofCheck } from '../../schemas/snapshot.ts';
import { claimsOf, type ProofClaim, proofClaims, recordUrls } from '../proof/claims.ts';
import { hostOf, isOnDomain } from '../proof/urls.ts';
import {
	AXIS_NAMES,
	AXIS_WEIGHTS,
	GOVERNMENT_DOMAINS,
	PROOF_SIGNAL_NAMES,
	PROOF_SIGNAL_POINTS,
	PROOF_SIGNALS,
	type ProofSignal,
} from './constants.ts';
import {
	type AxisScore,
	type Hint,
	type ProofEvidence,
	type ProofTier,
	type ScoreInput,
	totalGain,
} from './types.ts';

/**
 * The record URL that puts it on an official domain: the first on its country's government domain
 * (never granted to a private company), else the first on one of the publisher's own domains.
 */
export function officialDomainMatch(
	input: ScoreInput,
): { domain: string; url: string; government: boolean } | undefined {
	const government = GOVERNMENT_DOMAINS[input.entry.country] ?? [];
	let publisherMatch: { domain: string; url: string; government: boolean } | undefined;
	for (const url of recordUrls(input.entry)) {
		const host = hostOf(url);
		if (!host) continue;
		const gov = government.find((d) => isOnDomain(host, d));
		if (gov && input.publisher.type !== 'private') return { domain: gov, url, government: true };
		const own = input.publisher.officialDomains.find((d) => isOnDomain(host, d));
		if (own && !publisherMatch) publisherMatch = { domain: own, url, government: false };
	}
	return publisherMatch;
}

/** What the verifier found for a network-checked signal; undefined when it never looked. */
function fromProofChecks(
	signal: NetworkProofSignal,
	checks: readonly ProofCheck[],
): Omit<ProofEvidence, 'signal' | 'name'> | undefined {
	const mine = checks.filter((c) => c.signal === signal);
	const confirmed = mine.find((c) => c.status === 'confirmed');
	if (confirmed)
		return {
			earned: true,
			status: 'earned',
			evidence: confirmed.detail,
			summary: `${PROOF_SIGNAL_NAMES[signal]} (${hostOf(confirmed.url) ?? confirmed.url})`,
			url: confirmed.url,
		};
	const refuted = mine.find((c) => c.status === 'refuted');
	if (refuted)
		return {
			earned: false,
			status: 'refuted',
			evidence: `not confirmed: ${refuted.detail}`,
			url: refuted.url,
		};
	const unconfirmed = mine[0];
	if (unconfirmed)
		return {
			earned: false,
			status: 'unconfirmed',
			evidence: `not confirmed: ${unconfirmed.detail}`,
			url: unconfirmed.url,
		};
	return undefined;
}

type Evidence = Omit<ProofEvidence, 'signal' | 'name'>;

const NEVER_CHECKED = 'declared, but not yet confirmed: the record has not been verified yet';

function officialDomainEvidence(
	match: ReturnType<typeof officialDomainMatch>,
	input: ScoreInput,
): Evidence {
	const { publisher } = input;
	return match
		? {
				earned: true,
				status: 'earned',
				evidence: `${match.url} sits on ${match.domain}, ${match.government ? 'a government domain' : `a domain of ${publisher.name}`}`,
				summary: `official domain (${match.domain})`,
				url: match.url,
			}
		: {
				earned: false,
				status: 'not-claimed',
				evidence:
					publisher.officialDomains.length === 0
						? `none of its URLs is on its country's government domain, and ${publisher.name} has no official domains on record (named by an imported catalogue, not reviewed)`
						: `none of its URLs is on ${publisher.name}'s domains (${publisher.officialDomains.join(', ')}) or its country's government domain`,
			};
}

/** Why a signal is not claimed, in words that say what to declare. */
function notClaimed(signal: NetworkProofSignal, input: ScoreInput): Evidence {
	const { entry, publisher } = input;
	const because = (evidence: string): Evidence => ({
		earned: false,
		status: 'not-claimed',
		evidence,
	});
	switch (signal) {
		case 'portal-backlink':
			return because(
				(entry.sources ?? []).length > 0
					? 'listed only by community catalogues, which prove nothing'
					: 'no official catalogue listing declared',
			);
		case 'github-org':
			return because(
				publisher.githubOrgs.length === 0
					? 'the publisher lists no GitHub organisation'
					: "neither its spec nor a repository is under the publisher's GitHub organisation",
			);
		case 'reciprocal-link':
			return because(
				entry.publisherPage
					? "the declared publisher page is not on the publisher's official domains"
					: 'no page of the publisher linking to it is declared',
			);
		case 'policy':
			return because('no publisher is known to hold a policy');
	}
}

/**
 * What the record shows for a signal the network must confirm. Whether it is claimed at all comes
 * from `proofClaims`, the reading the verifier checks; the rest explains what is missing.
 */
function networkEvidence(
	signal: NetworkProofSignal,
	input: ScoreInput,
	claims: readonly ProofClaim[],
): Evidence {
	const { snapshot } = input;
	const first = claimsOf(claims, signal)[0];
	if (!first) return notClaimed(signal, input);
	const found = fromProofChecks(signal, snapshot?.proofs ?? []);
	switch (signal) {
		case 'portal-backlink': {
			const catalogues = claimsOf(claims, 'portal-backlink').map((c) => c.catalogue);
			if (found)
				return found.earned ? { ...found, summary: `(catalog: ${catalogues.join(', ')})` } : found;
			return {
				earned: false,
				status: 'unconfirmed',
				evidence: `catalogue ${catalogues[0]} ${NEVER_CHECKED}`,
				url: first.url,
			};
		}
		case 'github-org':
			return (
				found ?? {
					earned: false,
					status: 'unconfirmed',
					evidence: `GitHub organisation ${NEVER_CHECKED}`,
				}
			);
		case 'reciprocal-link':
			return (
				found ?? {
					earned: false,
					status: 'unconfirmed',
					evidence: `reciprocal link ${NEVER_CHECKED}`,
					url: first.url,
				}
			);
		case 'policy':
			return (
				found ?? {
					earned: false,
					status: 'unconfirmed',
					evidence: `policy ${snapshot ? 'not checked at the last run' : 'not yet checked: the record has not been verified yet'}`,
				}
			);
	}
}

const HINTS: Record<ProofSignal, string> = {
	'official-domain':
		"Serve the API, its docs or its downloads from an official domain of the publisher (or list that domain in the publisher's officialDomains)",
	'portal-backlink':
		'Get it listed in the official national or EU catalogue and add the listing to `sources`',
	'github-org':
		"Publish the spec or code under the publisher's GitHub organisation and declare it (`spec.url` or `repository`)",
	'reciprocal-link':
		"Link to it from a page on the publisher's official site and declare that page as `publisherPage`",
	policy:
		"Publish an open-data/API policy page (publisher `policyUrl`) or a security.txt on the publisher's site",
};

export function scoreOfficialness(input: ScoreInput): {
	axis: AxisScore;
	proofs: ProofEvidence[];
	tier: ProofTier;
} {
	const claims = proofClaims(input.entry, input.publisher);
	const domain = officialDomainMatch(input);
	const proofs: ProofEvidence[] = PROOF_SIGNALS.map((signal) => ({
		signal,
		name: PROOF_SIGNAL_NAMES[signal],
		...(signal === 'official-domain'
			? officialDomainEvidence(domain, input)
			: networkEvidence(signal, input, claims)),
	}));
	const earned = proofs.filter((p) => p.earned);
	const score = earned.length * PROOF_SIGNAL_POINTS;
	const weight = AXIS_WEIGHTS.officialness;
	const hints: Hint[] = proofs
		.filter((p) => !p.earned && p.status !== 'unconfirmed')
		.map((p) => ({
			axis: 'officialness',
			text: HINTS[p.signal],
			gain: totalGain(weight, PROOF_SIGNAL_POINTS),
		}));
	const reasons = [
		`${score}/100 from 5 proof signals (domain / portal-backlink / GitHub-org / reciprocal / policy): ${earned.length === 0 ? 'none earned' : earned.map((p) => p.name).join(', ')}.`,
		...proofs.map((p) => `${p.earned ? '✓' : '✗'} ${p.name}: ${p.evidence}`),
	];
	const tier: ProofTier = domain?.government
		? 'government verified'
		: domain
			? 'publisher verified'
			: proofs.some((p) => p.signal === 'portal-backlink' && p.earned)
				? 'catalogue listed'
				: 'unverified';
	return {
		axis: { axis: 'officialness', name: AXIS_NAMES.officialness, weight, score, reasons, hints },
		proofs,
		tier,
	};
}
