import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first. A module may import from its own layer and the layers below
 * it, never from above: schemas know nothing of the verifier, the register model nothing of the
 * site, badges and OG images nothing of pages. Same rule as STYLE.md's
 * `schemas` ← `catalog`/`state` ← `verify`/`score` ← `register` ← `badges`/`og`/`search` ← `site`/pages.
 * The object-storage deploy sits beside badges, OG images and search: it reads the register's URL
 * contract (which folders hold OG images, the search index) and nothing of the site or pages.
 * The whole-register exports (downloads, DCAT-AP, OpenAPI, feeds) sit with the site: they reuse
 * its record JSON, change feed and report card.
 */
const LAYERS: readonly (readonly string[])[] = [
	['lib/vocab', 'lib/fs'],
	['schemas'],
	['lib/settings', 'lib/net', 'lib/markdown', 'lib/catalog', 'lib/state', 'lib/cli', 'lib/proof'],
	['lib/verify', 'lib/score', 'lib/import'],
	['lib/register'],
	['lib/badges', 'lib/og', 'lib/search', 'lib/deploy'],
	[
		'lib/site',
		'lib/exports',
		'lib/contrib',
		'lib/content',
		'integrations',
		'pages',
		'components',
		'layouts',
		'scripts',
		'content.config.ts',
		'styles',
	],
];

const SRC = resolve(import.meta.dirname, '..', '..', 'src');
const IMPORT =
	/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The folder a file under src/ belongs to: `lib/<name>` for the library, else its top folder. */
function areaOf(pathInSrc: string): string {
	const parts = pathInSrc.split(sep).join('/').split('/');
	if (parts[0] === 'lib' && parts.length > 2) return `lib/${parts[1]}`;
	return parts[0] ?? pathInSrc;
}

function layerOf(area: string): number {
	return LAYERS.findIndex((layer) => layer.includes(area));
}

/** Lines `file imports target: area (layer i) reaches up to area (layer j)` for every violation. */
function layerViolations(imports: readonly { from: string; to: string }[]): string[] {
	const lines: string[] = [];
	for (const { from, to } of imports) {
		const [a, b] = [areaOf(from), areaOf(to)];
		const [la, lb] = [layerOf(a), layerOf(b)];
		if (la === -1) lines.push(`${from}: ${a} is in no layer — add it to LAYERS`);
		else if (lb === -1) lines.push(`${from} imports ${to}: ${b} is in no layer — add it to LAYERS`);
		else if (lb > la)
			lines.push(`${from} imports ${to}: ${a} (layer ${la}) reaches up to ${b} (layer ${lb})`);
	}
	return lines;
}

async function sourceImports(): Promise<{ from: string; to: string }[]> {
	const files = (await readdir(SRC, { recursive: true })).filter((f) =>
		/\.(ts|mts|mjs|astro)$/.test(f),
	);
	const imports: { from: string; to: string }[] = [];
	for (const file of files) {
		const text = await readFile(join(SRC, file), 'utf8');
		for (const match of text.matchAll(IMPORT)) {
			const specifier = match[1] ?? match[2] ?? match[3] ?? '';
			if (!specifier.startsWith('.')) continue;
			const target = relative(SRC, resolve(SRC, dirname(file), specifier));
			if (target.startsWith('..')) continue; // package.json and other files outside src/
			if (areaOf(target) !== areaOf(file)) imports.push({ from: file, to: target });
		}
	}
	return imports;
}

describe('the layers of src/', () => {
	it('has no import that reaches up a layer', async () => {
		const imports = await sourceImports();
		expect(imports.length).toBeGreaterThan(50);
		expect(layerViolations(imports)).toEqual([]);
	});

	it('puts every folder of src/ and src/lib/ in a layer', async () => {
		const top = (await readdir(SRC, { withFileTypes: true })).map((d) => d.name);
		const lib = (await readdir(join(SRC, 'lib'), { withFileTypes: true }))
			.filter((d) => d.isDirectory())
			.map((d) => `lib/${d.name}`);
		const areas = [...top.filter((name) => name !== 'lib'), ...lib];
		expect(areas.filter((area) => layerOf(area) === -1)).toEqual([]);
	});

	it('reports a schema that imports from the verifier', () => {
		expect(
			layerViolations([
				{ from: 'schemas/snapshot.ts', to: 'lib/verify/errors.ts' },
				{ from: 'lib/og/og-card.ts', to: 'lib/site/format.ts' },
				{ from: 'lib/og/og-card.ts', to: 'lib/register/labels.ts' },
			]),
		).toEqual([
			'schemas/snapshot.ts imports lib/verify/errors.ts: schemas (layer 1) reaches up to lib/verify (layer 3)',
			'lib/og/og-card.ts imports lib/site/format.ts: lib/og (layer 5) reaches up to lib/site (layer 6)',
		]);
	});
});
