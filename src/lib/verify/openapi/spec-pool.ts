import { Piscina } from 'piscina';
import type { VerifyLimits } from '../constants.ts';
import { shortError } from './parse-spec-text.ts';
import type { SpecTask, SpecTaskResult } from './spec-worker.ts';

export interface SpecPool {
	run(task: SpecTask): Promise<SpecTaskResult>;
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
		async close() {
			await pool.destroy();
		},
	};
}
