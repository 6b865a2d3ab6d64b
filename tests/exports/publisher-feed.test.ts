import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
	changesByPublisher,
	entryId,
	publisherFeedEntries,
	publisherFeedXml,
} from '../../src/lib/exports/publisher-feed.ts';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import type { Change } from '../../src/schemas/history.ts';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const HOSTILE = 'API <script>alert(1)</script> & ]]> "quoted"';

const record = (publisher: string, title: string, reason?: string) =>
	({
		entry: { title, publisher },
		snapshot: reason ? { reason } : null,
	}) as unknown as RegisterRecord;

const byId = new Map([
	['fr-mine', record('mine', HOSTILE, 'The base URL answered <b>500</b> & ]]>.')],
	['fr-also-mine', record('mine', 'API B')],
	['fr-theirs', record('theirs', 'API C')],
]);
const changes: Change[] = [
	{ type: 'outcome', id: 'fr-mine', at: at(24), from: 'up', to: 'down' },
	{ type: 'outcome', id: 'fr-theirs', at: at(23), from: 'up', to: 'down' },
	{
		type: 'schema',
		id: 'fr-also-mine',
		at: at(22),
		added: { parameters: [], fields: ['<img src=x onerror=alert(1)>'] },
		removed: { parameters: [], fields: [] },
	},
	{ type: 'outcome', id: 'fr-also-mine', at: at(21), from: null, to: 'up' },
];
const mine = changesByPublisher({ changes, byId }).get('mine') ?? [];
const xml = publisherFeedXml(
	{ id: 'mine', name: 'Ministère & <Co>' },
	publisherFeedEntries(mine, byId),
	new Date(at(25)),
);
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	isArray: (name) => ['entry', 'link'].includes(name),
});
const feed = parser.parse(xml).feed;

describe('a publisher’s Atom feed', () => {
	it('is well-formed XML in the Atom namespace', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
	});

	it('has the elements RFC 4287 requires of a feed: id, title, updated, author, self and alternate links', () => {
		expect(feed.id).toBe('https://c0mm0.com/publishers/mine/feed.xml');
		expect(feed.title).toBe('c0mm0 — changes to the records of Ministère & <Co>');
		expect(feed.updated).toBe(at(24));
		expect(feed.author.name).toBe('c0mm0');
		expect(feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']])).toEqual([
			['self', 'https://c0mm0.com/publishers/mine/feed.xml'],
			['alternate', 'https://c0mm0.com/publishers/mine/'],
		]);
	});

	it('lists the changes of the publisher’s own records only, newest first, first checks left out', () => {
		expect(
			feed.entry.map((e: { link: Record<string, string>[] }) => e.link[0]?.['@_href']),
		).toEqual(['https://c0mm0.com/records/fr-mine/', 'https://c0mm0.com/records/fr-also-mine/']);
		expect(feed.entry.map((e: { updated: string }) => e.updated)).toEqual([at(24), at(22)]);
	});

	it('gives each entry a stable tag: id, a title, a link and a summary', () => {
		const [first] = feed.entry;
		expect(first.id).toBe(entryId(changes[0] as Change));
		expect(first.id).toBe(
			'tag:c0mm0.com,2026-11-24:/records/fr-mine/outcome/2026-11-24T02:00:00.000Z',
		);
		expect(first.title['#text']).toBe(`${HOSTILE}: up → down`);
		expect(first.summary['@_type']).toBe('html');
	});

	it('escapes hostile titles, reasons and field names so that no markup reaches a reader', () => {
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain(']]>');
		expect(xml).not.toMatch(/<img|<b>/);
		// The summary is HTML: decoded once from XML, it is escaped text, shown and never run.
		const summaries = feed.entry.map((e: { summary: { '#text': string } }) => e.summary['#text']);
		expect(summaries[0]).toContain('&lt;b&gt;500&lt;/b&gt; &amp; ]]&gt;');
		expect(summaries[1]).toContain('+field &lt;img src=x onerror=alert(1)&gt;');
	});

	it('is a valid feed with no entry when nothing changed, updated as of the last check', () => {
		const empty = publisherFeedXml({ id: 'quiet', name: 'Quiet' }, [], new Date(at(25)));
		expect(XMLValidator.validate(empty)).toBe(true);
		const quiet = parser.parse(empty).feed;
		expect(quiet.updated).toBe(at(25));
		expect(quiet.id).toBeTruthy();
		expect(quiet.entry).toBeUndefined();
	});
});
