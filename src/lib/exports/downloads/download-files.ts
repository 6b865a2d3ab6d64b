import { pagePath } from '../../register/urls.ts';
import type { ExportReport } from '../write-exports.ts';
import { PARQUET_ROW_GROUP } from './parquet-chunks.ts';

type SitePage = Parameters<typeof pagePath>[0];

/** A file the /downloads/ page lists: where it is and what it is. */
export interface ListedFile {
	page: SitePage;
	label: string;
	format: string;
}

/** The bulk downloads, the three register files first. */
export const DOWNLOAD_FILES: readonly ListedFile[] = [
	{
		page: 'downloadCsv',
		label: 'register.csv',
		format: 'CSV: UTF-8, comma-separated, a header row',
	},
	{
		page: 'downloadNdjson',
		label: 'register.ndjson',
		format: 'NDJSON: one JSON object per line',
	},
	{
		page: 'downloadParquet',
		label: 'register.parquet',
		format: `Parquet: Snappy-compressed, row groups of ${PARQUET_ROW_GROUP.toLocaleString('en')} rows`,
	},
	{
		page: 'downloadFields',
		label: 'fields.csv',
		format: 'CSV: UTF-8, comma-separated, a header row',
	},
];

/** The register's other machine-readable files, written by other exports or pages. */
export const OTHER_EXPORTS: readonly ListedFile[] = [
	{ page: 'recordsJson', label: 'records.json', format: 'JSON: every record in brief' },
	{ page: 'openApi', label: 'openapi.json', format: 'OpenAPI 3.1: the JSON API described' },
	{ page: 'dcatTurtle', label: 'catalog.ttl', format: 'DCAT-AP 3 in Turtle' },
	{ page: 'dcatJsonLd', label: 'catalog.jsonld', format: 'DCAT-AP 3 in JSON-LD' },
	{ page: 'llmsTxt', label: 'llms.txt', format: 'Text for AI agents (llms.txt)' },
	{ page: 'changes', label: 'changes.xml', format: 'RSS: status and schema changes' },
];

/** This build's report of a listed file, when this build's exports wrote it. */
export function reportOf(
	reports: readonly ExportReport[] | null,
	file: ListedFile,
): ExportReport | undefined {
	return reports?.find((r) => r.path === pagePath(file.page));
}
