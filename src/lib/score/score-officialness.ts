import type { NetworkProofSignal, ProofCheck } from '../../schemas/snapshot.ts';
import { githubOwner, hostOf, isOnDomain } from '../proof/urls.ts';
import { CATALOGUES } from '../vocab/catalogues.ts';
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

/** Every URL of the record that could sit on an official domain. */
function recordUrls(input: ScoreInput): string[] {
	const { entry } = input;
	const urls = [
		entry.kind === 'api' ? entry.baseUrl : undefined,
		entry.kind === 'api' ? entry.spec?.url : undefined,
		entry.docs,
		entry.homepage,
	];
	if (entry.kind === 'dataset') urls.push(...entry.distributions.map((d) => d.url));
	return urls.filter((u): u is string => typeof u === 'string');
}

export function officialDomainMatch(
	input: ScoreInput,
): { domain: string; url: string; government: boolean } | undefined {
	const government = GOVERNMENT_DOMAINS[input.entry.country] ?? [];
	let publisherMatch: { domain: string; url: string; government: boolean } | undefined;
	for (const url of recordUrls(input)) {
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

function evidenceFor(
	signal: ProofSignal,
	input: ScoreInput,
): Omit<ProofEvidence, 'signal' | 'name'> {
	const { entry, publisher, snapshot } = input;
	const checks = snapshot?.proofs ?? [];
	const neverChecked = 'declared, but not yet confirmed: the record has not been verified yet';
	switch (signal) {
		case 'official-domain': {
			const match = officialDomainMatch(input);
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
						evidence: `none of its URLs is on ${publisher.name}'s domains (${publisher.officialDomains.join(', ')}) or its country's government domain`,
					};
		}
		case 'portal-backlink': {
			const official = (entry.sources ?? []).filter((s) => CATALOGUES[s.catalogue].official);
			if (official.length === 0) {
				const community = (entry.sources ?? []).length > 0;
				return {
					earned: false,
					status: 'not-claimed',
					evidence: community
						? 'listed only by community catalogues, which prove nothing'
						: 'no official catalogue listing declared',
				};
			}
			const found = fromProofChecks('portal-backlink', checks);
			if (found)
				return found.earned
					? { ...found, summary: `(catalog: ${official.map((s) => s.catalogue).join(', ')})` }
					: found;
			return {
				earned: false,
				status: 'unconfirmed',
				evidence: `catalogue ${official[0]?.catalogue} ${neverChecked}`,
				url: official[0]?.url,
			};
		}
		case 'github-org': {
			const orgs = new Set(publisher.githubOrgs.map((o) => o.toLowerCase()));
			const candidates = [
				entry.kind === 'api' ? entry.spec?.url : undefined,
				entry.repository,
			].filter((u): u is string => u !== undefined);
			if (!candidates.some((u) => orgs.has(githubOwner(u) ?? ''))) {
				return {
					earned: false,
					status: 'not-claimed',
					evidence:
						orgs.size === 0
							? 'the publisher lists no GitHub organisation'
							: "neither its spec nor a repository is under the publisher's GitHub organisation",
				};
			}
			return (
				fromProofChecks('github-org', checks) ?? {
					earned: false,
					status: 'unconfirmed',
					evidence: `GitHub organisation ${neverChecked}`,
				}
			);
		}
		case 'reciprocal-link': {
			const page = entry.publisherPage;
			const host = page ? hostOf(page) : undefined;
			if (!page || !host || !publisher.officialDomains.some((d) => isOnDomain(host, d))) {
				return {
					earned: false,
					status: 'not-claimed',
					evidence: page
						? "the declared publisher page is not on the publisher's official domains"
						: 'no page of the publisher linking to it is declared',
				};
			}
			return (
				fromProofChecks('reciprocal-link', checks) ?? {
					earned: false,
					status: 'unconfirmed',
					evidence: `reciprocal link ${neverChecked}`,
					url: page,
				}
			);
		}
		case 'policy':
			return (
				fromProofChecks('policy', checks) ?? {
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
	const proofs: ProofEvidence[] = PROOF_SIGNALS.map((signal) => ({
		signal,
		name: PROOF_SIGNAL_NAMES[signal],
		...evidenceFor(signal, input),
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
	const domain = officialDomainMatch(input);
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
