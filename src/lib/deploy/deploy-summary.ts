import type { DeploySummary } from './deploy-site.ts';
import { formatBytes } from './site-size.ts';

/** The one line a deploy ends with, for people and the Actions log. */
export function formatDeploySummary(summary: DeploySummary): string {
	const uploaded = `${summary.uploaded.files} file(s) (${formatBytes(summary.uploaded.bytes)})`;
	const seconds = `${summary.seconds.toFixed(1)} s`;
	if (summary.dryRun) {
		return `Dry run: would upload ${uploaded}, leave ${summary.unchanged} unchanged and delete ${summary.deleted}, in ${seconds}; nothing was changed.`;
	}
	return `Uploaded ${uploaded}, ${summary.unchanged} unchanged, deleted ${summary.deleted}, in ${seconds}.`;
}
