import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BADGE_HEX, STATE_COLORS } from '../../src/lib/badges/badge-colors.ts';
import type { BadgeState } from '../../src/lib/badges/badge-facts.ts';
import { BADGE_TITLE_MAX, badgeSvg, withAccessibleName } from '../../src/lib/badges/badge-svg.ts';
import { BADGE_VARIANTS } from '../../src/lib/register/urls.ts';
import { BANDS } from '../../src/lib/score/constants.ts';
import { facts, HOSTILE_TITLES } from './facts.ts';

const STATES: BadgeState[] = ['up', 'degraded', 'down', 'inconclusive', 'unverified'];
const BUDGET = 2048;

/** XML 1.0 `Char`: anything else makes the document not well-formed, escaped or not. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function expectWellFormedBadge(svg: string) {
	expect(XMLValidator.validate(svg)).toBe(true);
	expect(svg).not.toMatch(NOT_XML_CHAR);
	expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
	expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(BUDGET);
	const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
	expect(root).toContain(' role="img"');
	expect(root.match(/ aria-label="[^"]+"/g)).toHaveLength(1);
	expect(svg.match(/<title>[^<]+<\/title>/g)).toHaveLength(1);
	expect(svg.slice(root.length).startsWith('<title>')).toBe(true);
}

const ELEMENTS = new Set([
	'svg',
	'title',
	'filter',
	'feGaussianBlur',
	'linearGradient',
	'stop',
	'clipPath',
	'rect',
	'g',
	'text',
]);
const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
});

/** Every element name and attribute name in the document, to check nothing foreign got in. */
function namesIn(svg: string): { elements: Set<string>; attributes: Set<string> } {
	const elements = new Set<string>();
	const attributes = new Set<string>();
	const walk = (nodes: Record<string, unknown>[]) => {
		for (const node of nodes) {
			for (const [key, value] of Object.entries(node)) {
				if (key === ':@') for (const a of Object.keys(value as object)) attributes.add(a);
				else if (key !== '#text') {
					elements.add(key);
					walk(value as Record<string, unknown>[]);
				}
			}
		}
	};
	walk(parser.parse(svg));
	return { elements, attributes };
}

/** The fill of the right-hand (message) rectangle. */
const messageFill = (svg: string) =>
	/<rect x="\d+" width="\d+" height="20" fill="([^"]+)"\/>/.exec(svg)?.[1];

const accessibleName = (svg: string) => /aria-label="([^"]*)"/.exec(svg)?.[1];

describe('badge SVGs', () => {
	for (const state of STATES) {
		for (const { name: band } of BANDS) {
			for (const variant of BADGE_VARIANTS) {
				it(`draws a well-formed ${variant} badge under 2 KB for a ${state}, ${band} record`, () => {
					expectWellFormedBadge(badgeSvg(facts({ state, band }), variant));
				});
			}
			// The fill badge-maker drew must be the hex the OG cards use for the same state.
			it(`colours the status badge of a ${state}, ${band} record ${STATE_COLORS[state][band]}`, () => {
				const svg = badgeSvg(facts({ state, band }), 'status');
				expect(messageFill(svg)).toBe(BADGE_HEX[STATE_COLORS[state][band]]);
			});
		}
	}

	it('says "verified · 70 good" for a record that is up, with the title in its accessible name', () => {
		const svg = badgeSvg(facts(), 'status');
		expect(svg).toContain('>verified · 70 good</text>');
		expect(accessibleName(svg)).toBe('c0mm0: verified · 70 good — API CaptchEtat');
		expect(svg).toContain('<title>c0mm0: verified · 70 good — API CaptchEtat</title>');
	});

	it.each([
		['degraded', 'degraded · 70 good'],
		['down', 'down'],
		['inconclusive', 'inconclusive'],
		['unverified', 'not yet verified'],
	] as const)('says what a %s record is: "%s"', (state, message) => {
		expect(badgeSvg(facts({ state }), 'status')).toContain(`>${message}</text>`);
	});

	it('draws the score variant as "score 70 · good", provisional when not everything was measured', () => {
		expect(badgeSvg(facts(), 'score')).toContain('>score 70 · good</text>');
		expect(badgeSvg(facts({ state: 'unverified', provisional: true }), 'score')).toContain(
			'>score 70 · good (provisional)</text>',
		);
	});

	it('draws the uptime variant as "uptime 98.3%", or "uptime —" when no night was counted', () => {
		expect(badgeSvg(facts(), 'uptime')).toContain('>uptime 98.3%</text>');
		expect(badgeSvg(facts({ uptime30: null }), 'uptime')).toContain('>uptime —</text>');
	});

	it.each([
		[1, '#4b0'],
		[0.995, '#4b0'],
		[0.992, '#67ac09'],
		[0.98, '#95991a'],
		[0.96, '#d8b800'],
		[0.92, '#ea7233'],
		[0.5, '#dd4343'],
		[null, '#939393'],
	])('colours 30-day uptime %s as %s', (uptime30, color) => {
		expect(messageFill(badgeSvg(facts({ uptime30 }), 'uptime'))).toBe(color);
	});

	it('defines no element ids, so any number of badges can share a page', () => {
		for (const variant of ['status', 'score', 'uptime'] as const)
			expect(badgeSvg(facts({ id: 'fr-a' }), variant)).not.toMatch(/ id="/);
	});

	it('stays under 0.8 KB for a typical title: three badges a record, 100,000 records', () => {
		const svg = badgeSvg(facts({ title: 'API Recherche d’entreprises' }), 'status');
		expect(Buffer.byteLength(svg)).toBeLessThan(800);
	});

	it('is the same every time for the same facts', () => {
		expect(badgeSvg(facts(), 'status')).toBe(badgeSvg(facts(), 'status'));
	});
});

describe('badges of hostile titles', () => {
	for (const [what, title] of Object.entries(HOSTILE_TITLES)) {
		for (const variant of BADGE_VARIANTS) {
			it(`stay well-formed and under 2 KB with ${what} in the title (${variant})`, () => {
				const svg = badgeSvg(
					facts({ title, state: 'degraded', band: 'excellent', provisional: true }),
					variant,
				);
				expectWellFormedBadge(svg);
				const { elements, attributes } = namesIn(svg);
				expect([...elements].filter((e) => !ELEMENTS.has(e))).toEqual([]);
				expect([...attributes].filter((a) => a.startsWith('on'))).toEqual([]);
			});
		}
	}

	it('escapes markup in the title rather than dropping it', () => {
		const name = accessibleName(badgeSvg(facts({ title: HOSTILE_TITLES.script }), 'status'));
		expect(name).toMatch(
			/^c0mm0: verified · 70 good — &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/,
		);
	});

	it('cuts a long title to BADGE_TITLE_MAX characters, with an ellipsis', () => {
		const name = accessibleName(badgeSvg(facts({ title: 'x'.repeat(300) }), 'status')) ?? '';
		const title = name.split(' — ')[1] ?? '';
		expect(title).toBe(`${'x'.repeat(BADGE_TITLE_MAX - 1)}…`);
	});

	it('never cuts an emoji in half', () => {
		const family = '👨‍👩‍👧‍👦';
		const name =
			accessibleName(
				badgeSvg(
					facts({ title: `${'a'.repeat(BADGE_TITLE_MAX - 8)}${family.repeat(3)}` }),
					'status',
				),
			) ?? '';
		const title = name.split(' — ')[1] ?? '';
		expect(title).toBe(`${'a'.repeat(BADGE_TITLE_MAX - 8)}…`);
		expect(title.isWellFormed()).toBe(true);
	});

	it('drops control and bidi-override characters', () => {
		const name = accessibleName(
			badgeSvg(facts({ title: HOSTILE_TITLES['bidi overrides'] }), 'status'),
		);
		expect(name).toBe('c0mm0: verified · 70 good — Safe gnp.exe title');
	});
});

describe('withAccessibleName', () => {
	it('adds role, aria-label and title to an SVG that lacks them', () => {
		const svg = withAccessibleName(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect/></svg>',
			'a "b" <c>',
		);
		expect(svg).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" role="img" aria-label="a &quot;b&quot; &lt;c&gt;"><title>a &quot;b&quot; &lt;c&gt;</title><rect/></svg>',
		);
		expect(XMLValidator.validate(svg)).toBe(true);
	});

	it('refuses something that is not an SVG document', () => {
		expect(() => withAccessibleName('<html></html>', 'x')).toThrow(/<svg>/);
	});
});
