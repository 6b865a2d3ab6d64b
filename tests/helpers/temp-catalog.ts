import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const DINUM_PUBLISHER = `id: dinum
name: Direction interministérielle du numérique
country: FR
type: public
homepage: https://www.numerique.gouv.fr/
officialDomains: [numerique.gouv.fr, api.gouv.fr, data.gouv.fr]
`;

/** Frontmatter of a valid API entry, overridable field by field (`undefined` drops a field). */
export function apiEntry(
	fields: Record<string, string | undefined> = {},
	body = 'A valid description.',
): string {
	const base: Record<string, string | undefined> = {
		id: 'fr-sample-api',
		kind: 'api',
		title: 'Sample API',
		summary: 'A sample API entry used by the tests of the catalog rules.',
		country: 'FR',
		publisher: 'dinum',
		access: 'open',
		baseUrl: 'https://api.example.gouv.fr/v1',
		added: '2026-11-01',
		...fields,
	};
	const lines = Object.entries(base)
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${key}: ${value}`);
	return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

/** A throw-away data dir holding the given files (paths relative to it). */
export async function tempDataDir(
	files: Record<string, string>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-catalog-'));
	await mkdir(join(dir, 'catalog'), { recursive: true });
	await mkdir(join(dir, 'publishers'), { recursive: true });
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(dir, path)), { recursive: true });
		await writeFile(join(dir, path), text);
	}
	return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
