import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { distFile, recordPath, searchPartitionFolder } from '../register/urls.ts';
import { countIndexedPages, recordPageIds } from './index-site.ts';
import { idsByPartition, type SearchPartitions } from './search-partitions.ts';

/**
 * Whether a built site's search index still covers its record pages, so the build can keep it:
 * each partition of this build that holds pages has an index with one fragment per page, no
 * partition is left from another count, and no record page was written after its partition's
 * index. An incremental build leaves unchanged pages untouched (their times stay older than the
 * index), so a page rendered again, added or removed is what makes the index stale. Read from
 * the files themselves, since the index is built in its own step after Astro's process has ended.
 */
export async function searchIndexIsCurrent(
	outDir: string,
	partitions: SearchPartitions = { count: 1, own: [1] },
): Promise<boolean> {
	const bundleTime = async (partition: number) =>
		(
			await stat(join(outDir, searchPartitionFolder(partition), 'pagefind.js')).catch(
				() => undefined,
			)
		)?.mtimeMs;
	const byPartition = idsByPartition(await recordPageIds(outDir), partitions.count);
	for (const partition of partitions.own) {
		const ids = byPartition.get(partition) ?? [];
		const indexedAt = await bundleTime(partition);
		if (ids.length === 0 && partition !== 1) {
			if (indexedAt !== undefined) return false;
			continue;
		}
		if (indexedAt === undefined) return false;
		if ((await countIndexedPages(outDir, partition)) !== ids.length) return false;
		for (const id of ids) {
			const page = await stat(join(outDir, distFile(recordPath(id)))).catch(() => undefined);
			if (!page || page.mtimeMs > indexedAt) return false;
		}
	}
	// A partition count that shrank leaves the partition after the last behind.
	return (await bundleTime(partitions.count + 1)) === undefined;
}
