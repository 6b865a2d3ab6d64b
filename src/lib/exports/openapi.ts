import { z } from 'zod';
import { EntryIdSchema } from '../../schemas/entry.ts';
import { SITE_URL, urlContract } from '../register/urls.ts';
import { type ComponentName, componentRef, openApiComponentSchemas } from './openapi-schemas.ts';
import type { SiteExport } from './write-exports.ts';

type Urls = ReturnType<typeof urlContract>;
type Json = Record<string, unknown>;

/** The OpenAPI version written; swagger-parser validates 3.1.0–3.1.2. */
export const OPENAPI_VERSION = '3.1.1';

/** A response body: one media type, a schema (a component or inline) and what it holds. */
interface Body {
	mediaType: string;
	schema: ComponentName | Json;
	description: string;
}

interface Operation {
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
function operations(urls: Urls): Operation[] {
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
					'One row per parameter, result field or data column the verifier captured, with the record it belongs to.',
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

/**
 * `/api/v1/openapi.json`: an OpenAPI 3.1 description of the register's own files, for programs
 * that generate a client. Everything is a static file, so every operation is a GET; the schemas
 * are converted from the zod schemas the writers are typed by, so the description cannot drift
 * from what the files hold. `exampleId` is a real record's id, for the path parameter's example.
 */
export function openApiDocument(urls: Urls, exampleId?: string): Json {
	// Paths are relative to the server URL, which carries the site's base path.
	const relative = (path: string) => `/${path.slice(urls.base.length)}`;
	const { $schema: _dialect, ...idSchema } = z.toJSONSchema(EntryIdSchema, {
		target: 'draft-2020-12',
	});
	const idParameter = {
		name: 'id',
		in: 'path',
		required: true,
		description: 'A record id: its country code in lower case, a hyphen, a slug.',
		schema: idSchema,
		...(exampleId ? { example: exampleId } : {}),
	};
	const paths: Json = {};
	for (const op of operations(urls)) {
		const templated = op.path.includes('{id}');
		const { mediaType, schema, description } = op.body;
		paths[relative(op.path)] = {
			get: {
				operationId: op.operationId,
				tags: [op.tag],
				summary: op.summary,
				...(templated ? { parameters: [idParameter] } : {}),
				responses: {
					'200': {
						description,
						content: {
							[mediaType]: { schema: typeof schema === 'string' ? componentRef(schema) : schema },
						},
					},
					...(templated ? { '404': { description: 'No record has this id.' } } : {}),
				},
			},
		};
	}
	return {
		openapi: OPENAPI_VERSION,
		info: {
			title: 'c0mm0 register',
			version: '1',
			summary: 'The continuously verified register of European public APIs and datasets, as files.',
			description:
				'Every URL is a static file, rebuilt after each nightly check: no key, no rate limit beyond the host’s, nothing to send but GET. Record documents follow the Record schema; the list, badges and exports are described below.',
		},
		servers: [{ url: urls.siteUrl.replace(/\/$/, ''), description: 'The register' }],
		tags: [
			{ name: 'Records', description: 'The register, one JSON document per record and one list.' },
			{ name: 'Badges', description: 'Badges to embed in a README.' },
			{ name: 'Exports', description: 'The whole register in one file: downloads and DCAT-AP.' },
			{ name: 'Feeds', description: 'Changes, llms.txt and this description.' },
		],
		paths,
		components: { schemas: openApiComponentSchemas() },
	};
}

/** Writes the description; the example id is the register's first record's. */
export const openApiExport: SiteExport = {
	name: 'OpenAPI description',
	files: (register) => {
		const urls = urlContract(SITE_URL);
		return [
			{
				path: urls.pagePath('openApi'),
				content: () => [
					`${JSON.stringify(openApiDocument(urls, register.records[0]?.id), null, 2)}\n`,
				],
			},
		];
	},
};
