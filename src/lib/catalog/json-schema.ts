import { z } from 'zod';
import { EntrySchema } from '../../schemas/entry.ts';
import { PublisherSchema } from '../../schemas/publisher.ts';
import { SourceFileSchema } from '../../schemas/source.ts';

const SITE = 'https://c0mm0.com';

function toJsonSchema(schema: z.ZodType, file: string): string {
	const json = z.toJSONSchema(schema, {
		io: 'input',
		unrepresentable: 'any',
		target: 'draft-2020-12',
	});
	const withId = { ...json, $id: `${SITE}/schema/${file}` };
	return `${JSON.stringify(withId, null, 2)}\n`;
}

/** The JSON Schemas editors use to check entries, publishers and sources, by file name under schema/. */
export function catalogJsonSchemas(): Record<string, string> {
	return {
		'catalog-entry.schema.json': toJsonSchema(EntrySchema, 'catalog-entry.schema.json'),
		'publisher.schema.json': toJsonSchema(PublisherSchema, 'publisher.schema.json'),
		'source.schema.json': toJsonSchema(SourceFileSchema, 'source.schema.json'),
	};
}
