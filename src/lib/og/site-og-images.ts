import { resolve } from 'node:path';

/**
 * Where the site build keeps drawn images between builds (CI keeps `.cache/og` between runs);
 * `C0MM0_OG_CACHE_DIR` moves it, so that benchmarks and scale tests leave the real one alone.
 */
export const ogCacheDir = (): string => resolve(process.env.C0MM0_OG_CACHE_DIR ?? '.cache/og');

/**
 * `C0MM0_SKIP_OG=1`: quick local builds draw no record images; every `/og/<id>.png` is the same
 * small placeholder (see og-placeholder.ts), so no link breaks. `/og/default.png` is still drawn
 * (once, then cached).
 */
export const skipRecordOgImages = (): boolean => process.env.C0MM0_SKIP_OG === '1';
