import { uploadPhaseOf } from './cache-policy.ts';
import type { LocalFile } from './local-files.ts';
import { isContentMd5, type RemoteObject } from './remote-objects.ts';

/** What one deploy does: files to upload in phase order, files left alone, objects to delete. */
export interface DeployPlan {
	/** Upload phases, in order: each finishes before the next starts (see `uploadPhaseOf`). */
	phases: LocalFile[][];
	unchanged: LocalFile[];
	/** Paths under the prefix that the site no longer has: deleted once every upload succeeded. */
	remove: string[];
}

/** Whether the bucket already holds exactly this content at this path. */
function isUnchanged(local: LocalFile, remote: RemoteObject | undefined): boolean {
	if (remote === undefined) return false;
	if (isContentMd5(remote.etag)) return remote.etag === local.md5;
	return remote.sha256 === local.sha256;
}

/** Compares the built site with the bucket; pure, so every rule is tested without a server. */
export function planDeploy(
	local: readonly LocalFile[],
	remote: readonly RemoteObject[],
): DeployPlan {
	const remoteByPath = new Map(remote.map((object) => [object.path, object]));
	const localPaths = new Set(local.map((file) => file.path));
	const phases: LocalFile[][] = [[], [], []];
	const unchanged: LocalFile[] = [];
	for (const file of local) {
		if (isUnchanged(file, remoteByPath.get(file.path))) unchanged.push(file);
		else phases[uploadPhaseOf(file.path)]?.push(file);
	}
	const remove = remote.map((object) => object.path).filter((path) => !localPaths.has(path));
	return { phases: phases.filter((phase) => phase.length > 0), unchanged, remove };
}

/** Files and bytes a plan uploads: what a dry run reports, and the build bench's rebuild cost. */
export function uploadTotals(plan: DeployPlan): { files: number; bytes: number } {
	const files = plan.phases.flat();
	return { files: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) };
}
