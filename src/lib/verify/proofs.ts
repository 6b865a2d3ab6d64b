import type { Entry } from '../../schemas/entry.ts';
import type { Publisher } from '../../schemas/publisher.ts';
import type { ProofCheck } from '../../schemas/snapshot.ts';
import { normaliseUrl } from '../catalog/entry-urls.ts';
import { type ClaimOf, type ProofClaim, proofClaims, recordUrls } from '../proof/claims.ts';
import { hostOf, pageLinks } from '../proof/urls.ts';
import { FetchError } from './errors.ts';
import type { FetchResult, HttpClient } from './http-client.ts';
import { isChallengeResponse } from './waf.ts';

export interface ProofContext {
	client: HttpClient;
	maxBytes: number;
	/** Pages fetched once per run, however many records point at them (a publisher's security.txt). */
	cache: Map<string, Promise<FetchResult | FetchError>>;
}

function fetchPage(context: ProofContext, url: string): Promise<FetchResult | FetchError> {
	let pending = context.cache.get(url);
	if (!pending) {
		pending = context.client
			.fetch(url, {
				method: 'GET',
				maxBytes: context.maxBytes,
				accept: 'text/html, text/plain;q=0.9, */*;q=0.5',
			})
			.catch((error: unknown) => {
				if (error instanceof FetchError) return error;
				throw error;
			});
		context.cache.set(url, pending);
	}
	return pending;
}

type Verdict = Omit<ProofCheck, 'signal' | 'url'>;

/** The common cases: no answer, a challenge, a gone page. Undefined when the page is there to read. */
function unreadable(result: FetchResult | FetchError): Verdict | undefined {
	if (result instanceof FetchError)
		return {
			status: 'unconfirmed',
			httpStatus: null,
			detail: `could not be fetched (${result.code})`,
		};
	if (isChallengeResponse(result.status, result.headers, result.body)) {
		return {
			status: 'unconfirmed',
			httpStatus: result.status,
			detail: 'answered with a bot-protection challenge',
		};
	}
	if (result.status === 404 || result.status === 410)
		return {
			status: 'refuted',
			httpStatus: result.status,
			detail: `answered ${result.status}: the page is gone`,
		};
	if (result.status >= 400)
		return {
			status: 'unconfirmed',
			httpStatus: result.status,
			detail: `answered ${result.status}`,
		};
	return undefined;
}

async function portalBacklink(context: ProofContext, entry: Entry, url: string): Promise<Verdict> {
	const result = await fetchPage(context, url);
	const problem = unreadable(result);
	if (problem || result instanceof FetchError) return problem as Verdict;
	const text = result.body.toString('utf8').toLowerCase();
	const mentions = [entry.title, ...recordUrls(entry).map((u) => hostOf(u) ?? '')].filter(
		(s) => s.length >= 4,
	);
	const found = mentions.find((m) => text.includes(m.toLowerCase()));
	return found
		? {
				status: 'confirmed',
				httpStatus: result.status,
				detail: `the catalogue page lists it (mentions "${found}")`,
			}
		: {
				status: 'refuted',
				httpStatus: result.status,
				detail: 'the catalogue page answers but does not mention this record',
			};
}

async function reciprocalLink(context: ProofContext, entry: Entry, url: string): Promise<Verdict> {
	const result = await fetchPage(context, url);
	const problem = unreadable(result);
	if (problem || result instanceof FetchError) return problem as Verdict;
	const targets = new Set(recordUrls(entry).map(normaliseUrl));
	const links = pageLinks(result.body.toString('utf8'), result.finalUrl);
	const link = links.find((l) => targets.has(normaliseUrl(l)));
	return link
		? {
				status: 'confirmed',
				httpStatus: result.status,
				detail: `the publisher's page links to ${link}`,
			}
		: {
				status: 'refuted',
				httpStatus: result.status,
				detail: "the publisher's page does not link to this record's homepage, docs or URLs",
			};
}

async function githubOrg(context: ProofContext, claim: ClaimOf<'github-org'>): Promise<Verdict> {
	const result = await fetchPage(context, claim.url);
	const problem = unreadable(result);
	if (problem || result instanceof FetchError) return problem as Verdict;
	return {
		status: 'confirmed',
		httpStatus: result.status,
		detail: `${claim.owner} on GitHub serves it`,
	};
}

async function policy(context: ProofContext, url: string, securityTxt: boolean): Promise<Verdict> {
	const result = await fetchPage(context, url);
	const problem = unreadable(result);
	if (problem || result instanceof FetchError) return problem as Verdict;
	if (securityTxt && !/^contact:/im.test(result.body.toString('utf8'))) {
		return {
			status: 'refuted',
			httpStatus: result.status,
			detail: 'security.txt answers but has no Contact: line',
		};
	}
	return {
		status: 'confirmed',
		httpStatus: result.status,
		detail: securityTxt ? 'publishes a security.txt with a contact' : 'the policy page answers',
	};
}

function confirm(context: ProofContext, entry: Entry, claim: ProofClaim): Promise<Verdict> {
	switch (claim.signal) {
		case 'portal-backlink':
			return portalBacklink(context, entry, claim.url);
		case 'reciprocal-link':
			return reciprocalLink(context, entry, claim.url);
		case 'github-org':
			return githubOrg(context, claim);
		case 'policy':
			return policy(context, claim.url, claim.securityTxt);
	}
}

/**
 * Goes to confirm the proofs of officialness that an entry claims (`proofClaims`, the same reading
 * the score credits) and only the network can check: that the official catalogues it names list
 * it, that the publisher's page links to it, that its spec or code lives under the publisher's
 * GitHub organisation, and that the publisher publishes a policy.
 */
export async function checkProofs(
	context: ProofContext,
	entry: Entry,
	publisher: Publisher | undefined,
): Promise<ProofCheck[]> {
	return Promise.all(
		proofClaims(entry, publisher).map(async (claim) => ({
			signal: claim.signal,
			url: claim.url,
			...(await confirm(context, entry, claim)),
		})),
	);
}
