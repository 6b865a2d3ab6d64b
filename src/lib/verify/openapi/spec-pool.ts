import { Piscina } from 'piscina';
import type { VerifyLimits } from '../constants.ts';
import type { AnswerVerdict } from '../contract/validate-answer.ts';
import type { ValidateAnswerTask } from '../contract/validate-answer-task.ts';
import type { ReadWorkbookTask } from '../files/read-xlsx-task.ts';
import type { SchemaRead } from '../files/schema-read.ts';
import { shortError } from './parse-spec-text.ts';
import type { SpecTask, SpecTaskResult } from './spec-worker.ts';

export interface SpecPool {
	run(task: SpecTask): Promise<SpecTaskResult>;
	/** Validates a contract check's answer in a worker, under the same deadline. */
	validateAnswer(task: ValidateAnswerTask): Promise<AnswerVerdict>;
	/** Reads a workbook's columns in a worker; throws with the reason when it cannot. */
	readWorkbook(task: ReadWorkbookTask): Promise<SchemaRead>;
	close(): Promise<void>;
}

/**
 * Worker threads that parse, validate and dereference specs — one spec per worker at a time,
 * each under a heap limit and a deadline. A spec that overruns either takes its worker down
 * with it (the pool starts a fresh one) and is recorded as such; the run goes on.
 */
export function createSpecPool(limits: VerifyLimits): SpecPool {
	const pool = new Piscina<SpecTask, SpecTaskResult>({
		filename: new URL('./spec-worker.ts', import.meta.url).href,
		minThreads: 0,
		maxThreads: limits.specWorkers,
		idleTimeout: 2_000,
		resourceLimits: {
			maxOldGenerationSizeMb: limits.specHeapMb,
			maxYoungGenerationSizeMb: 16,
			stackSizeMb: 8,
		},
	});
	// A worker that dies outside a task (e.g. while starting) is reported here rather than
	// crashing the run; the task waiting for it fails at its deadline.
	let lastWorkerError: string | undefined;
	pool.on('error', (error: unknown) => {
		lastWorkerError = shortError(error);
	});
	return {
		async run(task) {
			try {
				return await pool.run(task, { signal: AbortSignal.timeout(limits.specTimeoutMs) });
			} catch (error) {
				const name = (error as { name?: string; code?: string }).name;
				const code = (error as { code?: string }).code;
				let reason: string;
				if (name === 'AbortError')
					reason = `processing the spec took longer than ${limits.specTimeoutMs / 1000} s${lastWorkerError ? ` (a worker failed: ${lastWorkerError})` : ''}`;
				else if (code === 'ERR_WORKER_OUT_OF_MEMORY')
					reason = `processing the spec needed more than ${limits.specHeapMb} MB`;
				else reason = `the spec could not be processed: ${shortError(error)}`;
				return { readable: false, valid: false, errors: [reason], schema: null };
			}
		},
		async validateAnswer(task) {
			try {
				// The pool is typed for its default task; this is its other one, a named export.
				const verdict: unknown = await pool.run(task as never, {
					name: 'validateContractAnswer',
					signal: AbortSignal.timeout(limits.specTimeoutMs),
				});
				return verdict as AnswerVerdict;
			} catch (error) {
				const name = (error as { name?: string }).name;
				return {
					unusable:
						name === 'AbortError'
							? `validating the answer took longer than ${limits.specTimeoutMs / 1000} s`
							: `the answer could not be validated: ${shortError(error)}`,
				};
			}
		},
		async readWorkbook(task) {
			try {
				const read: unknown = await pool.run(task as never, {
					name: 'readWorkbook',
					signal: AbortSignal.timeout(limits.specTimeoutMs),
				});
				return read as SchemaRead;
			} catch (error) {
				const name = (error as { name?: string }).name;
				const code = (error as { code?: string }).code;
				if (name === 'AbortError')
					throw new Error(`reading the workbook took longer than ${limits.specTimeoutMs / 1000} s`);
				if (code === 'ERR_WORKER_OUT_OF_MEMORY')
					throw new Error(`reading the workbook needed more than ${limits.specHeapMb} MB`);
				throw error;
			}
		},
		async close() {
			await pool.destroy();
		},
	};
}
