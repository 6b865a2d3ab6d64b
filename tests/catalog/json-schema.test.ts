import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchemas } from '../../src/lib/catalog/json-schema.ts';

const root = join(import.meta.dirname, '..', '..');

describe('committed JSON Schemas', () => {
	it.each(Object.entries(catalogJsonSchemas()))(
		'schema/%s matches the zod schema (run npm run schema if not)',
		async (file, expected) => {
			const committed = await readFile(join(root, 'schema', file), 'utf8');
			expect(committed, `schema/${file} is stale — run npm run schema and commit the result`).toBe(
				expected,
			);
		},
	);

	it('describes every entry field for editors', () => {
		const schema = JSON.parse(catalogJsonSchemas()['catalog-entry.schema.json'] ?? '{}') as {
			oneOf: { properties: Record<string, { description?: string }> }[];
		};
		for (const variant of schema.oneOf) {
			for (const [field, property] of Object.entries(variant.properties)) {
				if (field === 'kind') continue;
				expect(property.description, `${field} has no description`).toBeTruthy();
			}
		}
	});
});
