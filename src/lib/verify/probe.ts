import type { Access } from '../../schemas/entry.ts';
import type { Check, CheckTarget } from '../../schemas/snapshot.ts';
import type { VerifyLimits } from './constants.ts';
import { FetchError } from './errors.ts';
import type { FetchResult, HttpClient } from './http-client.ts';
import { judgeCheck } from './outcome.ts';
import { daysLeft, peekCertificate } from './peek-certificate.ts';
import { isChallengeResponse } from './waf.ts';

export interface ProbeContext {
	client: HttpClient;
	limits: VerifyLimits;
	access: Access;
	mayConnect: (address: string) => boolean;
	now: () => Date;
}

export interface ProbeResult {
	check: Check;
	/** The body read (up to the probe cap), for checks that look inside pages. */
	body?: Buffer;
}

/** Targets probed with GET straight away: API bases (HEAD is often unrouted) and pages we read. */
const GET_FIRST: ReadonlySet<CheckTarget> = new Set(['base', 'source', 'publisher-page', 'policy']);

async function attempt(
	context: ProbeContext,
	url: string,
	method: 'GET' | 'HEAD',
): Promise<FetchResult | FetchError> {
	try {
		return await context.client.fetch(url, {
			method,
			maxBytes: context.limits.probeBodyBytes,
			accept: 'application/json, text/html;q=0.9, */*;q=0.8',
		});
	} catch (error) {
		if (error instanceof FetchError) return error;
		throw error;
	}
}

/** Turns a fetch result or error into a check, judging it with the outcome rules. */
export async function checkFromFetch(
	context: ProbeContext,
	target: CheckTarget,
	url: string,
	method: 'GET' | 'HEAD',
	result: FetchResult | FetchError,
): Promise<Check> {
	const now = context.now();
	let tlsDaysLeft: number | null = null;
	if (result instanceof FetchError) {
		if (result.code === 'tls') {
			const validTo = await peekCertificate(
				url,
				context.mayConnect,
				context.limits.connectTimeoutMs,
			);
			tlsDaysLeft = daysLeft(validTo, now);
		}
		const verdict = judgeCheck(
			{
				target,
				access: context.access,
				status: null,
				error: result.code,
				ms: result.ms,
				tlsDaysLeft,
				challenge: false,
			},
			context.limits,
		);
		return {
			target,
			url,
			method,
			status: null,
			ms: result.ms,
			error: result.code,
			finalUrl: null,
			redirects: 0,
			tlsDaysLeft,
			...verdict,
		};
	}
	if (result.finalUrl.startsWith('https:')) {
		tlsDaysLeft = daysLeft(context.client.certificate(result.finalUrl)?.validTo, now);
	}
	const challenge = isChallengeResponse(result.status, result.headers, result.body);
	const verdict = judgeCheck(
		{
			target,
			access: context.access,
			status: result.status,
			error: null,
			ms: result.ms,
			tlsDaysLeft,
			challenge,
		},
		context.limits,
	);
	return {
		target,
		url,
		method,
		status: result.status,
		ms: result.ms,
		error: null,
		finalUrl: result.finalUrl,
		redirects: result.redirects,
		tlsDaysLeft,
		...verdict,
	};
}

/**
 * Probes one URL. Pages and downloads are asked for with HEAD first and, where the server
 * mishandles HEAD (any 4xx/5xx answer, a cut connection or a protocol error), again with GET.
 */
export async function probeUrl(
	context: ProbeContext,
	target: CheckTarget,
	url: string,
): Promise<ProbeResult> {
	if (!GET_FIRST.has(target)) {
		const head = await attempt(context, url, 'HEAD');
		const headFailedOddly =
			head instanceof FetchError
				? head.code === 'reset' || head.code === 'protocol'
				: head.status >= 400;
		if (!headFailedOddly)
			return { check: await checkFromFetch(context, target, url, 'HEAD', head) };
	}
	const get = await attempt(context, url, 'GET');
	const check = await checkFromFetch(context, target, url, 'GET', get);
	return get instanceof FetchError ? { check } : { check, body: get.body };
}
