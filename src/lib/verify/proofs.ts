import type { Entry } from '../../schemas/entry.ts';
import type { Publisher } from '../../schemas/publisher.ts';
import type { ProofCheck } from '../../schemas/snapshot.ts';
import { comparableUrl, githubOwner, hostOf, isOnDomain, pageLinks } from '../proof/urls.ts';
import { CATALOGUES } from '../vocab/catalogues.ts';
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

/** URLs that identify the record, for finding it mentioned or linked on another page. */
function recordUrls(entry: Entry): string[] {
	const urls = [entry.homepage, entry.docs];
	if (entry.kind === 'api') urls.push(entry.baseUrl, entry.spec?.url);
	else urls.push(...entry.distributions.map((d) => d.url));
	return urls.filter((u): u is string => typeof u === 'string');
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
	const targets = new Set(recordUrls(entry).map(comparableUrl));
	const links = pageLinks(result.body.toString('utf8'), result.finalUrl);
	const link = links.find((l) => targets.has(comparableUrl(l)));
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

async function githubOrg(context: ProofContext, url: string): Promise<Verdict> {
	const result = await fetchPage(context, url);
	const problem = unreadable(result);
	if (problem || result instanceof FetchError) return problem as Verdict;
	return {
		status: 'confirmed',
		httpStatus: result.status,
		detail: `${githubOwner(url)} on GitHub serves it`,
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

/**
 * Goes to confirm the proofs of officialness that an entry claims and only the network can
 * check: that the official catalogues it names list it, that the publisher's page links to it,
 * that its spec or code lives under the publisher's GitHub organisation, and that the publisher
 * publishes a policy (a declared policy page, or security.txt on its homepage's host).
 */
export async function checkProofs(
	context: ProofContext,
	entry: Entry,
	publisher: Publisher | undefined,
): Promise<ProofCheck[]> {
	const tasks: Promise<ProofCheck>[] = [];
	const add = (signal: ProofCheck['signal'], url: string, run: () => Promise<Verdict>) =>
		tasks.push(run().then((verdict) => ({ signal, url, ...verdict })));

	for (const source of entry.sources ?? []) {
		if (CATALOGUES[source.catalogue].official)
			add('portal-backlink', source.url, () => portalBacklink(context, entry, source.url));
	}
	if (!publisher) return Promise.all(tasks);
	const onOfficialDomain = (url: string) => {
		const host = hostOf(url);
		return host !== undefined && publisher.officialDomains.some((d) => isOnDomain(host, d));
	};
	if (entry.publisherPage && onOfficialDomain(entry.publisherPage)) {
		const page = entry.publisherPage;
		add('reciprocal-link', page, () => reciprocalLink(context, entry, page));
	}
	const orgs = new Set(publisher.githubOrgs.map((o) => o.toLowerCase()));
	const githubUrl = [entry.kind === 'api' ? entry.spec?.url : undefined, entry.repository].find(
		(u): u is string => u !== undefined && orgs.has(githubOwner(u) ?? ''),
	);
	if (githubUrl) add('github-org', githubUrl, () => githubOrg(context, githubUrl));
	if (publisher.policyUrl && onOfficialDomain(publisher.policyUrl)) {
		const url = publisher.policyUrl;
		add('policy', url, () => policy(context, url, false));
	} else {
		const url = new URL('/.well-known/security.txt', publisher.homepage).href;
		add('policy', url, () => policy(context, url, true));
	}
	return Promise.all(tasks);
}
