import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { publisherBadgeContent, publisherBadgeSvg } from '../../src/lib/badges/publisher-badge.ts';
import { PUBLISHER_FILES } from '../../src/lib/exports/publisher-exports.ts';
import { SITE_EXPORTS } from '../../src/lib/exports/site-exports.ts';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { publisherBadgePath, publisherFeedPath } from '../../src/lib/register/urls.ts';
import { HOSTILE_TITLES } from '../badges/facts.ts';

const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

async function text(content: ReturnType<(typeof PUBLISHER_FILES)['files']>) {
	const files: Record<string, string> = {};
	for await (const file of content) {
		let body = '';
		for await (const chunk of file.content()) body += String(chunk);
		files[file.path] = body;
	}
	return files;
}

describe('a publisher’s badge', () => {
	it('gives its number of records and their mean score, coloured by the band of the mean', () => {
		expect(publisherBadgeContent({ id: 'p', name: 'P', records: 12, meanScore: 73.6 })).toEqual({
			label: 'c0mm0',
			message: '12 records · mean score 74 good',
			color: 'green',
		});
		expect(publisherBadgeContent({ id: 'p', name: 'P', records: 1, meanScore: 90 }).message).toBe(
			'1 record · mean score 90 excellent',
		);
	});

	it('says only how many records a publisher without any has, in grey', () => {
		expect(publisherBadgeContent({ id: 'p', name: 'P', records: 0, meanScore: null })).toEqual({
			label: 'c0mm0',
			message: '0 records',
			color: 'lightgrey',
		});
	});

	it.each(Object.entries(HOSTILE_TITLES))(
		'stays a well-formed SVG under 2 KB with a name of %s',
		(_, name) => {
			const svg = publisherBadgeSvg({ id: 'p', name, records: 3, meanScore: 50 });
			expect(XMLValidator.validate(svg)).toBe(true);
			expect(svg).not.toMatch(NOT_XML_CHAR);
			expect(svg).not.toMatch(/<script|<img/);
			expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(2048);
			expect(svg).toMatch(
				/^<svg [^>]* role="img" aria-label="c0mm0: 3 records · mean score 50 fair — /,
			);
		},
	);
});

describe('the publisher files export', () => {
	it('is registered with the site’s exports', () => {
		expect(SITE_EXPORTS).toContain(PUBLISHER_FILES);
	});

	it('writes a badge and a feed for every publisher, records or not, at the contract’s paths', async () => {
		const publisher = (id: string) => ({
			id,
			name: id,
			country: 'FR',
			officialDomains: [],
			githubOrgs: [],
		});
		const register = {
			records: [
				{
					id: 'fr-a',
					entry: { kind: 'api', publisher: 'busy', title: 'A' },
					snapshot: { outcome: 'up' },
					score: { total: 80, hints: [], proofs: [] },
				},
			],
			publishers: new Map([
				['busy', publisher('busy')],
				['idle', publisher('idle')],
			]),
			changes: [],
			byId: new Map(),
			lastRunAt: '2026-11-25T02:00:00.000Z',
			builtAt: new Date('2026-11-26T00:00:00.000Z'),
		} as unknown as Register;
		const files = await text(PUBLISHER_FILES.files(register));
		expect(Object.keys(files).sort()).toEqual(
			[
				publisherBadgePath('busy'),
				publisherFeedPath('busy'),
				publisherBadgePath('idle'),
				publisherFeedPath('idle'),
			].sort(),
		);
		expect(files[publisherBadgePath('busy')]).toContain('1 record · mean score 80 good');
		expect(files[publisherBadgePath('idle')]).toContain('0 records');
		expect(files[publisherFeedPath('idle')]).toContain(
			'<updated>2026-11-25T02:00:00.000Z</updated>',
		);
	});
});
