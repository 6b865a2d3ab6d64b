import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { OgCard } from './og-card.ts';
import type { PngBytes } from './og-pool.ts';

/**
 * Bump when the card's design or encoding changes (og-layout.ts, render-og.ts, encode-png.ts):
 * every cached image is then drawn again. Library versions and font bytes are in the key already.
 */
export const OG_DESIGN_VERSION = 1;

let rendererVersion: string | undefined;

/** Design version and the exact satori and resvg releases: a new release may draw differently. */
export function ogRendererVersion(): string {
	if (rendererVersion === undefined) {
		const require = createRequire(import.meta.url);
		const version = (name: string) =>
			(require(`${name}/package.json`) as { version: string }).version;
		rendererVersion = `design ${OG_DESIGN_VERSION}; satori ${version('satori')}; resvg ${version('@resvg/resvg-js')}`;
	}
	return rendererVersion;
}

/** sha256 of everything the image depends on: the card, the renderer, the font bytes. */
export function ogCacheKey(card: OgCard, fontsSha256: string): string {
	return createHash('sha256')
		.update(JSON.stringify([ogRendererVersion(), fontsSha256, card]))
		.digest('hex');
}

const pathOf = (dir: string, key: string) => join(dir, `${key}.png`);

/** The cached PNG for `key`, or null when there is none. */
export async function readCachedOg(dir: string, key: string): Promise<PngBytes | null> {
	try {
		return await readFile(pathOf(dir, key));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/**
 * Whether `key` is cached, marking it used now (its mtime) so that pruning keeps it. One
 * system call answers both.
 */
export async function touchCachedOg(dir: string, key: string): Promise<boolean> {
	const now = new Date();
	try {
		await utimes(pathOf(dir, key), now, now);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw error;
	}
}

/** Stores a PNG atomically: concurrent builds sharing the cache never read half a file. */
export async function writeCachedOg(dir: string, key: string, png: PngBytes): Promise<void> {
	await writeFileAtomic(pathOf(dir, key), png);
}

/** Images no build has used for this long are deleted: records changed or gone, old designs. */
export const OG_CACHE_MAX_AGE_DAYS = 30;

/**
 * Deletes cached images (and temporary files a crash left) not used for `maxAgeDays`. Run after
 * `touchCachedOg` has marked this build's images, so none of them can go.
 */
export async function pruneOgCache(
	dir: string,
	maxAgeDays = OG_CACHE_MAX_AGE_DAYS,
	now = Date.now(),
): Promise<number> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
		throw error;
	}
	const cutoff = now - maxAgeDays * 86_400_000;
	let pruned = 0;
	for (const name of names) {
		const path = join(dir, name);
		const info = await stat(path).catch(() => null);
		if (info?.isFile() && info.mtimeMs < cutoff) {
			await rm(path, { force: true });
			pruned++;
		}
	}
	return pruned;
}
