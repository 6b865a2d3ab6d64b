import { z } from 'zod';
import { ApiEntrySchema, DatasetEntrySchema } from '../../schemas/entry.ts';
import { PublisherSchema } from '../../schemas/publisher.ts';

export interface FieldReference {
	name: string;
	description: string;
	/** Where the field applies and whether it is required there. */
	api: 'required' | 'optional' | 'n/a';
	dataset: 'required' | 'optional' | 'n/a';
	example?: string;
}

interface JsonSchemaObject {
	properties?: Record<string, { description?: string; examples?: unknown[]; default?: unknown }>;
	required?: string[];
}

function describe(schema: z.ZodType): JsonSchemaObject {
	return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaObject;
}

function exampleText(value: unknown): string | undefined {
	if (value === undefined) return undefined;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The entry fields, for the contribute page: generated from the zod schemas, never written by hand. */
export function entryFieldReference(): FieldReference[] {
	const api = describe(ApiEntrySchema);
	const dataset = describe(DatasetEntrySchema);
	const names = [
		...new Set([...Object.keys(api.properties ?? {}), ...Object.keys(dataset.properties ?? {})]),
	];
	const status = (schema: JsonSchemaObject, name: string) => {
		if (!schema.properties?.[name]) return 'n/a' as const;
		const hasDefault = schema.properties[name]?.default !== undefined;
		return schema.required?.includes(name) && !hasDefault
			? ('required' as const)
			: ('optional' as const);
	};
	return names.map((name) => {
		const property = api.properties?.[name] ?? dataset.properties?.[name] ?? {};
		const example = exampleText(property.examples?.[0]);
		return {
			name,
			description: name === 'kind' ? '`api` or `dataset`.' : (property.description ?? ''),
			api: status(api, name),
			dataset: status(dataset, name),
			...(example ? { example } : {}),
		};
	});
}

export function publisherFieldReference(): FieldReference[] {
	const schema = describe(PublisherSchema);
	return Object.entries(schema.properties ?? {}).map(([name, property]) => {
		const required =
			schema.required?.includes(name) && property.default === undefined ? 'required' : 'optional';
		const example = exampleText(property.examples?.[0]);
		return {
			name,
			description: property.description ?? '',
			api: required,
			dataset: required,
			...(example ? { example } : {}),
		};
	});
}
