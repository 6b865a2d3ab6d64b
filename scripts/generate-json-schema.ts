/**
 * npm run schema — writes schema/*.schema.json from the zod schemas in src/schemas/.
 * A test fails when the committed files differ from what this would write.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogJsonSchemas } from '../src/lib/catalog/json-schema.ts';

const dir = join(import.meta.dirname, '..', 'schema');
await mkdir(dir, { recursive: true });
for (const [file, text] of Object.entries(catalogJsonSchemas())) {
	await writeFile(join(dir, file), text);
	console.log(`wrote schema/${file}`);
}
