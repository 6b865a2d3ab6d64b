import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import DescriptionSection from '../../src/components/record/DescriptionSection.astro';
import ListedBySection from '../../src/components/record/ListedBySection.astro';
import ProofSection from '../../src/components/record/ProofSection.astro';
import SourceFacts from '../../src/components/SourceFacts.astro';
import SourcesTable from '../../src/components/SourcesTable.astro';
import type { RegisterRecord, RegisterSource } from '../../src/lib/register/assemble-register.ts';
import { sourcePath } from '../../src/lib/register/urls.ts';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import { recordJsonLd } from '../../src/lib/site/structured-data.ts';
import type { ApiEntry } from '../../src/schemas/entry.ts';
import type { ImportedRegisterPublisher } from '../../src/schemas/publisher.ts';
import { injectedMarkup } from '../helpers/html-safety.ts';
import { ckanSource, importState } from '../helpers/import-fixtures.ts';

/**
 * The sources pages and the parts of a record page that imports add. Imported values come from
 * strangers' catalogues: the tests feed them as hostile as they come, as if the normaliser and the
 * loader's rules had been bypassed, and check that no markup or script URL survives.
 */
const XSS = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;

const source = ckanSource({
	id: 'portail-test',
	name: `Portail ${XSS}`,
	country: 'FR',
	homepage: 'https://portail.example.gouv.fr/',
	yields: 'both',
});

const state = importState('portail-test', {
	lastRunAt: '2026-11-25T02:00:00Z',
	lastOutcome: 'failed',
	lastSuccessAt: '2026-11-24T02:00:00Z',
	lastError: `HTTP 500 ${XSS}`,
	failures: 2,
	counts: { records: 1 },
});

const entry: ApiEntry = {
	kind: 'api',
	id: 'fr-imported',
	title: `Imported ${XSS}`,
	summary: `API published by Mairie ${XSS}, listed in the Portail catalogue.`,
	country: 'FR',
	publisher: 'fr-mairie',
	access: 'open',
	lang: 'en',
	baseUrl: 'https://api.mairie.example.fr/',
	added: '2026-11-02',
};

const publisher: ImportedRegisterPublisher = {
	id: 'fr-mairie',
	name: `Mairie ${XSS}`,
	country: 'FR',
	officialDomains: [],
	githubOrgs: [],
	imported: { source: 'portail-test' },
};

const record: RegisterRecord = {
	id: entry.id,
	entry,
	publisher,
	imported: true,
	listedBy: [
		{
			source: 'portail-test',
			name: source.name,
			pageUrl: 'javascript:alert(3)',
			firstSeen: '2026-11-02',
			delistedAt: '2026-11-20',
		},
		{
			source: 'other-portal',
			name: 'Other portal',
			pageUrl: 'https://other.example.eu/dataset/imported',
			firstSeen: '2026-11-05',
		},
	],
	descriptionHtml: '',
	descriptionMarkdown: '',
	descriptionText: '',
	sourcePath: 'data/imported/portail-test/records.ndjson',
	snapshot: null,
	history: {
		strip: [],
		dates: [],
		uptime30: { ratio: null, counted: 0 },
		uptime90: { ratio: null, counted: 0 },
		changes: [],
	},
	score: scoreRecord({
		entry,
		description: '',
		publisher,
		snapshot: null,
		uptime30: { ratio: null, counted: 0 },
	}),
};

const registerSource: RegisterSource = { id: source.id, source, state, records: [record] };
const neverRun: RegisterSource = {
	id: 'community',
	source: { ...source, id: 'community', name: 'Community catalogue', official: false },
	state: null,
	records: [],
};

describe('the sources pages and the listings on record pages', async () => {
	const container = await AstroContainer.create();
	const render = (component: unknown, props: Record<string, unknown>) =>
		container.renderToString(component as never, { props: props as never });

	it('lists every source with its country, status, adapter, records and last import', async () => {
		const html = await render(SourcesTable, { sources: [registerSource, neverRun] });
		expect(injectedMarkup(html)).toEqual([]);
		expect(html).toContain(`href="${sourcePath('portail-test')}"`);
		expect(html).toContain('France');
		expect(html).toMatch(/<code[^>]*>ckan<\/code>/);
		expect(html).toContain('Failed — previous import kept (2 failed runs in a row)');
		expect(html).toContain('datetime="2026-11-24T02:00:00Z"');
		expect(html).toContain('Not imported yet — first harvest at the nightly run');
		expect(html).toContain('href="https://portail.example.gouv.fr/"');
	});

	it('shows a source’s facts, escaping what its state file says', async () => {
		const html = await render(SourceFacts, { source: registerSource });
		expect(injectedMarkup(html)).toEqual([]);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('A government or EU body (official catalogue)');
		expect(html).toMatch(/Records in the register<\/dt>\s*<dd[^>]*>1<\/dd>/);
	});

	it('names each catalogue that lists a record, with dates, and says when one delisted it', async () => {
		const html = await render(ListedBySection, { record });
		expect(injectedMarkup(html)).toEqual([]);
		expect(html).toContain(`href="${sourcePath('portail-test')}"`);
		expect(html).toContain('href="https://other.example.eu/dataset/imported"');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('First listed 2026-11-02');
		expect(html).toContain(`Delisted by Portail &quot;&gt;&lt;script&gt;`);
		expect(html).toContain('on 2026-11-20');
	});

	it('shows no listing part for a record no catalogue lists', async () => {
		const html = await render(ListedBySection, { record: { ...record, listedBy: [] } });
		expect(html).not.toContain('Listed by');
	});

	it('gives an imported record its summary and a link to the full description at a catalogue still listing it', async () => {
		const html = await render(DescriptionSection, { record });
		expect(injectedMarkup(html)).toEqual([]);
		expect(html).toContain('API published by Mairie');
		expect(html).toContain('href="https://other.example.eu/dataset/imported"');
		expect(html).toContain('Full description at Other portal ↗');
		expect(html).not.toContain('javascript:');
	});

	it('says an imported publisher is not yet reviewed rather than calling it private', async () => {
		const html = await render(ProofSection, {
			score: record.score,
			publisherName: publisher.name,
			publisherType: publisher.type,
		});
		expect(html).toContain('named by an imported catalogue, not yet reviewed');
		expect(html).not.toContain('private body');
	});

	it('does not call a publisher nobody reviewed a government body in structured data', () => {
		const json = recordJsonLd(record) as { provider: Record<string, unknown> };
		expect(json.provider['@type']).toBe('Organization');
		expect(json.provider.name).toBe(publisher.name);
	});
});
