import { resolve } from 'node:path';
import { settings } from '../settings/read-settings.ts';

/** The data dir every script and the site build read: `--data-dir`, else `C0MM0_DATA_DIR`, else `./data`. */
export function resolveDataDir(flag?: string): string {
	return resolve(flag ?? settings().dataDir);
}
