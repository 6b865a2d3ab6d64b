import { createHash } from 'node:crypto';
import type { SpecFormat } from '../../../schemas/entry.ts';
import { type Check, SNAPSHOT_LIMITS, type SpecCapture } from '../../../schemas/snapshot.ts';
import type { AddressGateOptions } from '../../net/address-policy.ts';
import { clipText } from '../../state/cap-snapshot.ts';
import { FetchError } from '../errors.ts';
import type { FetchResult } from '../http-client.ts';
import { checkFromFetch, type ProbeContext } from '../probe.ts';
import type { ContractPlanResult } from './plan-contract.ts';
import type { SpecPool } from './spec-pool.ts';

export interface SpecContext extends ProbeContext {
	pool: SpecPool;
	gate: AddressGateOptions;
	ca?: string[];
}

/** Formats whose documents the register can read and describe. */
const READABLE_FORMATS: ReadonlySet<SpecFormat> = new Set(['openapi']);

/**
 * Fetches an API's spec, and for OpenAPI/Swagger documents validates it and captures its
 * parameters and result fields in a worker. An unchanged document (same sha256) is not parsed
 * again, unless its capture was partial or predates the complete name lists. When tonight's
 * fetch fails, the last good capture is kept and the failure noted on it.
 */
export async function captureSpec(
	context: SpecContext,
	spec: { url: string; format: SpecFormat },
	previous: SpecCapture | null,
	/** Also choose tonight's contract-check operation (read from the document even when unchanged). */
	options: { planContract?: boolean } = {},
): Promise<{ check: Check; capture: SpecCapture | null; plan?: ContractPlanResult }> {
	let result: FetchResult | FetchError;
	try {
		result = await context.client.fetch(spec.url, {
			method: 'GET',
			maxBytes: context.limits.specBodyBytes,
			accept: 'application/json, application/yaml, text/yaml;q=0.9, */*;q=0.8',
		});
	} catch (error) {
		if (!(error instanceof FetchError)) throw error;
		result = error;
	}
	const check = await checkFromFetch(context, 'spec', spec.url, 'GET', result);
	// Only a capture of this same URL is worth keeping: the entry may have moved its spec.
	const kept = previous?.url === spec.url ? previous : null;
	const keepPrevious = (why: string, checked: Check = check) => ({
		check: checked,
		capture: kept && { ...kept, fetchError: clipText(why, SNAPSHOT_LIMITS.errorChars) },
	});
	if (result instanceof FetchError) return keepPrevious(`${result.code}: ${check.note}`);
	if (result.status >= 400) return keepPrevious(`answered ${result.status}`);
	if (result.truncated) {
		return keepPrevious('too-large', {
			...check,
			outcome: 'degraded',
			error: 'too-large',
			note: `larger than ${context.limits.specBodyBytes} bytes, not read`,
		});
	}
	if (!READABLE_FORMATS.has(spec.format)) return { check, capture: null };

	const now = context.now().toISOString();
	const sha256 = createHash('sha256').update(result.body).digest('hex');
	// Same document as when it was captured: keep that capture, and its date, as they are — unless
	// it predates the complete name lists or was partial (a remote document may be back).
	const complete = kept?.names !== undefined && (kept.unresolvedTotal ?? 0) === 0;
	const unchanged = kept?.sha256 === sha256 && complete ? { ...kept, fetchError: null } : null;
	if (unchanged && !options.planContract) return { check, capture: unchanged };
	const outcome = await context.pool.run({
		url: result.finalUrl,
		text: result.body.toString('utf8'),
		gate: context.gate,
		...(context.ca ? { ca: context.ca } : {}),
		limits: context.limits,
		...(options.planContract ? { planContract: true } : {}),
		...(unchanged ? { planOnly: true } : {}),
	});
	const plan = outcome.contract ? { plan: outcome.contract } : {};
	if (unchanged) return { check, capture: unchanged, ...plan };
	const schema = outcome.schema;
	return {
		check,
		...plan,
		capture: {
			url: spec.url,
			format: spec.format,
			version: schema?.version || null,
			title: schema?.title ?? '',
			valid: outcome.valid,
			errors: outcome.errors,
			sha256,
			bytes: result.body.length,
			operations: schema?.operations ?? 0,
			parameters: schema?.parameters ?? [],
			fields: schema?.fields ?? [],
			truncated: schema?.truncated ?? false,
			...(outcome.parser ? { parser: outcome.parser } : {}),
			...(outcome.documents !== undefined ? { documents: outcome.documents } : {}),
			...(schema ? { names: schema.names } : {}),
			...(outcome.unresolved !== undefined
				? { unresolved: outcome.unresolved, unresolvedTotal: outcome.unresolvedTotal ?? 0 }
				: {}),
			capturedAt: now,
			fetchError: null,
		},
	};
}
