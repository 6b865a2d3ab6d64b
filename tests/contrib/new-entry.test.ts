import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load-catalog.ts';
import {
	countryFromHost,
	draftEntry,
	entryId,
	publishersForHost,
	slugify,
} from '../../src/lib/contrib/draft-entry.ts';
import {
	accessHint,
	classifyDocument,
	htmlTitle,
	specBaseUrl,
} from '../../src/lib/contrib/source-document.ts';
import { PUBLISHER } from '../helpers/score-fixtures.ts';
import { DINUM_PUBLISHER, tempDataDir } from '../helpers/temp-catalog.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

const PUBLISHER_PROSE = 'Our <b>flagship</b> API -- the best --> in town.';

const OPENAPI = JSON.stringify({
	openapi: '3.0.3',
	info: { title: 'API Recherche d’entreprises', version: '1.0', description: PUBLISHER_PROSE },
	servers: [{ url: 'https://{env}.api.gouv.fr/v3', variables: { env: { default: 'recherche' } } }],
	externalDocs: { url: 'https://recherche.api.gouv.fr/docs' },
	components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
	paths: {},
});

const SWAGGER_YAML = `swagger: "2.0"
info:
  title: Registre national
  version: "2"
host: registre.example.gouv.fr
basePath: /api
schemes: [http, https]
paths: {}
`;

const HTML = `<!doctype html><html><head>
<title>
  Base Adresse Nationale &amp; Co &#8211; adresse.data.gouv.fr
</title></head><body>Hello</body></html>`;

describe('recognising the document', () => {
	it('reads OpenAPI 3 from JSON and Swagger 2 from YAML', () => {
		expect(classifyDocument('https://x.fr/o.json', 'application/json', OPENAPI).kind).toBe(
			'openapi',
		);
		expect(classifyDocument('https://x.fr/s.yaml', 'text/plain', SWAGGER_YAML).kind).toBe(
			'openapi',
		);
	});

	it('takes an HTML page’s title, entities decoded and whitespace collapsed', () => {
		expect(classifyDocument('https://x.fr/', 'text/html; charset=utf-8', HTML)).toEqual({
			kind: 'html',
			url: 'https://x.fr/',
			title: 'Base Adresse Nationale & Co – adresse.data.gouv.fr',
		});
		expect(htmlTitle('<html><title></title></html>')).toBeUndefined();
	});

	it('recognises neither in JSON that is not a spec, or in binary data', () => {
		expect(classifyDocument('https://x.fr/d.json', 'application/json', '{"a":1}').kind).toBe(
			'other',
		);
		expect(classifyDocument('https://x.fr/f.zip', 'application/zip', 'PK\u0003\u0004…').kind).toBe(
			'other',
		);
	});

	it('finds the base URL from servers (variables filled) or from host and basePath', () => {
		expect(specBaseUrl(JSON.parse(OPENAPI), 'https://x.fr/o.json')).toBe(
			'https://recherche.api.gouv.fr/v3',
		);
		expect(
			specBaseUrl({ openapi: '3.1.0', servers: [{ url: '/v2' }] }, 'https://x.fr/s/o.json'),
		).toBe('https://x.fr/v2');
		expect(
			specBaseUrl({ openapi: '3.1.0', servers: [{ url: 'https://{h}/v1' }] }, 'https://x.fr/'),
		).toBeUndefined();
		const swagger = classifyDocument('https://x.fr/s.yaml', '', SWAGGER_YAML);
		expect(swagger.kind === 'openapi' && specBaseUrl(swagger.document, swagger.url)).toBe(
			'https://registre.example.gouv.fr/api',
		);
		expect(specBaseUrl({ swagger: '2.0' }, 'http://x.fr/spec.json')).toBe('http://x.fr/');
	});

	it('hints at the access level from the security schemes, without choosing it', () => {
		expect(accessHint(JSON.parse(OPENAPI))).toContain('apiKey');
		expect(accessHint({ components: { securitySchemes: { o: { type: 'oauth2' } } } })).toContain(
			'oauth2',
		);
		expect(accessHint({})).toContain('no security scheme');
	});
});

describe('naming the entry', () => {
	it('slugifies titles to lower-case ASCII words', () => {
		expect(slugify('API Recherche d’entreprises — Données')).toBe(
			'api-recherche-d-entreprises-donnees',
		);
		expect(slugify(`${'x'.repeat(30)} ${'y'.repeat(40)}`).length).toBeLessThanOrEqual(60);
	});

	it('builds <cc>-<slug> ids from an explicit slug, the title, or the URL', () => {
		expect(entryId('FR', { title: 'API CaptchEtat' }, 'https://x.fr/')).toBe('fr-api-captchetat');
		expect(entryId('FR', {}, 'https://x.fr/swaggers/api-sirene.json')).toBe('fr-api-sirene');
		expect(entryId('FR', {}, 'https://x.fr/a', 'fr-chosen')).toBe('fr-chosen');
		expect(entryId('EU', {}, 'https://data.europa.eu/')).toBe('eu-data-europa');
	});

	it('tells the country from a European top-level domain', () => {
		expect(countryFromHost('api.gouv.fr')).toBe('FR');
		expect(countryFromHost('www.gov.uk')).toBe('GB');
		expect(countryFromHost('data.europa.eu')).toBe('EU');
		expect(countryFromHost('example.com')).toBeUndefined();
	});

	it('finds the publisher that owns the host, most specific domain first', () => {
		const other = { ...PUBLISHER, id: 'etalab', officialDomains: ['data.gouv.fr'] };
		expect(publishersForHost([PUBLISHER], 'api.gouv.fr').map((p) => p.id)).toEqual(['dinum']);
		expect(publishersForHost([PUBLISHER, other], 'www.data.gouv.fr').map((p) => p.id)).toEqual([
			'dinum',
			'etalab',
		]);
		expect(publishersForHost([PUBLISHER], 'example.org')).toEqual([]);
	});
});

describe('draftEntry', () => {
	it('never copies the publisher’s prose outside a comment the validator refuses', () => {
		const draft = draftEntry(classifyDocument('https://x.fr/o.json', '', OPENAPI), {
			country: 'FR',
			added: '2026-11-24',
		});
		const [, frontmatter = '', body = ''] = draft.text.split(/^---$/m);
		expect(frontmatter).not.toContain('flagship');
		expect(body.trim().startsWith('<!-- TODO')).toBe(true);
		expect(body.trim().endsWith('-->')).toBe(true);
		// The quoted text cannot close the comment early.
		expect(body.match(/-->/g)).toHaveLength(1);
		expect(body).toContain('> Our <b>flagship</b> API - - the best - -> in town.');
	});
});

describe('npm run new-entry', () => {
	let server: Server;
	let base: string;
	let data: Awaited<ReturnType<typeof tempDataDir>>;

	beforeAll(async () => {
		server = createServer((req, res) => {
			const routes: Record<string, [string, string]> = {
				'/openapi.json': ['application/json', OPENAPI],
				'/swagger.yaml': ['application/yaml', SWAGGER_YAML],
				'/page': ['text/html; charset=utf-8', HTML],
				'/file.bin': ['application/octet-stream', 'PK\u0003\u0004'],
				// A C1 CSI (sent as the byte 0x9b) clearing the screen, and the runner's legacy command syntax.
				'/hostile.bin': ['application/x-\u009b2J##[error]forged', 'PK\u0003\u0004'],
			};
			const route = routes[req.url ?? ''];
			if (!route) {
				res.writeHead(404).end('not found');
				return;
			}
			res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		data = await tempDataDir({ 'publishers/dinum.yaml': DINUM_PUBLISHER });
	});
	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
		await data.cleanup();
	});

	async function newEntry(...args: string[]) {
		try {
			const { stdout, stderr } = await run(
				process.execPath,
				['scripts/new-entry.ts', '--data-dir', data.dir, ...args],
				{ cwd: root },
			);
			return { code: 0, stdout, stderr };
		} catch (error) {
			const failure = error as { code: number; stdout: string; stderr: string };
			return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
		}
	}

	it('drafts an entry from an OpenAPI document, filling only what it states', async () => {
		const result = await newEntry(`${base}/openapi.json`, '--country', 'FR', '--allow-private');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('fr-api-recherche-d-entreprises.md from an OpenAPI document');
		expect(result.stdout).toContain('npm run validate');
		const text = await readFile(
			join(data.dir, 'catalog', 'fr', 'fr-api-recherche-d-entreprises.md'),
			'utf8',
		);
		expect(text).toContain('title: API Recherche d’entreprises\n');
		expect(text).toContain('baseUrl: https://recherche.api.gouv.fr/v3\n');
		expect(text).toContain(`spec:\n  url: ${base}/openapi.json\n  format: openapi\n`);
		expect(text).toContain('docs: https://recherche.api.gouv.fr/docs\n');
		expect(text).toMatch(/^summary: ""$/m);
		expect(text).toMatch(/^access: "" # TODO: open \| key \| oauth2 \| restricted — .*apiKey/m);
		expect(text).toContain('# TODO: one plain sentence');
	});

	it('leaves a draft that validation refuses until its TODOs are resolved, and accepts after', async () => {
		const file = join(data.dir, 'catalog', 'fr', 'fr-api-recherche-d-entreprises.md');
		const before = await loadCatalog(data.dir, { allowPrivate: true });
		const fields = before.problems
			.filter((p) => p.file === file && p.severity === 'error')
			.map((p) => p.field);
		expect(fields).toEqual(expect.arrayContaining(['summary', 'publisher', 'access']));

		const filled = (await readFile(file, 'utf8'))
			.replace(/^summary: ""$/m, 'summary: Finds French companies by name, address or identifier.')
			.replace(/^publisher: "".*$/m, 'publisher: dinum')
			.replace(/^access: "".*$/m, 'access: key');
		await writeFile(file, filled);
		const middle = await loadCatalog(data.dir, { allowPrivate: true });
		expect(middle.problems.filter((p) => p.file === file && p.severity === 'error')).toEqual([
			expect.objectContaining({ field: 'description' }),
		]);

		await writeFile(
			file,
			`${filled.slice(0, filled.lastIndexOf('<!--'))}Plain words of our own.\n`,
		);
		const after = await loadCatalog(data.dir, { allowPrivate: true });
		expect(after.problems.filter((p) => p.file === file && p.severity === 'error')).toEqual([]);
		expect(after.entries.map((e) => e.id)).toContain('fr-api-recherche-d-entreprises');
	});

	it('refuses to overwrite an existing file', async () => {
		const result = await newEntry(`${base}/openapi.json`, '--country', 'FR', '--allow-private');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('already exists — edit it, or pass --id');
	});

	it('drafts from a Swagger 2 document in YAML', async () => {
		const result = await newEntry(`${base}/swagger.yaml`, '--country', 'FR', '--allow-private');
		expect(result.code).toBe(0);
		const text = await readFile(join(data.dir, 'catalog', 'fr', 'fr-registre-national.md'), 'utf8');
		expect(text).toContain('baseUrl: https://registre.example.gouv.fr/api\n');
	});

	it('drafts from a homepage, with its title and the page as homepage', async () => {
		const result = await newEntry(
			`${base}/page`,
			'--country',
			'FR',
			'--publisher',
			'dinum',
			'--allow-private',
		);
		expect(result.code).toBe(0);
		const text = await readFile(
			join(data.dir, 'catalog', 'fr', 'fr-base-adresse-nationale-co-adresse-data-gouv-fr.md'),
			'utf8',
		);
		expect(text).toContain('title: Base Adresse Nationale & Co – adresse.data.gouv.fr\n');
		expect(text).toContain(`homepage: ${base}/page\n`);
		expect(text).toContain('publisher: dinum\n');
		expect(text).toContain('# baseUrl: TODO');
	});

	it('leaves clear TODOs when it does not recognise the document', async () => {
		const result = await newEntry(
			`${base}/file.bin`,
			'--country',
			'FR',
			'--id',
			'mystery',
			'--allow-private',
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('which was not recognised');
		const text = await readFile(join(data.dir, 'catalog', 'fr', 'fr-mystery.md'), 'utf8');
		expect(text).toMatch(/^title: "" # TODO: the official name/m);
		expect(text).toContain('# homepage: TODO');
		expect(text).toContain('# spec: { url: TODO, format: openapi }');
	});

	it('prints a server-chosen content type with no control character or workflow command', async () => {
		const result = await newEntry(
			`${base}/hostile.bin`,
			'--country',
			'FR',
			'--id',
			'hostile-type',
			'--allow-private',
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('a document of type application/x-## [error]forged,');
		expect(result.stdout).not.toContain('##[');
	});

	it('refuses loopback addresses without --allow-private', async () => {
		const result = await newEntry(`${base}/openapi.json`, '--country', 'FR', '--id', 'other');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('127.0.0.1 is not a public host name');
	});

	it('says what answered when the URL does not open', async () => {
		const result = await newEntry(`${base}/missing`, '--country', 'FR', '--allow-private');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('answered 404');
	});

	it('asks for the country when the domain does not tell it', async () => {
		const result = await newEntry(`${base}/openapi.json`, '--allow-private');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('pass --country CC');
	});

	it('rejects a country code it does not know', async () => {
		const result = await newEntry(`${base}/openapi.json`, '--country', 'XX', '--allow-private');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('--country XX: not a European country code');
	});
});
