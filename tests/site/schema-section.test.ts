import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import SchemaSection from '../../src/components/record/SchemaSection.astro';
import type { ApiEntry } from '../../src/schemas/entry.ts';
import type { Snapshot, SpecCapture } from '../../src/schemas/snapshot.ts';

const entry: ApiEntry = {
	kind: 'api',
	id: 'fr-large-spec',
	title: 'Large spec',
	summary: 'An API whose spec is too large to keep whole.',
	country: 'FR',
	publisher: 'dinum',
	access: 'open',
	lang: 'en',
	baseUrl: 'https://api.example.gouv.fr/v1',
	spec: { url: 'https://api.example.gouv.fr/openapi.json', format: 'openapi' },
	added: '2026-11-01',
};

function snapshot(spec: Partial<SpecCapture>): Snapshot {
	return {
		id: entry.id,
		checkedAt: '2026-11-25T02:00:00.000Z',
		outcome: 'up',
		reason: 'The base URL answered 200.',
		lastUpAt: '2026-11-25T02:00:00.000Z',
		checks: [],
		spec: {
			url: 'https://api.example.gouv.fr/openapi.json',
			format: 'openapi',
			version: '3.0.3',
			title: 'Large',
			valid: true,
			errors: [],
			sha256: 'a'.repeat(64),
			bytes: 1_200_000,
			operations: 1,
			parameters: [],
			fields: [{ name: 'id', type: 'string', description: '', operation: 'list' }],
			truncated: false,
			capturedAt: '2026-11-25T02:00:00.000Z',
			fetchError: null,
			...spec,
		},
		proofs: [],
	};
}

describe('SchemaSection', async () => {
	const container = await AstroContainer.create();
	const render = (s: Snapshot) =>
		container.renderToString(SchemaSection, { props: { record: { entry, snapshot: s } as never } });

	it('says the capture was truncated, and how much, when the byte cap dropped rows', async () => {
		const html = await render(
			snapshot({ truncated: true, dropped: { errors: 0, parameters: 3, fields: 212 } }),
		);
		expect(html).toContain('Capture truncated');
		expect(html).toMatch(/3 parameter\(s\), 212 field\(s\) and 0 error\(s\)/);
	});

	it('says nothing of the kind for a capture kept whole', async () => {
		expect(await render(snapshot({}))).not.toContain('Capture truncated');
	});
});

describe('SchemaSection on a partial capture', async () => {
	const container = await AstroContainer.create();
	const render = (s: Snapshot) =>
		container.renderToString(SchemaSection, { props: { record: { entry, snapshot: s } as never } });

	it('lists the references that could not be resolved, and how many more there were', async () => {
		const html = await render(
			snapshot({
				valid: false,
				unresolved: ['missing.json#/X (http://api.example.gouv.fr/missing.json answered 404)'],
				unresolvedTotal: 3,
			}),
		);
		expect(html).toContain('Partial capture:');
		expect(html).toContain('3 reference(s)');
		expect(html).toContain(
			'missing.json#/X (http://api.example.gouv.fr/missing.json answered 404)',
		);
		expect(html).toContain('and 2 more');
	});

	it('counts every captured name, shows the first rows and links to the complete list', async () => {
		const fields = Array.from({ length: 200 }, (_, i) => ({
			name: `f${i}`,
			type: 'string',
			description: '',
			operation: 'list',
		}));
		const html = await render(
			snapshot({
				fields,
				names: { parameters: [], fields: [...fields.map((f) => f.name), 'deep.one', 'deep.two'] },
			}),
		);
		expect(html).toContain('Result fields (202)');
		expect(html).toContain('the first 150 of 202 result fields');
		expect(html).toMatch(/href="[^"]*fr-large-spec\.json"/);
		expect(html).not.toContain('<code>f150</code>');
	});

	it('says when the YAML was read by a lenient reader', async () => {
		expect(await render(snapshot({ parser: 'yaml' }))).toContain('read with the yaml package');
		expect(await render(snapshot({ parser: 'js-yaml' }))).not.toContain('not well formed');
	});
});
