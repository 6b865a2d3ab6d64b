import { CONTRACT_LIMITS, type ContractCheck } from '../../../schemas/contract.ts';
import type { Entry } from '../../../schemas/entry.ts';
import type { SpecCapture } from '../../../schemas/snapshot.ts';
import { clipText } from '../../state/cap-snapshot.ts';
import { ERROR_MEANINGS, FetchError } from '../errors.ts';
import type { FetchResult } from '../http-client.ts';
import type { SpecContext } from '../openapi/capture-spec.ts';
import type { ContractPlan, ContractPlanResult } from '../openapi/plan-contract.ts';
import { isChallengeResponse } from '../waf.ts';
import { contractUrl, refusedContractUrl } from './contract-url.ts';
import { judgeAnswer } from './judge-answer.ts';

/** What tonight's spec capture gave the contract check. */
export interface CapturedSpec {
	capture: SpecCapture | null;
	plan?: ContractPlanResult;
}

const clip = (text: string) => clipText(text, CONTRACT_LIMITS.textChars);

function skipped(
	reason: string,
	operation: string | null = null,
	url: string | null = null,
): ContractCheck {
	const why = clipText(reason, CONTRACT_LIMITS.noteChars);
	return {
		operation: operation === null ? null : clip(operation),
		url: url === null ? null : clip(url),
		status: null,
		ms: null,
		contentType: null,
		bytes: null,
		error: null,
		failed: false,
		conforms: null,
		violations: [],
		violationCount: 0,
		skipped: why,
		note: why,
	};
}

/** Whether an entry gets a contract call tonight (its spec is then asked for a plan). */
export function wantsContract(entry: Entry): boolean {
	return entry.kind === 'api' && entry.access === 'open' && entry.spec?.format === 'openapi';
}

/** Why there is no plan to call, when there is none. */
function whyNoPlan(entry: Entry, spec: CapturedSpec | null): string | ContractPlan {
	if (entry.kind !== 'api') return 'not an API';
	if (entry.access !== 'open')
		return `not called: the API is declared ${entry.access}, and the register never sends credentials`;
	if (!entry.spec) return 'not called: the entry declares no spec to check against';
	if (entry.spec.format !== 'openapi')
		return `not called: the spec is ${entry.spec.format}, not OpenAPI`;
	if (!spec?.capture || spec.capture.fetchError !== null)
		return 'not called: the spec could not be read tonight';
	if (!spec.plan) return 'not called: the spec could not be processed tonight';
	if ('skipped' in spec.plan) return `not called: ${spec.plan.skipped}`;
	return spec.plan.plan;
}

function mediaTypeOf(headers: Record<string, string>): string {
	return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The contract check of one API: one GET to the operation its spec capture chose, with the
 * verifier's one client (address policy, timeouts, body cap, per-host limit, User-Agent), no
 * credentials, the answer judged against the declared schema. Never throws for a server's sake.
 */
export async function checkContract(
	context: SpecContext,
	entry: Entry,
	spec: CapturedSpec | null,
): Promise<ContractCheck> {
	const plan = whyNoPlan(entry, spec);
	if (typeof plan === 'string') return skipped(plan);
	const server = plan.server ?? (entry.kind === 'api' ? entry.baseUrl : undefined);
	if (!server)
		return skipped('not called: neither the spec nor the entry names a server', plan.operation);
	const url = contractUrl(server, plan.pathAndQuery);
	const refused = refusedContractUrl(url, context.gate, context.mayConnect);
	if (refused) return skipped(`not called: ${refused}`, plan.operation, url);

	let result: FetchResult | FetchError;
	try {
		result = await context.client.fetch(url, {
			method: 'GET',
			maxBytes: context.limits.contractBodyBytes,
			accept: 'application/json, */*;q=0.5',
		});
	} catch (error) {
		if (!(error instanceof FetchError)) throw error;
		result = error;
	}
	const base = { operation: clip(plan.operation), url: clip(url), skipped: null };
	if (result instanceof FetchError) {
		const refusedAddress = result.code === 'blocked-address' || result.code === 'bad-url';
		if (refusedAddress)
			return skipped(`not called: ${ERROR_MEANINGS[result.code]}`, plan.operation, url);
		const tooLarge = result.code === 'too-large';
		const note = clipText(`failed: ${ERROR_MEANINGS[result.code]}`, CONTRACT_LIMITS.noteChars);
		return {
			...base,
			status: null,
			ms: result.ms,
			contentType: null,
			bytes: null,
			error: result.code,
			failed: !tooLarge,
			conforms: null,
			violations: [],
			violationCount: 0,
			note,
		};
	}
	const contentType = mediaTypeOf(result.headers);
	const judgement = await judgeAnswer(
		plan,
		{
			status: result.status,
			contentType,
			body: result.body,
			truncated: result.truncated,
			challenge: isChallengeResponse(result.status, result.headers, result.body),
		},
		context.limits.contractBodyBytes,
		(schema, dialect, body) => context.pool.validateAnswer({ schema, dialect, body }),
	);
	return {
		...base,
		status: result.status,
		ms: result.ms,
		contentType: contentType ? clip(contentType) : null,
		bytes: result.body.length,
		error: null,
		...judgement,
		note: clipText(judgement.note, CONTRACT_LIMITS.noteChars),
	};
}
