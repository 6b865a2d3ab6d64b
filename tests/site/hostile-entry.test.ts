import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import RecordList from '../../src/components/RecordList.astro';
import BadgeSection from '../../src/components/record/BadgeSection.astro';
import MachineSection from '../../src/components/record/MachineSection.astro';
import ProofSection from '../../src/components/record/ProofSection.astro';
import RecordHeader from '../../src/components/record/RecordHeader.astro';
import SchemaSection from '../../src/components/record/SchemaSection.astro';
import UsageSection from '../../src/components/record/UsageSection.astro';
import VerificationSection from '../../src/components/record/VerificationSection.astro';
import { renderDescription } from '../../src/lib/markdown/description.ts';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import { jsonForScript } from '../../src/lib/site/format.ts';
import { recordJsonLd } from '../../src/lib/site/structured-data.ts';
import type { ApiEntry } from '../../src/schemas/entry.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import { injectedMarkup } from '../helpers/html-safety.ts';

/**
 * The validator refuses HTML in entries, but rendering must be safe on its own: these tests feed
 * the record components a record as hostile as a stranger could make it, as if validation had
 * been bypassed, and check that no markup from it survives.
 */
const XSS = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;

const entry: ApiEntry = {
	kind: 'api',
	id: 'fr-hostile',
	title: `Evil ${XSS}`,
	summary: `Summary ${XSS}`,
	country: 'FR',
	publisher: 'evil',
	access: 'key',
	lang: 'en',
	homepage: 'https://x.gouv.fr/?q="><script>alert(3)</script>',
	docs: 'javascript:alert(4)',
	baseUrl: `https://api.x.gouv.fr/v1?a='$(rm -rf /)'${XSS}`,
	spec: { url: 'https://api.x.gouv.fr/openapi.json', format: 'openapi' },
	keywords: [XSS],
	contact: { email: `a@b.fr${XSS}` },
	added: '2026-11-01',
};

const snapshot: Snapshot = {
	id: 'fr-hostile',
	checkedAt: '2026-11-23T02:00:00.000Z',
	outcome: 'down',
	reason: `The base URL ${XSS}`,
	lastUpAt: null,
	checks: [
		{
			target: 'base',
			url: entry.baseUrl as string,
			method: 'GET',
			status: 500,
			ms: 10,
			error: null,
			finalUrl: null,
			redirects: 0,
			tlsDaysLeft: null,
			outcome: 'down',
			note: XSS,
		},
	],
	spec: {
		url: 'https://api.x.gouv.fr/openapi.json',
		format: 'openapi',
		version: '3.0.0',
		title: XSS,
		valid: false,
		errors: [XSS],
		sha256: 'a'.repeat(64),
		bytes: 10,
		operations: 1,
		parameters: [
			{
				name: XSS,
				in: 'query',
				type: XSS,
				description: XSS,
				required: true,
				operation: XSS,
				operations: 2,
			},
		],
		fields: [{ name: XSS, type: XSS, description: XSS, operation: XSS }],
		truncated: false,
		capturedAt: '2026-11-23T02:00:00.000Z',
		fetchError: XSS,
	},
	proofs: [
		{
			signal: 'portal-backlink',
			url: 'https://api.gouv.fr/x',
			status: 'refuted',
			httpStatus: 200,
			detail: XSS,
		},
	],
};

const publisher = {
	id: 'evil',
	name: `Evil body ${XSS}`,
	country: 'FR' as const,
	type: 'public' as const,
	homepage: 'https://x.gouv.fr/',
	officialDomains: ['x.gouv.fr'],
	githubOrgs: [],
};

const description = `Hello ${XSS}\n\n[click](javascript:alert(5)) <iframe src="https://evil.example"></iframe>`;

const record: RegisterRecord = {
	id: entry.id,
	entry,
	publisher,
	imported: false,
	listedBy: [],
	descriptionHtml: renderDescription(description),
	descriptionMarkdown: description,
	descriptionText: XSS,
	sourcePath: 'data/catalog/fr/fr-hostile.md',
	snapshot,
	history: {
		strip: ['X'],
		dates: ['2026-11-23'],
		uptime30: { ratio: 0, counted: 1 },
		uptime90: { ratio: 0, counted: 1 },
		changes: [
			{ type: 'outcome', id: 'fr-hostile', at: '2026-11-23T02:00:00.000Z', from: null, to: 'down' },
		],
	},
	score: scoreRecord({
		entry,
		description,
		publisher,
		snapshot,
		uptime30: { ratio: 0, counted: 1 },
	}),
};

function assertNoInjectedMarkup(html: string): void {
	expect(injectedMarkup(html)).toEqual([]);
}

describe('rendering a hostile record', async () => {
	const container = await AstroContainer.create();
	const components = [
		['RecordHeader', RecordHeader, { record }],
		[
			'ProofSection',
			ProofSection,
			{ score: record.score, publisherName: publisher.name, publisherType: publisher.type },
		],
		['SchemaSection', SchemaSection, { record }],
		['VerificationSection', VerificationSection, { record }],
		['UsageSection', UsageSection, { record }],
		['MachineSection', MachineSection, { record }],
		['BadgeSection', BadgeSection, { record }],
		['RecordList', RecordList, { records: [record] }],
	] as const;

	it.each(components)('%s escapes every entry-supplied string', async (_name, component, props) => {
		const html = await container.renderToString(component as never, { props: props as never });
		assertNoInjectedMarkup(html);
		expect(html).toContain('&lt;script&gt;');
	});

	it('sanitises the description', () => {
		assertNoInjectedMarkup(record.descriptionHtml);
	});

	it('keeps structured data from closing its script tag', () => {
		const json = jsonForScript(recordJsonLd(record));
		expect(json).not.toContain('</script');
		expect(JSON.parse(json).name).toBe(entry.title);
	});
});
