/**
 * The answer's validation as a task for the spec worker pool (see spec-pool.ts): a schema's
 * `pattern` or `uniqueItems` can make a validator run for minutes on a crafted answer (a
 * catastrophic regular expression, a quadratic comparison of 100,000 items), and the pool's
 * deadline ends that worker, not the run.
 */
import type { SchemaDialect } from '../openapi/plan-contract.ts';
import { type AnswerVerdict, validateAnswer } from './validate-answer.ts';

export interface ValidateAnswerTask {
	schema: string;
	dialect: SchemaDialect;
	/** The answer's text, already known to be JSON. */
	body: string;
}

export function validateContractAnswer(task: ValidateAnswerTask): AnswerVerdict {
	return validateAnswer(task.schema, task.dialect, JSON.parse(task.body));
}
