import type { urlContract } from '../register/urls.ts';
import type { ComponentName } from './openapi-schemas.ts';

type Urls = ReturnType<typeof urlContract>;
type Json = Record<string, unknown>;

/** A response body: one media type, a schema (a component or inline) and what it holds. */
export interface Body {
	mediaType: string;
	schema: ComponentName | Json;
	description: string;
}

export interface Operation {
	/** The site path, with `{id}` where a record id goes. */
	path: string;
	operationId: string;
	tag: 'Records' | 'Badges' | 'Exports' | 'Feeds';
	summary: string;
	body: Body;
}

const TEXT = { type: 'string' } as const;
const BYTES = { type: 'string', contentMediaType: 'application/octet-stream' } as const;

/** The operations, in the order the description lists them; every path from the URL contract. */
export function operations(urls: Urls): Operation[] {
	const id = '{id}';
	const rows = (format: string): Body['description'] =>
		`The whole register in one ${format} file: one row per record, with the columns (in order) of the DownloadRow schema.`;
	return [
		{
			path: urls.pagePath('recordsJson'),
			operationId: 'listRecords',
			tag: 'Records',
			summary: 'Every record, summarised',
			body: {
				mediaType: 'application/json',
				schema: 'RecordsList',
				description: 'Every record, sorted by title.',
			},
		},
		{
			path: urls.recordJsonPath(id),
			operationId: 'getRecord',
			tag: 'Records',
			summary: 'One record: entry, last check, history and score',
			body: { mediaType: 'application/json', schema: 'Record', description: 'The record.' },
		},
		{
			path: urls.badgeEndpointPath(id),
			operationId: 'getBadgeEndpoint',
			tag: 'Badges',
			summary: 'A record’s badge in the shields.io endpoint format',
			body: {
				mediaType: 'application/json',
				schema: 'BadgeEndpoint',
				description: 'The badge’s text and colour.',
			},
		},
		...(
			[
				['status', 'getStatusBadge', 'Status badge: last outcome and score'],
				['score', 'getScoreBadge', 'Score badge: score and band'],
				['uptime', 'getUptimeBadge', 'Uptime badge: uptime over the last 30 nights'],
			] as const
		).map(
			([variant, operationId, summary]): Operation => ({
				path: urls.badgePath(id, variant),
				operationId,
				tag: 'Badges',
				summary,
				body: { mediaType: 'image/svg+xml', schema: TEXT, description: 'An SVG badge.' },
			}),
		),
		{
			path: urls.pagePath('changes'),
			operationId: 'getChangesFeed',
			tag: 'Feeds',
			summary: 'What changed: records going down or up, schemas changing',
			body: { mediaType: 'application/xml', schema: TEXT, description: 'An RSS 2.0 feed.' },
		},
		{
			path: urls.pagePath('downloadCsv'),
			operationId: 'downloadCsv',
			tag: 'Exports',
			summary: 'The register as CSV',
			body: {
				mediaType: 'text/csv',
				schema: TEXT,
				description: `${rows('CSV')} A header row names them.`,
			},
		},
		{
			path: urls.pagePath('downloadNdjson'),
			operationId: 'downloadNdjson',
			tag: 'Exports',
			summary: 'The register as NDJSON',
			body: {
				mediaType: 'application/x-ndjson',
				schema: TEXT,
				description: `${rows('newline-delimited JSON')} Each line is one DownloadRow object.`,
			},
		},
		{
			path: urls.pagePath('downloadParquet'),
			operationId: 'downloadParquet',
			tag: 'Exports',
			summary: 'The register as Parquet',
			body: {
				mediaType: 'application/vnd.apache.parquet',
				schema: BYTES,
				description: rows('Parquet'),
			},
		},
		{
			path: urls.pagePath('downloadFields'),
			operationId: 'downloadFields',
			tag: 'Exports',
			summary: 'Every captured parameter and result field, with its record',
			body: {
				mediaType: 'text/csv',
				schema: TEXT,
				description:
					'One row per parameter, result field or data column the verifier captured, with the record it belongs to: the columns (in order) of the DownloadField schema.',
			},
		},
		{
			path: urls.pagePath('dcatTurtle'),
			operationId: 'getDcatTurtle',
			tag: 'Exports',
			summary: 'The register as a DCAT-AP 3 catalogue (Turtle)',
			body: {
				mediaType: 'text/turtle',
				schema: TEXT,
				description:
					'A dcat:Catalog of every record, with the nightly measurements as DQV quality measurements.',
			},
		},
		{
			path: urls.pagePath('dcatJsonLd'),
			operationId: 'getDcatJsonLd',
			tag: 'Exports',
			summary: 'The register as a DCAT-AP 3 catalogue (JSON-LD)',
			body: {
				mediaType: 'application/ld+json',
				schema: TEXT,
				description: 'The same catalogue as the Turtle file, as JSON-LD.',
			},
		},
		{
			path: urls.pagePath('llmsTxt'),
			operationId: 'getLlmsTxt',
			tag: 'Feeds',
			summary: 'The register for language models (llms.txt)',
			body: {
				mediaType: 'text/plain',
				schema: TEXT,
				description:
					'Markdown, following the llms.txt convention: what the register is and where to read it.',
			},
		},
		{
			path: urls.pagePath('openApi'),
			operationId: 'getOpenApi',
			tag: 'Feeds',
			summary: 'This description',
			body: {
				mediaType: 'application/json',
				schema: { type: 'object' },
				description: 'This OpenAPI description.',
			},
		},
	];
}
