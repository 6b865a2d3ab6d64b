import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchemas } from '../../src/lib/catalog/json-schema.ts';
import { loadSources } from '../../src/lib/catalog/load-sources.ts';
import { formatProblem } from '../../src/lib/catalog/problem.ts';
import { CATALOGUES, type Catalogue } from '../../src/lib/vocab/catalogues.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const shippedDir = join(root, 'data');
const hostileDir = join(root, 'tests', 'fixtures', 'sources', 'hostile');

describe('the shipped source list', () => {
	it('parses with no errors and no warnings', async () => {
		const { problems, sources, files } = await loadSources(shippedDir);
		expect(problems.map((p) => formatProblem(p, root))).toEqual([]);
		expect(sources.size).toBe(files);
	});

	it('covers at least 25 European countries besides the EU, and the EU', async () => {
		const { sources } = await loadSources(shippedDir);
		const countries = new Set([...sources.values()].map(({ source }) => source.country));
		expect(countries.has('EU')).toBe(true);
		countries.delete('EU');
		expect(countries.size).toBeGreaterThanOrEqual(25);
	});

	it('says in every file where its endpoint was taken from', async () => {
		const dir = join(shippedDir, 'sources');
		for (const name of await readdir(dir)) {
			const text = await readFile(join(dir, name), 'utf8');
			expect(text, `${name} has no provenance comment`).toMatch(
				/^# Endpoint taken from \S.{10,}$/m,
			);
		}
	});

	it('has a source file for every official catalogue of the vocabulary', async () => {
		const { sources } = await loadSources(shippedDir);
		const official = Object.entries(CATALOGUES as Record<string, Catalogue>)
			.filter(([, catalogue]) => catalogue.official)
			.map(([id]) => id);
		expect(official.filter((id) => !sources.has(id))).toEqual([]);
	});
});

describe('hostile source files', () => {
	it('are each rejected with a precise line naming file and field', async () => {
		const { problems } = await loadSources(hostileDir);
		expect(problems.map((p) => formatProblem(p, hostileDir))).toMatchInlineSnapshot(`
			[
			  "sources/bad-record-page.yaml: recordPage: must be an https:// address with {name} or {id} where the record's key goes, e.g. https://www.govdata.de/suche/daten/{name} — see CONTRIBUTING.md",
			  "sources/credentials-in-url.yaml: endpoints[0].url: contains a user name or password — remove the credentials from the URL",
			  "sources/javascript-homepage.yaml: homepage: uses the javascript: scheme — only https:// (or http://) URLs are allowed",
			  "sources/misspelt-field.yaml: yields: is required — add it: yields: apis, datasets or both",
			  "sources/misspelt-field.yaml: yeilds: is not a known field — did you mean yields? Rename it",
			  "sources/no-licence.yaml: metadataLicence: is missing — give the licence of the catalogue’s metadata, or say why there is none in metadataLicenceNote",
			  "sources/readme.txt: file: readme.txt is not a source file — name source files <id>.yaml in data/sources/",
			  "sources/too-many-endpoints.yaml: endpoints: lists more than 10 endpoints — keep the ones the adapter reads",
			  "sources/unknown-adapter.yaml: adapter: "socrata" is not an adapter — use one of api-gouv-fr, uk-api-catalogue, nl-api-register, bund-dev, apis-guru, dataportals-registry, ckan, udata, dcat-ap",
			  "sources/data-gv-at.yaml: country: is DE but the catalogue data-gv-at in src/lib/vocab/catalogues.ts says AT — set country: AT, or correct the vocabulary",
			  "sources/data-gv-at.yaml: official: is false but the catalogue data-gv-at in src/lib/vocab/catalogues.ts says true — set official: true, or correct the vocabulary",
			  "sources/data-gv-at.yaml: homepage: is on catalogue-nine.eu, not on data.gv.at — link to the data-gv-at catalogue's own site",
			  "sources/data-gv-at.yaml: recordPage: is on elsewhere.example, not on data.gv.at — link to the data-gv-at catalogue's own site",
			  "sources/html-name.yaml: name: contains HTML markup — write plain text; markup is shown as typed, never rendered",
			  "sources/id-differs.yaml: id: "not-the-file-name" differs from the file name "id-differs" — rename the file to not-the-file-name.yaml or set id: id-differs",
			  "sources/loopback-endpoint.yaml: endpoints[0].url: points at a private, loopback or link-local address (127.0.0.1, loopback) — link to the public address of the service",
			  "sources/valid-source-copy.yaml: id: "valid-source" differs from the file name "valid-source-copy" — rename the file to valid-source.yaml or set id: valid-source-copy",
			  "sources/valid-source-copy.yaml: id: "valid-source" is also used by valid-source.yaml — each source has its own id; pick another",
			  "sources/with-copied-endpoint.yaml: endpoints[0].url: is also endpoints[0].url of valid-source.yaml — one source per catalogue; extend that file instead",
			]
		`);
	});

	it('are left out, while the valid file beside them loads', async () => {
		const { sources } = await loadSources(hostileDir);
		expect([...sources.keys()]).toEqual(['valid-source']);
	});

	it('may point at loopback when the run allows private addresses', async () => {
		const { problems } = await loadSources(hostileDir, { allowPrivate: true });
		expect(problems.filter((p) => p.file.endsWith('loopback-endpoint.yaml'))).toEqual([
			expect.objectContaining({ field: 'endpoints[0].url', severity: 'warning' }),
		]);
	});

	it('name the line of a YAML syntax error', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'c0mm0-sources-'));
		try {
			await mkdir(join(dir, 'sources'));
			await writeFile(join(dir, 'sources', 'broken.yaml'), 'id: broken\nname: [unclosed\n');
			const { problems } = await loadSources(dir);
			expect(problems.map((p) => formatProblem(p, dir))).toEqual([
				expect.stringMatching(
					/^sources\/broken\.yaml: file: YAML syntax error on line \d+: .+ — fix the YAML there$/,
				),
			]);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('are absent without a sources folder, which is not a problem', async () => {
		const result = await loadSources(join(root, 'tests', 'fixtures', 'valid-catalog'));
		expect(result).toEqual({ sources: new Map(), problems: [], files: 0 });
	});
});

describe('npm run validate on sources', () => {
	it('reports a bad source file by file and field, and fails', async () => {
		const failure = await run(
			process.execPath,
			['scripts/validate.ts', '--data-dir', 'tests/fixtures/sources/hostile'],
			{ cwd: root },
		).then(
			() => undefined,
			(error: { code: number; stdout: string; stderr: string }) => error,
		);
		expect(failure?.code).toBe(1);
		expect(failure?.stdout).toContain(
			'tests/fixtures/sources/hostile/sources/loopback-endpoint.yaml: endpoints[0].url: points at a private, loopback or link-local address (127.0.0.1, loopback)',
		);
		expect(failure?.stderr).toContain('0 entries, 0 publishers, 14 sources: 19 errors');
	});
});

describe('source.schema.json', () => {
	it('describes every source field for editors', () => {
		const schema = JSON.parse(catalogJsonSchemas()['source.schema.json'] ?? '{}') as {
			properties: Record<string, { description?: string }>;
		};
		for (const [field, property] of Object.entries(schema.properties)) {
			expect(property.description, `${field} has no description`).toBeTruthy();
		}
	});
});
