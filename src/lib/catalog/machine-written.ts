/**
 * The folders of the data dir that only the nightly job writes: measurements (snapshots and
 * history) and imported records. People write `catalog/` and `publishers/`; everything here is
 * produced by a program and committed by the nightly job alone. The pull-request check refuses
 * changes to these folders, and the nightly commit job refuses changes anywhere else
 * (`MACHINE_WRITTEN_DIRS` in `.github/workflows/nightly.yml`, checked against this list by a test).
 */
export const MACHINE_WRITTEN_DIRS = ['snapshots', 'history', 'imported'] as const;

/** `data`, `./data/` → `data`; `.` or an empty prefix → the data dir is the repository root. */
export function normaliseDataPrefix(prefix: string): string {
	const trimmed = prefix.replace(/\\/g, '/').replace(/^(\.\/)+|\/+$/g, '');
	return trimmed === '.' ? '' : trimmed;
}

/** `data/snapshots`, `data/history`, …: the machine-written folders as repository paths. */
export function machineWrittenPaths(dataPrefix = 'data'): string[] {
	const prefix = normaliseDataPrefix(dataPrefix);
	return MACHINE_WRITTEN_DIRS.map((dir) => (prefix === '' ? dir : `${prefix}/${dir}`));
}

/**
 * Whether a repository path is machine-written: inside one of the folders, one of the folders
 * itself (replaced by a file or a symbolic link), or a folder above them (`data` turned into a
 * link would redirect every nightly write).
 */
export function isMachineWrittenPath(path: string, dataPrefix = 'data'): boolean {
	const normalised = path.replace(/\\/g, '/').replace(/\/+$/, '');
	return machineWrittenPaths(dataPrefix).some(
		(folder) =>
			normalised === folder ||
			normalised.startsWith(`${folder}/`) ||
			folder.startsWith(`${normalised}/`),
	);
}
