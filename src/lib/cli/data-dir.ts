import { resolve } from 'node:path';

/** The data dir every script and the site build read: `--data-dir`, else `C0MM0_DATA_DIR`, else `./data`. */
export function resolveDataDir(flag?: string): string {
	return resolve(flag ?? process.env.C0MM0_DATA_DIR ?? 'data');
}
