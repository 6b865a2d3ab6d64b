import type { Register, RegisterRecord } from '../register/assemble-register.ts';
import { kindLabel, OUTCOME_LABELS } from '../register/labels.ts';
import { REPOSITORY_URL, SITE_URL, urlContract } from '../register/urls.ts';
import { AXES, AXIS_NAMES, AXIS_WEIGHTS } from '../score/constants.ts';
import { FILTER_LABELS } from '../search/record-search-data.ts';
import { FILTER_KEYS, SORTS, searchQueryString } from '../search/search-params.ts';
import { countryName } from '../vocab/countries.ts';
import type { SiteExport } from './write-exports.ts';

type Urls = ReturnType<typeof urlContract>;

/** Characters of an imported title kept in a link's text. */
const TITLE_CHARS = 80;

/**
 * Text from the catalogues (titles) as plain Markdown text: control characters and line breaks
 * out, cut to `max`, and every character Markdown could read as a link, emphasis or heading
 * escaped, so no title can add a link or a section to the file.
 */
export function markdownText(text: string, max = TITLE_CHARS): string {
	const plain = text
		.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const cut = plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
	return cut.replace(/[\\`*_[\]()<>#!|~{}]/g, '\\$&');
}

const count = (n: number) => n.toLocaleString('en');

/** The record the examples show: the best-scored API that answered, else the first record. */
function exampleRecord(register: Register): RegisterRecord | undefined {
	const answered = register.records.filter(
		(r) => r.entry.kind === 'api' && r.snapshot?.outcome === 'up',
	);
	return (
		answered.toSorted((a, b) => b.score.total - a.score.total || a.id.localeCompare(b.id))[0] ??
		register.records[0]
	);
}

/** How many records of each kind, outcome and country the register holds, in sentences. */
function facts(register: Register): string[] {
	const { records } = register;
	const kinds = (['api', 'dataset'] as const).map(
		(kind) => [kind, records.filter((r) => r.entry.kind === kind).length] as const,
	);
	const outcomes = new Map<string, number>();
	for (const r of records) {
		const label = OUTCOME_LABELS[r.snapshot?.outcome ?? 'unverified'];
		outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
	}
	const countries = register.countries.toSorted(
		(a, b) => b.count - a.count || a.code.localeCompare(b.code),
	);
	const nations = countries.filter((c) => c.code !== 'EU').length;
	const withEu = countries.length > nations ? ' and EU institutions' : '';
	const axes = AXES.map((axis) => `${AXIS_NAMES[axis].toLowerCase()} ${AXIS_WEIGHTS[axis]} %`);
	return [
		`It holds ${count(records.length)} records: ${kinds.map(([kind, n]) => `${count(n)} ${kind === 'api' ? 'APIs' : 'datasets'}`).join(' and ')}, from ${nations} countries${withEu}.`,
		`Last check: ${[...outcomes].map(([label, n]) => `${label.toLowerCase()} ${count(n)}`).join(', ')}.`,
		`Records by country: ${countries.map((c) => `${c.name} (${c.code}) ${count(c.count)}`).join(', ')}.`,
		`Entries are written by people or imported from national catalogues; everything else is measured. Each record has a page, a JSON document and badges. Its score weighs five axes — ${axes.join(', ')} — and says what would raise it.`,
	];
}

/**
 * `/llms.txt`, after the llms.txt convention (llmstxt.org): an H1, a one-paragraph summary in a
 * blockquote, paragraphs without headings, then H2 sections of `- [name](url): notes` links, the
 * last one `Optional`. Every number comes from the register, every path from the URL contract.
 *
 * No `/llms-full.txt`: one line per record is some 120 bytes, 12 MB at 100,000 records — millions
 * of tokens, more than any model reads at once, and the same rows programs get whole from the
 * downloads and `records.json`. The search page and one record's JSON are what an agent needs.
 */
export function llmsTxt(register: Register, urls: Urls): string {
	const url = (path: string) => urls.absoluteUrl(path);
	const link = (name: string, path: string, note: string) => `- [${name}](${url(path)}): ${note}`;
	const example = exampleRecord(register);
	const topCountry = register.countries.toSorted((a, b) => b.count - a.count)[0];
	const searchExample = `${urls.pagePath('search')}${searchQueryString({
		q: '',
		filters: {
			kind: kindLabel('api'),
			...(topCountry ? { country: countryName(topCountry.code) } : {}),
		},
		sort: 'score',
	})}`;
	// A filter's label where it says more than its key: `state` (last check), `source` (listed by).
	const filters = FILTER_KEYS.map((key) => {
		const label = FILTER_LABELS[key].toLowerCase();
		return label === key ? `\`${key}\`` : `\`${key}\` (${label})`;
	}).join(', ');
	const title = example ? markdownText(example.entry.title) : '';

	const lines = [
		'# c0mm0',
		'',
		'> c0mm0 is a register of official European public APIs and datasets, checked every night: whether each one answers, what its spec or files declare, and a quality score from 0 to 100 with the reasons behind it.',
		'',
		...facts(register).flatMap((line) => [line, '']),
		'## Search',
		'',
		link(
			'Search',
			urls.pagePath('search'),
			`full-text search of the record pages, the names of API parameters, result fields and data columns included; it runs in the browser (JavaScript). Query parameters: \`q\` (the words), \`sort\` (${SORTS.map((s) => `\`${s}\``).join(' or ')}), and one value each of ${filters}, written as the page shows them.`,
		),
		link(
			'Search example',
			searchExample,
			'APIs of the country with the most records, best score first.',
		),
		...(example
			? [
					link(
						`A record's page: ${title}`,
						urls.recordPath(example.id),
						'what was checked, the captured schema, the score and its reasons.',
					),
				]
			: []),
		link('Browse', urls.pagePath('browse'), 'records by country, theme, kind and publisher.'),
		'',
		'## JSON API',
		'',
		link(
			'OpenAPI description',
			urls.pagePath('openApi'),
			'OpenAPI 3.1 of every file below, generated from the schemas the files are written with.',
		),
		link(
			'All records',
			urls.pagePath('recordsJson'),
			'one summary per record: title, kind, country, publisher, access, licence, last outcome, score.',
		),
		...(example
			? [
					link(
						`One record: ${title}`,
						urls.recordJsonPath(example.id),
						'its entry, last check, history and score with reasons; the same path with any record id.',
					),
				]
			: []),
		link(
			'Changes',
			urls.pagePath('changes'),
			'RSS feed of records going down or up and of schemas changing.',
		),
		'',
		'## Downloads',
		'',
		link(
			'Downloads',
			urls.pagePath('downloads'),
			'the files below with their sizes and a data dictionary.',
		),
		link('register.csv', urls.pagePath('downloadCsv'), 'one row per record.'),
		link('register.ndjson', urls.pagePath('downloadNdjson'), 'the same rows as JSON lines.'),
		link('register.parquet', urls.pagePath('downloadParquet'), 'the same rows as Parquet.'),
		link(
			'fields.csv',
			urls.pagePath('downloadFields'),
			'every captured API parameter, result field and data column, with its record.',
		),
		'',
		'## DCAT-AP',
		'',
		link(
			'catalog.ttl',
			urls.pagePath('dcatTurtle'),
			'the register as a DCAT-AP 3 catalogue in Turtle, with the measurements as DQV quality measurements.',
		),
		link('catalog.jsonld', urls.pagePath('dcatJsonLd'), 'the same catalogue as JSON-LD.'),
		'',
		'## Badges',
		'',
		...(example
			? [
					link(
						`Status badge of ${title}`,
						urls.badgePath(example.id),
						`SVG: last outcome and score; any record's is \`${urls.badgePath('<id>')}\`.`,
					),
					link(
						`Score badge of ${title}`,
						urls.badgePath(example.id, 'score'),
						`SVG: score and band (\`${urls.badgePath('<id>', 'score')}\`).`,
					),
					link(
						`Uptime badge of ${title}`,
						urls.badgePath(example.id, 'uptime'),
						`SVG: uptime over 30 nights (\`${urls.badgePath('<id>', 'uptime')}\`).`,
					),
					link(
						`Badge endpoint of ${title}`,
						urls.badgeEndpointPath(example.id),
						`the status badge in the shields.io endpoint format (\`${urls.badgeEndpointPath('<id>')}\`).`,
					),
				]
			: []),
		'',
		'## Optional',
		'',
		link(
			'Methodology',
			urls.pagePath('methodology'),
			'how each axis of the score is measured, with worked examples.',
		),
		link('Sources', urls.sourcesPath(), 'the catalogues the register imports from.'),
		link('Contribute', urls.pagePath('contribute'), 'how to add or correct an entry.'),
		`- [Source repository](${REPOSITORY_URL}): the entries, the measurements and the code.`,
	];
	return `${lines.join('\n')}\n`;
}

export const llmsTxtExport: SiteExport = {
	name: 'llms.txt',
	files: (register) => {
		const urls = urlContract(SITE_URL);
		return [{ path: urls.pagePath('llmsTxt'), content: () => [llmsTxt(register, urls)] }];
	},
};
