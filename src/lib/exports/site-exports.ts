import { DCAT_EXPORT } from './dcat/dcat-export.ts';
import { DOWNLOADS_EXPORT } from './downloads/downloads-export.ts';
import { llmsTxtExport } from './llms-txt.ts';
import { openApiExport } from './openapi.ts';
import { PUBLISHER_FILES } from './publisher-exports.ts';
import { recordsListExport } from './records-list.ts';
import type { SiteExport } from './write-exports.ts';

/**
 * Every export the build writes after the pages, in this order. Each lives in a module of its
 * own under src/lib/exports/ and adds one line here.
 */
export const SITE_EXPORTS: readonly SiteExport[] = [
	recordsListExport,
	DOWNLOADS_EXPORT,
	DCAT_EXPORT,
	openApiExport,
	llmsTxtExport,
	PUBLISHER_FILES,
];
