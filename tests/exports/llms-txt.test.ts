import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { llmsTxt, markdownText } from '../../src/lib/exports/llms-txt.ts';
import type { Register } from '../../src/lib/register/assemble-register.ts';
import { registerFromDisk } from '../../src/lib/register/register-from-disk.ts';
import { REPOSITORY_URL, urlContract } from '../../src/lib/register/urls.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SITE = 'https://example.org/register/';
const urls = urlContract(SITE);

/** `## Heading` → its lines, after the parts the llms.txt convention puts before any H2. */
function parse(text: string) {
	const [head = '', ...sections] = text.split(/^## /m);
	return {
		head,
		sections: sections.map((section) => {
			const [name = '', ...lines] = section.split('\n');
			return { name, lines: lines.filter((line) => line !== '') };
		}),
	};
}

/** `- [name](url): notes`, the only form a line of a section may take. */
const LINK_LINE = /^- \[((?:[^\]\\]|\\.)+)\]\((https?:\/\/[^\s)]+)\)(?:: .+)?$/;

describe('/llms.txt', () => {
	let register: Register;
	let text: string;
	beforeAll(async () => {
		register = await registerFromDisk(join(ROOT, 'data'));
		text = llmsTxt(register, urls);
	});

	it('opens with the H1 and a one-paragraph blockquote, then paragraphs without headings', () => {
		const { head } = parse(text);
		const [title, blank, quote, ...rest] = head.split('\n');
		expect([title, blank]).toEqual(['# c0mm0', '']);
		expect(quote).toMatch(/^> c0mm0 is a register of official European public APIs and datasets/);
		expect(rest.filter((line) => /^#/.test(line))).toEqual([]);
		expect(text.match(/^# /gm)).toHaveLength(1);
	});

	it('gives the register’s own counts of records, kinds and countries', () => {
		const apis = register.records.filter((r) => r.entry.kind === 'api').length;
		const datasets = register.records.length - apis;
		const countries = register.countries.filter((c) => c.code !== 'EU').length;
		const n = (v: number) => v.toLocaleString('en');
		expect(text).toContain(
			`It holds ${n(register.records.length)} records: ${n(apis)} APIs and ${n(datasets)} datasets, from ${countries} countries and EU institutions.`,
		);
		const france = register.countries.find((c) => c.code === 'FR');
		expect(text).toContain(`France (FR) ${n(france?.count ?? -1)}`);
	});

	it('lists its sections in order, each line a link under the site’s base path with a note', () => {
		const { sections } = parse(text);
		expect(sections.map((s) => s.name)).toEqual([
			'Search',
			'JSON API',
			'Downloads',
			'DCAT-AP',
			'Badges',
			'Optional',
		]);
		for (const { name, lines } of sections) {
			expect(lines.length, name).toBeGreaterThan(0);
			for (const line of lines) {
				const match = LINK_LINE.exec(line);
				expect(match, line).not.toBeNull();
				const url = match?.[2] ?? '';
				expect(url.startsWith(SITE) || url === REPOSITORY_URL, url).toBe(true);
			}
		}
	});

	it('links the search with its parameters, the JSON API with its OpenAPI, the exports and a real record’s badges', () => {
		const absolute = (path: string) => urls.absoluteUrl(path);
		expect(text).toContain(
			`(${absolute(urls.pagePath('search'))}?kind=API&country=France&sort=score)`,
		);
		for (const key of [
			'`q`',
			'`sort`',
			'`country`',
			'`state` (last check)',
			'`source` (listed by)',
		])
			expect(text).toContain(key);
		for (const page of [
			'openApi',
			'recordsJson',
			'changes',
			'downloadCsv',
			'downloadNdjson',
			'downloadParquet',
			'downloadFields',
			'dcatTurtle',
			'dcatJsonLd',
			'methodology',
		] as const)
			expect(text).toContain(`(${absolute(urls.pagePath(page))})`);
		const example = register.records[0]?.id ?? '';
		expect(register.byId.has(example)).toBe(true);
		expect(text).toContain(`(${absolute(urls.badgePath(example))})`);
		expect(text).toContain(`(${absolute(urls.badgePath(example, 'score'))})`);
		expect(text).toContain(`(${absolute(urls.recordJsonPath(example))})`);
	});

	it('keeps a hostile title from adding a link, a section or a line', () => {
		const [first, ...rest] = register.records;
		if (!first) throw new Error('the shipped catalog is empty');
		const hostile = `Evil](https://evil.example/)\n## Injected\r\n- [x](javascript:alert(1)) ${'long '.repeat(40)}`;
		const tampered = {
			...register,
			records: [{ ...first, entry: { ...first.entry, title: hostile } }, ...rest],
		} as Register;
		const out = llmsTxt(tampered, urls);
		expect(out).not.toMatch(/^## Injected/m);
		expect(out).not.toContain('](https://evil.example/)');
		expect(out).not.toContain('](javascript:');
		for (const { lines } of parse(out).sections)
			for (const line of lines) expect(LINK_LINE.test(line), line).toBe(true);
		expect(markdownText(hostile).length).toBeLessThanOrEqual(80 + 20);
	});
});
