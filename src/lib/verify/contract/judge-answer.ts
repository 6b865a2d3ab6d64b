import type { ContractViolation } from '../../../schemas/contract.ts';
import type { ContractPlan, DeclaredResponse } from '../openapi/plan-contract.ts';
import type { AnswerVerdict } from './validate-answer.ts';

/** Validates a JSON answer's text against a schema's text (in a worker: see validate-answer-task.ts). */
export type AnswerValidator = (
	schema: string,
	dialect: ContractPlan['dialect'],
	body: string,
) => Promise<AnswerVerdict>;

/** What the answer to the contract call says about the API. */
export interface AnswerJudgement {
	/** The call failed: a 5xx, or not JSON where JSON is declared. The record is degraded. */
	failed: boolean;
	conforms: boolean | null;
	violations: ContractViolation[];
	violationCount: number;
	note: string;
}

export interface Answer {
	status: number;
	/** Media type without parameters, lower case; '' when the server sent none. */
	contentType: string;
	body: Buffer;
	truncated: boolean;
	/** A bot-protection challenge page (see waf.ts). */
	challenge: boolean;
}

function isJsonMediaType(mediaType: string): boolean {
	return /^application\/(?:[\w.+-]*\+)?json$|\/json$/.test(mediaType);
}

/** The declared responses for a status: the exact code, else its range ('2XX'), else 'default'. */
function responsesFor(plan: ContractPlan, status: number): DeclaredResponse[] {
	const byKey = (key: string) => plan.responses.filter((r) => r.status.toUpperCase() === key);
	for (const key of [String(status), `${String(status)[0]}XX`, 'DEFAULT']) {
		const found = byKey(key);
		if (found.length > 0) return found;
	}
	return [];
}

/** The declared response for the answer's media type: exact, then 'type/*', then '*\/*'. */
function mediaMatch(
	declared: DeclaredResponse[],
	contentType: string,
): DeclaredResponse | undefined {
	const [type] = contentType.split('/');
	return (
		declared.find((r) => r.mediaType === contentType) ??
		declared.find((r) => r.mediaType === `${type}/*`) ??
		declared.find((r) => r.mediaType === '*/*')
	);
}

const neutral = (note: string): AnswerJudgement => ({
	failed: false,
	conforms: null,
	violations: [],
	violationCount: 0,
	note,
});

const failed = (note: string): AnswerJudgement => ({ ...neutral(note), failed: true });

const violates = (path: string, message: string): AnswerJudgement => ({
	failed: false,
	conforms: false,
	violations: [{ path, message }],
	violationCount: 1,
	note: message,
});

function jsonText(body: Buffer): string | undefined {
	const text = body.toString('utf8').replace(/^\uFEFF/, '');
	try {
		JSON.parse(text);
		return text;
	} catch {
		return undefined;
	}
}

/**
 * The rules of the contract check, in one place. A failed call (5xx; HTML, or anything not
 * JSON, where the spec declares JSON for a success) degrades the record. An answer that does
 * not match its schema, or a status the spec does not declare, is a violation: reported and
 * scored, but the service answered, so it is not down. Rate limiting, challenge pages, answers
 * too large to read and answers the spec declares no JSON schema for are not judged.
 */
export async function judgeAnswer(
	plan: ContractPlan,
	answer: Answer,
	maxBytes: number,
	validate: AnswerValidator,
): Promise<AnswerJudgement> {
	const { status, contentType } = answer;
	if (status >= 500) return failed(`answered ${status}: server error`);
	if (answer.challenge)
		return neutral(`answered ${status} with a bot-protection challenge; not judged`);
	if (status === 429) return neutral('answered 429: rate limited; not judged');
	const declared = responsesFor(plan, status);
	if (declared.length === 0) {
		return violates(
			'',
			`answered ${status}, a status the spec does not declare for this operation`,
		);
	}
	const jsonDeclared = declared.filter((r) => isJsonMediaType(r.mediaType));
	const success = status >= 200 && status < 300;
	const matched = mediaMatch(declared, contentType);
	// A JSON answer under a vague or wrong label is still judged against the JSON schema.
	const target =
		matched && isJsonMediaType(matched.mediaType) ? matched : (jsonDeclared[0] ?? matched);
	if (!target || !isJsonMediaType(target.mediaType)) {
		return neutral(
			`answered ${status} (${contentType || 'no content type'}); only JSON answers are checked`,
		);
	}
	if (answer.truncated) {
		return neutral(`answered ${status}, larger than ${Math.round(maxBytes / 1024)} KB; not judged`);
	}
	const text = jsonText(answer.body);
	if (text === undefined) {
		const what =
			contentType === 'text/html'
				? 'an HTML page'
				: `${contentType || 'an unlabelled answer'} that is not JSON`;
		const message = `answered ${status} with ${what} where the spec declares ${target.mediaType}`;
		return success ? failed(message) : violates('', message);
	}
	if (target.schema === null)
		return neutral(`answered ${status}; the spec declares no schema for it`);
	const verdict = await validate(target.schema, plan.dialect, text);
	if ('unusable' in verdict) return neutral(verdict.unusable);
	return {
		failed: false,
		...verdict,
		note: verdict.conforms
			? `answered ${status}; the answer matches the published schema`
			: `answered ${status}; ${verdict.violationCount} difference(s) from the published schema`,
	};
}
