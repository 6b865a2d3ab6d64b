import { z } from 'zod';
import { ShieldsEndpointSchema } from '../../schemas/api-badge.ts';
import {
	ImportedPublisherSchema,
	RecordDocumentSchema,
	RecordSummarySchema,
	RecordsListSchema,
} from '../../schemas/api-record.ts';
import { LicenceSchema } from '../../schemas/common.ts';
import { ContractCheckSchema } from '../../schemas/contract.ts';
import { DataFileSchema } from '../../schemas/data-file.ts';
import { DownloadFieldSchema } from '../../schemas/download-field.ts';
import { DownloadRowSchema } from '../../schemas/download-row.ts';
import { EntrySchema } from '../../schemas/entry.ts';
import { ChangeSchema } from '../../schemas/history.ts';
import { PublisherSchema } from '../../schemas/publisher.ts';
import { CheckSchema, SpecCaptureSchema } from '../../schemas/snapshot.ts';

type JsonSchema = Record<string, unknown>;

/**
 * The schemas the OpenAPI description names under `components/schemas`, by name. Each is
 * converted once and referenced (`$ref`) wherever another embeds it, so a client generator
 * makes one type of each.
 */
const COMPONENTS = {
	RecordsList: RecordsListSchema,
	RecordSummary: RecordSummarySchema,
	Record: RecordDocumentSchema,
	Entry: EntrySchema,
	Publisher: PublisherSchema,
	ImportedPublisher: ImportedPublisherSchema,
	Check: CheckSchema,
	ContractCheck: ContractCheckSchema,
	DataFile: DataFileSchema,
	SpecCapture: SpecCaptureSchema,
	Change: ChangeSchema,
	BadgeEndpoint: ShieldsEndpointSchema,
	DownloadRow: DownloadRowSchema,
	DownloadField: DownloadFieldSchema,
} satisfies Record<string, z.ZodType>;
export type ComponentName = keyof typeof COMPONENTS;

export const componentRef = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The licence id is normalised by a transform (any casing in, SPDX's casing out), which JSON
 * Schema cannot express; what comes out is a string. Any other unrepresentable type fails the
 * build rather than turning into an empty schema that accepts anything.
 */
const LICENCE_OUTPUT = LicenceSchema._zod.def.out;

/**
 * `components/schemas` of the OpenAPI description, converted by zod 4's own `z.toJSONSchema`
 * from the schemas the writers are typed by: JSON Schema 2020-12 (OpenAPI 3.1's dialect) of
 * what the files hold (`io: 'output'`: defaults applied, every object closed to unknown keys).
 */
export function openApiComponentSchemas(): Record<ComponentName, JsonSchema> {
	const registry = z.registry<{ id: string }>();
	for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
	const { schemas } = z.toJSONSchema(registry, {
		target: 'draft-2020-12',
		io: 'output',
		reused: 'inline',
		uri: (id) => componentRef(id as ComponentName).$ref,
		unrepresentable: (ctx) => {
			if (ctx.zodSchema === LICENCE_OUTPUT) return { type: 'string' };
			throw new Error(`${ctx.path.join('.')}: ${ctx.message}`);
		},
	});
	// Each component is a part of one document: no `$schema` (OpenAPI 3.1 sets the dialect) and
	// no `$id` of its own (zod sets it to the reference URI).
	const components: Record<string, JsonSchema> = {};
	for (const [id, schema] of Object.entries(schemas)) {
		const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
		components[id] = rest;
	}
	return components as Record<ComponentName, JsonSchema>;
}
