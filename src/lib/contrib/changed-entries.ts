/**
 * Which catalog entries a pull request touches, from the files it changed. Pure: the caller runs
 * git and loads the catalog.
 */

/** A changed file as git reports it; a bare path counts as added or modified. */
export type ChangedFile = string | { status: ChangeStatus; path: string };

export type ChangeStatus = 'added' | 'modified' | 'deleted';

/** The entry and publisher of every entry in the (new) catalog. */
export interface EntryPublisher {
	id: string;
	publisher: string;
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

/** `data`, `./data/` → `data`; `.` or an empty prefix → the data dir is the repository root. */
function normalisePrefix(prefix: string): string {
	const trimmed = prefix.replace(/\\/g, '/').replace(/^(\.\/)+|\/+$/g, '');
	return trimmed === '.' ? '' : trimmed;
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
	const prefix = normalisePrefix(dataPrefix);
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
	for (const change of changes) {
		const { status, path } =
			typeof change === 'string' ? { status: 'modified', path: change } : change;
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
