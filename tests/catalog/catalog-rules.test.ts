import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/catalog/load-catalog.ts';
import { formatProblem } from '../../src/lib/catalog/problem.ts';
import { apiEntry, DINUM_PUBLISHER, tempDataDir } from '../helpers/temp-catalog.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
	await cleanup?.();
	cleanup = undefined;
});

/** Loads a catalog holding one entry file and returns its problems as `field: message — fix` lines. */
async function problemsOf(
	entry: string,
	options: { path?: string; allowPrivate?: boolean; extra?: Record<string, string> } = {},
): Promise<string[]> {
	const path = options.path ?? 'catalog/fr/fr-sample-api.md';
	const made = await tempDataDir({
		'publishers/dinum.yaml': DINUM_PUBLISHER,
		[path]: entry,
		...options.extra,
	});
	cleanup = made.cleanup;
	const catalog = await loadCatalog(made.dir, {
		allowPrivate: options.allowPrivate ?? false,
		now: new Date('2026-11-24T12:00:00Z'),
	});
	return catalog.problems.map((p) => formatProblem(p, made.dir).replace(/^[^:]+: /, ''));
}

describe('catalog rules', () => {
	it('accepts a clean entry and keeps it', async () => {
		const made = await tempDataDir({
			'publishers/dinum.yaml': DINUM_PUBLISHER,
			'catalog/fr/fr-sample-api.md': apiEntry(),
		});
		cleanup = made.cleanup;
		const catalog = await loadCatalog(made.dir);
		expect(catalog.problems).toEqual([]);
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-sample-api']);
	});

	it.each([
		[
			'a missing title',
			{ title: undefined },
			'title: is required — add it, e.g. title: API CaptchEtat',
		],
		[
			'a title that is too long',
			{ title: 'x'.repeat(130) },
			'title: is longer than 120 characters — keep the official name and move detail to the summary',
		],
		[
			'a summary that is too short',
			{ summary: 'Too short' },
			'summary: is shorter than 20 characters — say in one sentence what it gives access to',
		],
		[
			'a summary that is too long',
			{ summary: 'y'.repeat(201) },
			'summary: is longer than 200 characters — keep one sentence and move detail to the description',
		],
		[
			'an unknown country',
			{ country: 'XX' },
			'country: "XX" is not a European country code we know — use an ISO 3166-1 alpha-2 code such as FR or DE, or EU for an EU institution',
		],
		['UK instead of GB', { country: 'UK' }, 'country: "UK" is not an ISO 3166-1 code — use GB'],
		['a lower-case country', { country: 'fr' }, 'country: "fr" must be upper-case — use FR'],
		[
			'an unknown kind',
			{ kind: 'service' },
			'kind: got "service" — set kind: api for an API or kind: dataset for a dataset',
		],
		[
			'an unknown access level',
			{ access: 'free' },
			'access: "free" is not an access level — use open (no sign-up), key (free sign-up for a key), oauth2, restricted (approval needed), or unknown (not stated anywhere you could check)',
		],
		[
			'a misspelt field',
			{ licence: undefined, license: 'CC-BY-4.0' },
			'license: is not a known field — did you mean licence? Rename it',
		],
		[
			'a licence alias',
			{ licence: 'Licence Ouverte' },
			'licence: "Licence Ouverte" is not a licence id — write etalab-2.0',
		],
		[
			'an unknown licence',
			{ licence: 'Free-for-all' },
			'licence: "Free-for-all" is not an SPDX licence id we know — use an SPDX id such as etalab-2.0, CC-BY-4.0, ODbL-1.0, OGL-UK-3.0, DL-DE-BY-2.0, or LicenseRef-<name> for a publisher\'s own terms',
		],
		[
			'an ftp URL',
			{ docs: 'ftp://files.example.gouv.fr/docs' },
			'docs: uses the ftp: scheme — only https:// (or http://) URLs are allowed',
		],
		[
			'a relative URL',
			{ homepage: '/les-api/x' },
			'homepage: "/les-api/x" is not an absolute URL — write it in full, starting with https://',
		],
		[
			'a URL with credentials',
			{ docs: 'https://user:secret@api.example.gouv.fr/' },
			'docs: contains a user name or password — remove the credentials from the URL',
		],
		[
			'a loopback URL',
			{ baseUrl: 'http://127.0.0.1:8080/' },
			'baseUrl: points at a private, loopback or link-local address (127.0.0.1, loopback) — link to the public address of the service',
		],
		[
			'a production base URL on loopback',
			{ productionUrl: 'http://127.0.0.1:9000/v2' },
			'productionUrl: points at a private, loopback or link-local address (127.0.0.1, loopback) — link to the public address of the service',
		],
		[
			'HTML in the access note',
			{ accessNote: 'Ask <a href="https://evil.example.com">here</a> for a key' },
			'accessNote: contains HTML markup — write plain text; markup is shown as typed, never rendered',
		],
		[
			'an access note that is too long',
			{ accessNote: 'z'.repeat(301) },
			'accessNote: is longer than 300 characters — keep who may use it and how to get access; move the rest to the description',
		],
		[
			'the cloud metadata address',
			{ docs: 'http://169.254.169.254/latest/' },
			'docs: points at a private, loopback or link-local address (169.254.169.254, link-local) — link to the public address of the service',
		],
		[
			'an IPv6 unique-local address',
			{ docs: 'https://[fd00::1]/' },
			'docs: points at a private, loopback or link-local address (fd00::1, unique-local) — link to the public address of the service',
		],
		[
			'an IPv4-mapped loopback address',
			{ docs: 'https://[::ffff:127.0.0.1]/' },
			'docs: points at a private, loopback or link-local address (::ffff:7f00:1, loopback) — link to the public address of the service',
		],
		[
			'a decimal-encoded loopback address',
			{ docs: 'http://2130706433/' },
			'docs: points at a private, loopback or link-local address (127.0.0.1, loopback) — link to the public address of the service',
		],
		[
			'a public raw IP address',
			{ docs: 'https://8.8.8.8/' },
			'docs: uses the raw IP address 8.8.8.8 — link to the service by its domain name',
		],
		[
			'localhost',
			{ docs: 'https://localhost/' },
			'docs: points at localhost, a name for a local or private network — link to the public address of the service',
		],
		[
			'an internal name',
			{ docs: 'https://wiki.corp.internal/' },
			'docs: points at wiki.corp.internal, a name for a local or private network — link to the public address of the service',
		],
		[
			'a single-label host',
			{ docs: 'https://intranet2/' },
			'docs: has the host "intranet2", which is not a public domain name — write the full domain, e.g. api.example.gouv.fr',
		],
		[
			'an unknown publisher',
			{ publisher: 'nobody' },
			'publisher: "nobody" is not a publisher — add data/publishers/nobody.yaml or use an existing publisher id',
		],
		[
			'HTML in the title',
			{ title: '<b>Bold</b> API' },
			'title: contains HTML markup — write plain text; markup is shown as typed, never rendered',
		],
		[
			'an id that differs from the file name',
			{ id: 'fr-other-name' },
			'id: "fr-other-name" differs from the file name "fr-sample-api" — rename the file to fr-other-name.md or set id: fr-sample-api',
		],
		[
			'an id that would clash with a badge URL',
			{ id: 'fr-sample-score' },
			'id: ends with -score or -uptime, which badge URLs use (/badges/<id>-score.svg) — choose another slug',
		],
		[
			'a date in the future',
			{ added: '2030-01-01' },
			'added: 2030-01-01 is in the future — use the date you add the entry',
		],
		[
			'a date that is not a date',
			{ added: '24/11/2026' },
			'added: is not a date written YYYY-MM-DD — write it like 2026-11-24',
		],
		[
			'a dataset-only field on an API',
			{ distributions: '[]' },
			'distributions: is not a field of a api entry — remove it, or set kind: dataset if this is a dataset',
		],
		[
			'a source URL on another domain',
			{ sources: '[{ catalogue: api-gouv-fr, url: "https://data.gouv.fr/x" }]' },
			"sources[0].url: is on data.gouv.fr, not on api.gouv.fr — link to this record's page in the api-gouv-fr catalogue",
		],
		[
			'a theme outside the EU vocabulary',
			{ themes: '[GOVERNMENT]' },
			'themes[0]: "GOVERNMENT" is not an EU data theme — use one of AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, REGI, SOCI, TECH, TRAN',
		],
		[
			'themes written as text',
			{ themes: 'GOVE' },
			'themes: must be a list, got "GOVE" — write it as a YAML list, e.g. themes: [GOVE]',
		],
	])('rejects %s', async (_case, fields, expected) => {
		const lines = await problemsOf(apiEntry(fields as Record<string, string | undefined>));
		expect(lines).toContain(expected);
	});

	it.each([
		[
			'a <script> tag',
			'Hello <script>alert(1)</script>',
			'description: contains raw HTML (<script> </script>) — write it in markdown; HTML is never rendered',
		],
		[
			'an event handler',
			'<img src=x onerror="alert(1)">',
			'description: contains raw HTML (<img src=x onerror="alert(1)">) — write it in markdown; HTML is never rendered',
		],
		[
			'an iframe',
			'<iframe src="https://evil.example.com"></iframe>',
			'description: contains raw HTML (<iframe src="https://evil.example.com…) — write it in markdown; HTML is never rendered',
		],
		[
			'a javascript: link',
			'[click](javascript:alert(1))',
			'description: links to a javascript: URL (javascript:alert(1)) — link only to https://, http:// or mailto: addresses',
		],
		[
			'a data: link',
			'[x](data:text/html;base64,PHNjcmlwdD4=)',
			'description: links to a data: URL (data:text/html;base64,PHNjcmlwdD4=) — link only to https://, http:// or mailto: addresses',
		],
		[
			'an image',
			'![pixel](https://tracker.example.com/p.gif)',
			'description: contains an image (https://tracker.example.com/p.gif) — remove it; record pages show no images from entries',
		],
		[
			'a relative link',
			'[docs](/docs)',
			'description: has a relative link (/docs) — write links in full, starting with https://',
		],
	])('rejects a description with %s', async (_case, body, expected) => {
		const lines = await problemsOf(apiEntry({}, body));
		expect(lines).toContain(expected);
	});

	it('warns about plain http without failing', async () => {
		const lines = await problemsOf(apiEntry({ docs: 'http://docs.example.gouv.fr/' }));
		expect(lines).toEqual([
			'docs: warning: uses http://, not https:// — use the https:// address if the service has one (kept, with this warning, if it has none)',
		]);
	});

	it('lets loopback URLs through with allowPrivate, for loopback test runs', async () => {
		const lines = await problemsOf(apiEntry({ baseUrl: 'http://127.0.0.1:8080/' }), {
			allowPrivate: true,
		});
		expect(lines).toEqual([
			'baseUrl: warning: uses http://, not https:// — use the https:// address if the service has one (kept, with this warning, if it has none)',
		]);
	});

	it('refuses an entry in the wrong country folder', async () => {
		const lines = await problemsOf(apiEntry(), { path: 'catalog/de/fr-sample-api.md' });
		expect(lines).toContain(
			'country: is FR but the file is in catalog/de/ — move the file to data/catalog/fr/ or correct the country',
		);
	});

	it('refuses an id whose prefix is not the country', async () => {
		const lines = await problemsOf(apiEntry({ id: 'de-sample-api' }), {
			path: 'catalog/fr/de-sample-api.md',
		});
		expect(lines).toContain(
			'id: "de-sample-api" does not start with "fr-" — ids are <country>-<slug>; rename it fr-sample-api (file too)',
		);
	});

	it('refuses a file outside the <country>/<id>.md layout', async () => {
		const lines = await problemsOf(apiEntry(), { path: 'catalog/fr-sample-api.md' });
		expect(lines).toContain(
			'file: fr-sample-api.md is not where entries live — put each entry at data/catalog/<country>/<id>.md (lower-case country folder)',
		);
	});

	it('flags two entries for the same API as likely duplicates', async () => {
		const twin = apiEntry({ id: 'fr-sample-twin', baseUrl: 'https://API.example.gouv.fr/v1/' });
		const lines = await problemsOf(apiEntry(), { extra: { 'catalog/fr/fr-sample-twin.md': twin } });
		expect(lines).toContain(
			'baseUrl: points at the same resource as baseUrl of catalog/fr/fr-sample-api.md — if it is the same API, update that entry instead of adding a new one',
		);
	});

	it('reports a YAML syntax error with its line', async () => {
		const lines = await problemsOf('---\nid: fr-sample-api\ntitle: [unclosed\n---\nBody\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^frontmatter: YAML syntax error on line \d+: .+ — fix the YAML there/,
		);
	});

	it('reports a file without frontmatter', async () => {
		const lines = await problemsOf('# Just markdown\n');
		expect(lines).toEqual([
			'frontmatter: the file does not start with a line holding only --- — begin it with ---, the YAML fields, then --- again',
		]);
	});

	it('never runs JavaScript frontmatter', async () => {
		const marker = '__c0mm0_frontmatter_ran__';
		const lines = await problemsOf(
			`---js\n{ id: (globalThis.${marker} = true, 'fr-sample-api') }\n---\nBody\n`,
		);
		expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
		expect(lines[0]).toMatch(/^frontmatter: the file does not start with a line holding only ---/);
	});

	it('refuses duplicate keys in the frontmatter', async () => {
		const lines = await problemsOf(
			apiEntry().replace('title: Sample API', 'title: Sample API\ntitle: Other'),
		);
		expect(lines[0]).toMatch(
			/^frontmatter: YAML syntax error on line 5: a field is written twice — /,
		);
	});

	it('leaves out entries with errors but keeps the good ones', async () => {
		const made = await tempDataDir({
			'publishers/dinum.yaml': DINUM_PUBLISHER,
			'catalog/fr/fr-sample-api.md': apiEntry(),
			'catalog/fr/fr-broken.md': apiEntry({ id: 'fr-broken', title: undefined }),
		});
		cleanup = made.cleanup;
		const catalog = await loadCatalog(made.dir);
		expect(catalog.entries.map((e) => e.id)).toEqual(['fr-sample-api']);
		expect(catalog.files.entries).toBe(2);
	});

	it('canonicalises licence ids to SPDX casing', async () => {
		const made = await tempDataDir({
			'publishers/dinum.yaml': DINUM_PUBLISHER,
			'catalog/fr/fr-sample-api.md': apiEntry({ licence: 'Etalab-2.0' }),
		});
		cleanup = made.cleanup;
		const catalog = await loadCatalog(made.dir);
		expect(catalog.entries[0]?.data.licence).toBe('etalab-2.0');
	});
});

describe('publisher rules', () => {
	async function publisherProblems(yaml: string, name = 'dinum.yaml'): Promise<string[]> {
		const made = await tempDataDir({ [`publishers/${name}`]: yaml });
		cleanup = made.cleanup;
		const catalog = await loadCatalog(made.dir);
		return catalog.problems.map((p) => formatProblem(p, made.dir).replace(/^[^:]+: /, ''));
	}

	it('accepts a clean publisher', async () => {
		expect(await publisherProblems(DINUM_PUBLISHER)).toEqual([]);
	});

	it('refuses a domain written as a URL', async () => {
		const lines = await publisherProblems(
			DINUM_PUBLISHER.replace('[numerique.gouv.fr,', '[https://numerique.gouv.fr,'),
		);
		expect(lines).toContain(
			'officialDomains[0]: is not a bare domain name — write it like economie.gouv.fr, without https:// or a path',
		);
	});

	it('refuses an id that differs from the file name', async () => {
		const lines = await publisherProblems(DINUM_PUBLISHER, 'etalab.yaml');
		expect(lines).toContain(
			'id: "dinum" differs from the file name "etalab" — rename the file to dinum.yaml or set id: etalab',
		);
	});

	it('refuses an unknown kind of body', async () => {
		const lines = await publisherProblems(
			DINUM_PUBLISHER.replace('type: public', 'type: ministry'),
		);
		expect(lines).toContain(
			'type: "ministry" is not a kind of body — use public (a public authority or agency), private (a company, even under public contract) or intergovernmental',
		);
	});

	it('warns when the homepage is off the official domains', async () => {
		const lines = await publisherProblems(
			DINUM_PUBLISHER.replace('https://www.numerique.gouv.fr/', 'https://dinum.example.org/'),
		);
		expect(lines).toContain(
			'homepage: warning: is on dinum.example.org, which is not among officialDomains — add the domain to officialDomains if the body controls it',
		);
	});
});
