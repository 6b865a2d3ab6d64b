import type { Problem } from '../catalog/problem.ts';
import { historyFiles, readHistoryFile } from './history-store.ts';
import { readSnapshot, snapshotIds } from './snapshot-store.ts';

/**
 * Every stored measurement on disk — each snapshot, each night of history, not only those a
 * build would read — checked through the same readers the build uses: the problems of the
 * corrupt ones. `validate` reports them, so a pull request cannot bring in a file the build
 * would refuse. One file at a time, holding nothing but the problems: at scale the snapshots
 * run to gigabytes.
 */
export async function measurementProblems(dataDir: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const id of await snapshotIds(dataDir)) {
		const read = readSnapshot(dataDir, id);
		if ('problem' in read) problems.push(read.problem);
	}
	for (const night of await historyFiles(dataDir)) {
		const { problem } = await readHistoryFile(night.file, night.date);
		if (problem) problems.push(problem);
	}
	return problems;
}
