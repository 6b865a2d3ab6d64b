import type { ContractCheck } from '../../schemas/contract.ts';

/** What the record page says about the contract check, in the register's sentences. */
export interface ContractStory {
	/** One sentence: what was called and how it went. */
	sentence: string;
	/** How the reader should take it: fine, a difference from the schema, a failure, or not checked. */
	tone: 'conforms' | 'differs' | 'failed' | 'unjudged' | 'skipped';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "A real request to GET /v2/… answered 200 in 143 ms; the answer matches the published
 * schema." — or what differed, what failed, or why no request was made.
 */
export function describeContract(contract: ContractCheck): ContractStory {
	if (contract.skipped !== null) {
		return {
			sentence: `No real request was made: ${contract.skipped.replace(/^not called: /, '')}.`,
			tone: 'skipped',
		};
	}
	const lead = `A real request to ${contract.operation ?? 'an operation'}`;
	const answered =
		contract.status === null
			? lead
			: `${lead} answered ${contract.status}${contract.ms === null ? '' : ` in ${contract.ms} ms`}`;
	if (contract.failed) {
		const why = contract.note.replace(/^answered \d+(: | with )?/, '');
		return {
			sentence:
				contract.status === null
					? `${lead} failed: ${why.replace(/^failed: /, '')}.`
					: `${answered}${why ? `: ${why}` : ''}. A failed request makes the record degraded.`,
			tone: 'failed',
		};
	}
	if (contract.conforms === true) {
		return { sentence: `${answered}; the answer matches the published schema.`, tone: 'conforms' };
	}
	if (contract.conforms === false) {
		// A wrong status or an unreadable answer is about the whole answer, not its fields.
		const what = contract.violations.every((v) => v.path === '')
			? 'the answer differs'
			: plural(contract.violationCount, 'field differs', 'fields differ');
		return {
			sentence: `${answered}; ${what} from the published schema:`,
			tone: 'differs',
		};
	}
	const why = contract.note.replace(/^answered \d+[;,]? ?/, '').replace(/^failed: /, '');
	return { sentence: `${answered}${why ? `; ${why}` : ''}.`, tone: 'unjudged' };
}
