import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildManifest, BuildManifestSchema } from '../../schemas/build-manifest.ts';
import { distFile, recordPath } from '../register/urls.ts';
import { settings } from '../settings/read-settings.ts';
import { currentBuild } from './build-state.ts';

const recordPageFile = (id: string) => distFile(recordPath(id));

/**
 * Incremental builds. Every record has a key — a hash of the template and of everything its
 * pages are rendered from. A record whose key matches the last build's, and whose page is still
 * in the output folder, is not rendered again: its files from the last build stay. Everything
 * else — and every page that lists records — is rendered as usual.
 */

export const CACHE_DIR = (): string => resolve(settings().cacheDir);

const manifestPath = () => join(CACHE_DIR(), 'build', 'manifest.json');
const pendingPath = () => join(CACHE_DIR(), 'build', 'pending.json');

function readManifest(path: string): BuildManifest | undefined {
	try {
		const parsed = BuildManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Which records can keep last build's files. Writes the pending manifest that the integration
 * promotes once the build succeeds. `elsewhere`: records of the site that other shards of a
 * sharded build render; they count as kept in the manifest's `reused` (the site has their pages,
 * this build does not render them), so the sitemap still lists every record.
 */
export function planRecords(
	templateKey: string,
	keys: ReadonlyMap<string, string>,
	elsewhere: readonly string[] = [],
): Set<string> {
	const outDir = currentBuild()?.outDir;
	const reusable = new Set<string>();
	if (outDir && !settings().fullBuild) {
		const last = readManifest(manifestPath());
		if (last && last.outDir === outDir && last.templateKey === templateKey) {
			for (const [id, key] of keys) {
				if (last.records[id] === key && existsSync(join(outDir, recordPageFile(id))))
					reusable.add(id);
			}
		}
	}
	if (outDir) {
		mkdirSync(join(CACHE_DIR(), 'build'), { recursive: true });
		const pending: BuildManifest = {
			outDir,
			templateKey,
			records: Object.fromEntries(keys),
			reused: [...reusable, ...elsewhere],
		};
		writeFileSync(pendingPath(), JSON.stringify(pending));
	}
	return reusable;
}

/** The plan the running build's pages were rendered with. */
export function readPendingPlan(): BuildManifest | undefined {
	return readManifest(pendingPath());
}

/** Called once the build succeeded: the pending manifest becomes the one the next build reads. */
export function commitPlan(): BuildManifest | undefined {
	const pending = readManifest(pendingPath());
	if (!pending) return undefined;
	writeFileSync(manifestPath(), JSON.stringify({ ...pending, reused: [] }));
	return pending;
}
