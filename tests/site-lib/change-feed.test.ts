import { XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { changeFeedItems, changeFeedXml } from '../../src/lib/site/change-feed.ts';
import type { Change } from '../../src/schemas/history.ts';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;

describe('the changes feed', () => {
	const changes: Change[] = [
		{
			type: 'schema',
			id: 'fr-a',
			at: at(23),
			added: { parameters: ['query:siret'], fields: [] },
			removed: { parameters: [], fields: ['old'] },
		},
		{ type: 'outcome', id: 'fr-a', at: at(22), from: 'up', to: 'down' },
		{ type: 'outcome', id: 'fr-b', at: at(21), from: null, to: 'up' },
		{ type: 'spec-validity', id: 'fr-b', at: at(20), from: true, to: false },
	];
	const record = {
		entry: { title: 'API A' },
		snapshot: { reason: 'The base URL answered 500: server error.' },
	} as unknown as RegisterRecord;
	const other = { entry: { title: 'API B' }, snapshot: null } as unknown as RegisterRecord;
	const items = changeFeedItems({
		changes: [...changes, { type: 'outcome', id: 'fr-gone', at: at(19), from: 'up', to: 'down' }],
		byId: new Map([
			['fr-a', record],
			['fr-b', other],
		]),
	});

	it('lists changes newest first, leaving out first checks and records no longer listed', () => {
		expect(items.map((i) => i.title)).toEqual([
			'API A: schema changed: 1 parameter added, 1 field removed',
			'API A: up → down',
			'API B: spec became invalid',
		]);
	});

	it('names what a schema change added and removed in the description', () => {
		expect(items[0]?.description).toBe('schema changed: +parameter query:siret, −field old');
	});

	it('links each item to its record and dates it', () => {
		expect(items[1]).toMatchObject({
			link: '/records/fr-a/',
			pubDate: new Date(at(22)),
			description: 'up → down. The base URL answered 500: server error.',
		});
	});
});

/** The `<title>` and `<description>` of each item, after the XML parser's one level of decoding. */
function feedItems(xml: string): { title: string; description: string }[] {
	const items: { title: string; description: string }[] = [];
	let field: 'title' | 'description' | null = null;
	const parser = new Parser(
		{
			onopentag(name) {
				if (name === 'item') items.push({ title: '', description: '' });
				else if ((name === 'title' || name === 'description') && items.length > 0) field = name;
			},
			ontext(text) {
				const item = items.at(-1);
				if (field && item) item[field] += text;
			},
			onclosetag() {
				field = null;
			},
		},
		{ xmlMode: true, decodeEntities: true },
	);
	parser.write(xml);
	parser.end();
	return items;
}

/** What a feed reader does with a description: render it as HTML. Returns its tags and its text. */
function renderAsHtml(html: string): { tags: string[]; text: string } {
	const tags: string[] = [];
	let text = '';
	const parser = new Parser(
		{
			onopentag(name) {
				tags.push(name);
			},
			ontext(chunk) {
				text += chunk;
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	return { tags, text };
}

// Anything outside XML 1.0's Char production, which no escaping can make legal.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

describe('the changes feed from hostile measurements', () => {
	const hostile = [
		'<img src=x onerror=alert(1)>',
		'&lt;img src=x onerror=alert(2)&gt;',
		'nul\u0000name',
		'bell\u0007name',
		'cdata]]>end',
	];
	const changes: Change[] = [
		{
			type: 'schema',
			id: 'fr-a',
			at: at(23),
			added: { parameters: ['query:<svg onload=alert(3)>'], fields: hostile },
			removed: { parameters: [], fields: ['<script>alert(4)</script>'] },
		},
		{ type: 'outcome', id: 'fr-a', at: at(22), from: 'up', to: 'down' },
	];
	const record = {
		entry: { title: 'API\u0007 A' },
		snapshot: { reason: 'The server said <img src=x onerror=alert(5)>\u0000.' },
	} as unknown as RegisterRecord;
	const feed = changeFeedXml({ changes, byId: new Map([['fr-a', record]]) });

	it('is well-formed XML with no character XML forbids', async () => {
		const xml = await feed;
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).not.toMatch(NOT_XML_CHAR);
	});

	it('carries no markup in a title or description once a reader decodes and renders it', async () => {
		const items = feedItems(await feed);
		expect(items.map((i) => i.title)).toEqual([
			'API A: schema changed: 1 parameter added, 5 fields added, 1 field removed',
			'API A: up → down',
		]);
		for (const item of items) {
			expect(renderAsHtml(item.title).tags).toEqual([]);
			expect(renderAsHtml(item.description).tags).toEqual([]);
		}
	});

	it('shows hostile names to the reader as the text they are, control characters removed', async () => {
		const [schema, outcome] = feedItems(await feed).map((i) => renderAsHtml(i.description).text);
		expect(schema).toContain('+field <img src=x onerror=alert(1)>');
		expect(schema).toContain('+field &lt;img src=x onerror=alert(2)&gt;');
		expect(schema).toContain('+field nul name');
		expect(schema).toContain('+field bell name');
		expect(schema).toContain('+field cdata]]>end');
		expect(schema).toContain('−field <script>alert(4)</script>');
		expect(outcome).toBe('up → down. The server said <img src=x onerror=alert(5)> .');
	});
});
