import { DCAT_EXPORT } from './dcat/dcat-export.ts';
import type { SiteExport } from './write-exports.ts';

/**
 * Every export the build writes after the pages, in this order. Each lives in a module of its
 * own under src/lib/exports/ and adds one line here.
 */
export const SITE_EXPORTS: readonly SiteExport[] = [DCAT_EXPORT];
