import { z } from 'zod';
import { EntryIdSchema } from '../../schemas/entry.ts';
import { SITE_URL, urlContract } from '../register/urls.ts';
import { operations } from './openapi-paths.ts';
import { componentRef, openApiComponentSchemas } from './openapi-schemas.ts';
import type { SiteExport } from './write-exports.ts';

type Urls = ReturnType<typeof urlContract>;
type Json = Record<string, unknown>;

/** The OpenAPI version written; swagger-parser validates 3.1.0–3.1.2. */
export const OPENAPI_VERSION = '3.1.1';

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
