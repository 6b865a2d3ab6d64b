/**
 * Reading a workbook as a task for the spec worker pool (see spec-pool.ts): a ZIP member that
 * declares few bytes is still inflated whole before what does not fit is dropped, and exceljs
 * builds every cell in memory, so a crafted 4 MB workbook costs seconds of CPU. In a worker that
 * is bounded by the pool's heap limit and deadline, and the verifier's other requests go on.
 */
import { readXlsx } from './read-xlsx.ts';
import type { SchemaRead } from './schema-read.ts';

export interface ReadWorkbookTask {
	bytes: Uint8Array;
	/** Most bytes the workbook's parts may declare in all. */
	maxExpandedBytes: number;
}

export function readWorkbook(task: ReadWorkbookTask): Promise<SchemaRead> {
	return readXlsx(task.bytes, task.maxExpandedBytes);
}
