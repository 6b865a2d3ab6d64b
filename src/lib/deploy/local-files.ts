import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';

/** One file of the built site, with the hashes the deploy compares against the bucket. */
export interface LocalFile {
	/** Path relative to the site folder, `/`-separated: `records/fr-x/index.html`. */
	path: string;
	absolutePath: string;
	size: number;
	/** Hex MD5 of the content: what a bucket reports as the ETag of a single-part upload. */
	md5: string;
	/** Hex SHA-256 of the content, kept in the object's metadata for buckets whose ETag is not an MD5. */
	sha256: string;
}

/** Files hashed at once: enough to keep the disk busy, few enough to bound memory. */
const HASH_CONCURRENCY = 16;

export function hashContent(content: Uint8Array): { md5: string; sha256: string } {
	return {
		md5: createHash('md5').update(content).digest('hex'),
		sha256: createHash('sha256').update(content).digest('hex'),
	};
}

/**
 * Every regular file under `dir`, hashed, sorted by path. Symbolic links and other special files
 * are skipped: the build writes none, and a link could reach outside the site.
 */
export async function listLocalFiles(dir: string): Promise<LocalFile[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	const limit = pLimit(HASH_CONCURRENCY);
	const files = await Promise.all(
		entries
			.filter((entry) => entry.isFile())
			.map((entry) =>
				limit(async () => {
					const absolutePath = join(entry.parentPath, entry.name);
					const content = await readFile(absolutePath);
					return {
						path: relative(dir, absolutePath).split(sep).join('/'),
						absolutePath,
						size: content.byteLength,
						...hashContent(content),
					};
				}),
			),
	);
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
