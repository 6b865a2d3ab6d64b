import type { Entry } from '../../schemas/entry.ts';
import { isImportedPublisher, type RegisterPublisher } from '../../schemas/publisher.ts';
import type { NetworkProofSignal } from '../../schemas/snapshot.ts';
import { entryUrls, type UrlTarget } from '../catalog/entry-urls.ts';
import { CATALOGUES, type CatalogueId } from '../vocab/catalogues.ts';
import { githubOwner, hostOf, isOnDomain } from './urls.ts';

/**
 * What an entry claims about itself, read in one place: the URLs that identify the record, and
 * the proofs of officialness only the network can confirm. The verifier goes to check exactly
 * these claims and the score credits exactly these, so the two cannot disagree on what an entry
 * claims; a new rule is written here once.
 */

/** The targets that identify the record itself, in the order a match on them is reported. */
const RECORD_TARGETS: readonly UrlTarget[] = ['base', 'spec', 'docs', 'homepage', 'distribution'];

/**
 * The record's own URLs — base URL, spec, docs, homepage, downloads — for finding it on another
 * page or on an official domain. Not its terms, contact, sources or publisher page: those are
 * about the record, not the record.
 */
export function recordUrls(entry: Entry): string[] {
	const urls = entryUrls(entry);
	return RECORD_TARGETS.flatMap((target) =>
		urls.filter((u) => u.target === target).map((u) => u.url),
	);
}

/**
 * One proof an entry claims: the signal, and the URL the verifier fetches to confirm it. A policy
 * claim with `securityTxt` is the publisher's security.txt standing in for an undeclared policy
 * page, so it must carry a `Contact:` line to count.
 */
export type ProofClaim =
	| { signal: 'portal-backlink'; url: string; catalogue: CatalogueId }
	| { signal: 'reciprocal-link'; url: string }
	| { signal: 'github-org'; url: string; owner: string }
	| { signal: 'policy'; url: string; securityTxt: boolean };

export type ClaimOf<S extends NetworkProofSignal> = Extract<ProofClaim, { signal: S }>;

/** Whether a URL sits on one of the publisher's official domains (or a subdomain of one). */
function onOfficialDomain(url: string, publisher: RegisterPublisher): boolean {
	const host = hostOf(url);
	return host !== undefined && publisher.officialDomains.some((d) => isOnDomain(host, d));
}

/**
 * The proofs an entry claims, in the order the verifier reports them:
 * - `portal-backlink` for each listing in an official catalogue (community catalogues prove nothing);
 * - `reciprocal-link` for the declared publisher page, if it is on the publisher's official domains
 *   (a page anyone could write proves nothing, and the verifier never fetches it);
 * - `github-org` for the spec or repository, the first that lives under one of the publisher's
 *   GitHub organisations;
 * - `policy`: the publisher's declared policy page if it is on its official domains, else
 *   security.txt on its homepage's host.
 * Without a reviewed publisher only catalogue listings can be claimed: a publisher named only by
 * an imported catalogue has no official domains, GitHub organisations or homepage on record.
 */
export function proofClaims(entry: Entry, publisher: RegisterPublisher | undefined): ProofClaim[] {
	const claims: ProofClaim[] = [];
	for (const source of entry.sources ?? []) {
		if (CATALOGUES[source.catalogue].official) {
			claims.push({ signal: 'portal-backlink', url: source.url, catalogue: source.catalogue });
		}
	}
	if (!publisher || isImportedPublisher(publisher)) return claims;
	if (entry.publisherPage && onOfficialDomain(entry.publisherPage, publisher)) {
		claims.push({ signal: 'reciprocal-link', url: entry.publisherPage });
	}
	const orgs = new Set(publisher.githubOrgs.map((o) => o.toLowerCase()));
	for (const url of [entry.kind === 'api' ? entry.spec?.url : undefined, entry.repository]) {
		const owner = url === undefined ? undefined : githubOwner(url);
		if (url !== undefined && owner !== undefined && orgs.has(owner)) {
			claims.push({ signal: 'github-org', url, owner });
			break;
		}
	}
	if (publisher.policyUrl && onOfficialDomain(publisher.policyUrl, publisher)) {
		claims.push({ signal: 'policy', url: publisher.policyUrl, securityTxt: false });
	} else {
		const url = new URL('/.well-known/security.txt', publisher.homepage).href;
		claims.push({ signal: 'policy', url, securityTxt: true });
	}
	return claims;
}

/** The claims of one signal. */
export function claimsOf<S extends NetworkProofSignal>(
	claims: readonly ProofClaim[],
	signal: S,
): ClaimOf<S>[] {
	return claims.filter((c): c is ClaimOf<S> => c.signal === signal);
}
