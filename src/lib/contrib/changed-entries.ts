/**
 * Which catalog entries a pull request touches, and which machine-written files it would plant,
 * from the files it changed. Pure: the caller runs git and loads the catalog.
 */
import {
	isMachineWrittenPath,
	machineWrittenPaths,
	normaliseDataPrefix,
} from '../catalog/machine-written.ts';
import { safeLogText } from '../cli/safe-log-text.ts';

/** A changed file as git reports it; a bare path counts as added or modified. */
export type ChangedFile = string | { status: ChangeStatus; path: string };

export type ChangeStatus = 'added' | 'modified' | 'deleted';

/** The entry and publisher of every entry in the (new) catalog. */
export interface EntryPublisher {
	id: string;
	publisher: string;
}

function asChange(change: ChangedFile): { status: ChangeStatus; path: string } {
	return typeof change === 'string' ? { status: 'modified', path: change } : change;
}

const STATUS_LETTERS: Record<string, ChangeStatus> = {
	A: 'added',
	C: 'added',
	M: 'modified',
	T: 'modified',
	D: 'deleted',
};

/**
 * Reads `git diff --name-status -z --no-renames` output: a status letter, then the path, each
 * NUL-terminated. (Without --no-renames a rename would carry two paths.)
 */
export function parseNameStatus(output: string): { status: ChangeStatus; path: string }[] {
	const fields = output.split('\0');
	const changes: { status: ChangeStatus; path: string }[] = [];
	for (let i = 0; i + 1 < fields.length; i += 2) {
		const letter = (fields[i] ?? '').trim().charAt(0);
		const path = fields[i + 1] ?? '';
		if (!letter || !path) continue;
		changes.push({ status: STATUS_LETTERS[letter] ?? 'modified', path });
	}
	return changes;
}

/**
 * `catalog/<cc>/<id>.md` → id; `publishers/<id>.yaml` → publisher id; anything else → null.
 * Names outside letters, digits, `_`, `-` and `.` are ignored: ids travel through CI step outputs
 * and comma-separated lists, and the validator rejects such files anyway.
 */
export function classifyDataPath(
	path: string,
	dataPrefix = 'data',
): { entry: string } | { publisher: string } | null {
	const prefix = normaliseDataPrefix(dataPrefix);
	const normalised = path.replace(/\\/g, '/');
	if (prefix !== '' && !normalised.startsWith(`${prefix}/`)) return null;
	const below = prefix === '' ? normalised : normalised.slice(prefix.length + 1);
	const entry = /^catalog\/[a-z]{2}\/([\w-][\w.-]*)\.md$/.exec(below);
	if (entry?.[1]) return { entry: entry[1] };
	const publisher = /^publishers\/([\w-][\w.-]*)\.yaml$/.exec(below);
	if (publisher?.[1]) return { publisher: publisher[1] };
	return null;
}

/**
 * The ids of the entries to check for a set of changed files: every added or modified entry
 * file, and every entry of a publisher whose file was added or modified. Deleted files and files
 * outside `<dataPrefix>/catalog` and `<dataPrefix>/publishers` are ignored. Sorted, unique.
 */
export function changedEntryIds(
	changes: readonly ChangedFile[],
	entries: readonly EntryPublisher[],
	dataPrefix = 'data',
): string[] {
	const ids = new Set<string>();
	const publishers = new Set<string>();
	for (const { status, path } of changes.map(asChange)) {
		if (status === 'deleted') continue;
		const kind = classifyDataPath(path, dataPrefix);
		if (!kind) continue;
		if ('entry' in kind) ids.add(kind.entry);
		else publishers.add(kind.publisher);
	}
	for (const entry of entries) {
		if (publishers.has(entry.publisher)) ids.add(entry.id);
	}
	return [...ids].sort();
}

/**
 * The changes a pull request may not make: every machine-written file it adds, modifies or
 * deletes (a rename is a deletion and an addition, as `--no-renames` reports it), in diff order.
 */
export function machineWrittenChanges(
	changes: readonly ChangedFile[],
	dataPrefix = 'data',
): { status: ChangeStatus; path: string }[] {
	return changes.map(asChange).filter((change) => isMachineWrittenPath(change.path, dataPrefix));
}

/** The folder to restore for a refused path: its machine-written folder, or the path itself. */
function folderToRestore(path: string, dataPrefix: string): string {
	const normalised = path.replace(/\\/g, '/').replace(/\/+$/, '');
	return (
		machineWrittenPaths(dataPrefix).find(
			(folder) => normalised === folder || normalised.startsWith(`${folder}/`),
		) ?? normalised
	);
}

/**
 * What the pull-request check prints when a pull request touches machine-written files: each
 * file, why it is refused, and how to drop it from the pull request. File names come from the
 * pull request, so each is made safe for the CI log.
 */
export function machineWrittenRefusal(
	refused: readonly { status: ChangeStatus; path: string }[],
	dataPrefix = 'data',
): string {
	const folders = [...new Set(refused.map((change) => folderToRestore(change.path, dataPrefix)))];
	return [
		`this pull request changes ${refused.length} machine-written file(s):`,
		...refused.map((change) => `  ${change.status.padEnd(9)}${safeLogText(change.path)}`),
		`${machineWrittenPaths(dataPrefix).join(', ')} hold measurements and imported records: they are written only by the nightly job, from what it checked itself, and a pull request may not add, change, delete or rename them.`,
		`Fix: drop these files from the pull request — git restore --source=origin/main --staged --worktree -- ${folders.map(safeLogText).join(' ')} (origin/main: your pull request's base), then commit and push.`,
	].join('\n');
}
