import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarvestedRecord } from '../../../src/schemas/imported.ts';
import { apiEntry, DINUM_PUBLISHER } from '../../helpers/temp-catalog.ts';

/** A source file for a loopback catalogue (the adapter name is any: tests inject theirs). */
export function sourceYaml(id: string, endpoint: string, extra = ''): string {
	return `id: ${id}
name: Test catalogue ${id}
country: FR
official: true
adapter: ckan
endpoints:
  - url: ${endpoint}
metadataLicence: CC0-1.0
homepage: https://catalogue.example.org/
yields: both
${extra}`;
}

/** A data dir with the DINUM publisher, one hand-written entry (fr-sample-api) and these sources. */
export async function importDataDir(
	sources: Record<string, string>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-import-'));
	await mkdir(join(dir, 'publishers'), { recursive: true });
	await mkdir(join(dir, 'catalog', 'fr'), { recursive: true });
	await mkdir(join(dir, 'sources'), { recursive: true });
	await writeFile(join(dir, 'publishers', 'dinum.yaml'), DINUM_PUBLISHER);
	await writeFile(join(dir, 'catalog', 'fr', 'fr-sample-api.md'), apiEntry());
	for (const [id, yaml] of Object.entries(sources)) {
		await writeFile(join(dir, 'sources', `${id}.yaml`), yaml);
	}
	return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A harvested API record, overridable. */
export function apiRecord(n: number, fields: Partial<HarvestedRecord> = {}): HarvestedRecord {
	return {
		sourceId: `rec-${n}`,
		kind: 'api',
		title: `Register API number ${n}`,
		publisher: { name: 'Direction interministérielle du numérique' },
		baseUrl: `https://api.example.gouv.fr/register-${n}/v1`,
		access: 'open',
		licence: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
		...fields,
	};
}

export function records(count: number, from = 1): HarvestedRecord[] {
	return Array.from({ length: count }, (_, i) => apiRecord(from + i));
}
