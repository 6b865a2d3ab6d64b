import { Document, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Publisher } from '../../schemas/publisher.ts';
import { COUNTRY_CODES, type CountryCode } from '../vocab/countries.ts';
import { accessHint, asRecord, type DraftSource, httpUrl, specBaseUrl } from './source-document.ts';

export type { DraftSource } from './source-document.ts';

/**
 * Drafting a new catalog entry from one URL (`npm run new-entry`). Pure: the script fetches the
 * URL and writes the file. Only facts read from the publisher's own document are filled in;
 * everything else is left as a `# TODO` that `npm run validate` refuses until it is resolved.
 * The publisher's prose is never copied into the entry: it is quoted inside an HTML comment,
 * which the validator rejects, so it cannot be merged by accident.
 */

export interface DraftOptions {
	/** ISO 3166-1 alpha-2 code or EU. */
	country: CountryCode;
	publisher?: string;
	/** Slug or full id; derived from the title (or the URL) when absent. */
	id?: string;
	/** Today, YYYY-MM-DD. */
	added: string;
}

export interface Draft {
	id: string;
	country: CountryCode;
	/** The file's text: frontmatter with TODO comments, then the description placeholder. */
	text: string;
	/** Fields filled from the document, for the message printed afterwards. */
	filled: string[];
}

const QUOTE_MAX_CHARS = 1200;
const SLUG_MAX_CHARS = 60;

/** Lower-case ASCII words joined by hyphens, cut at a word boundary. */
export function slugify(text: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= SLUG_MAX_CHARS) return slug;
	const cut = slug.slice(0, SLUG_MAX_CHARS);
	return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** The country a host's top-level domain names (`.eu` → EU, `.uk` → GB), if it is European. */
export function countryFromHost(host: string): CountryCode | undefined {
	const tld = host.toLowerCase().replace(/\.$/, '').split('.').at(-1) ?? '';
	const code = tld === 'uk' ? 'GB' : tld.toUpperCase();
	return (COUNTRY_CODES as readonly string[]).includes(code) ? (code as CountryCode) : undefined;
}

/** The publishers whose official domains cover the host most specifically (more than one on a tie). */
export function publishersForHost(publishers: Iterable<Publisher>, host: string): Publisher[] {
	const name = host.toLowerCase().replace(/\.$/, '');
	const matches: { publisher: Publisher; length: number }[] = [];
	for (const publisher of publishers) {
		const lengths = publisher.officialDomains
			.filter((domain) => name === domain || name.endsWith(`.${domain}`))
			.map((domain) => domain.length);
		if (lengths.length > 0) matches.push({ publisher, length: Math.max(...lengths) });
	}
	const best = Math.max(0, ...matches.map((m) => m.length));
	return matches.filter((m) => m.length === best).map((m) => m.publisher);
}

/** The publisher's own words, quoted for reference inside an HTML comment that cannot be closed early. */
function referenceQuote(text: string): string[] {
	const flat = text.replace(/\r\n?/g, '\n').trim();
	const cut = flat.length > QUOTE_MAX_CHARS ? `${flat.slice(0, QUOTE_MAX_CHARS - 1)}…` : flat;
	return cut
		.replace(/-{2,}/g, (dashes) => dashes.split('').join(' '))
		.split('\n')
		.map((line) => `> ${line}`.trimEnd());
}

function descriptionPlaceholder(quoted: string | undefined): string {
	const lines = [
		'<!-- TODO: replace this note with a description in your own words (plain Markdown, no HTML):',
		'what it offers, who it is for, how access works. Do not paste the publisher’s text.',
		'npm run validate refuses the entry while this note is here.',
	];
	if (quoted) {
		lines.push(
			'',
			'For reference only, the publisher’s document says:',
			'',
			...referenceQuote(quoted),
		);
	}
	lines.push('-->');
	return lines.join('\n');
}

interface Fields {
	title?: string;
	homepage?: string;
	docs?: string;
	baseUrl?: string;
	spec?: { url: string; format: 'openapi' };
	accessHint?: string;
	quoted?: string;
}

function fieldsFrom(source: DraftSource): Fields {
	if (source.kind === 'html') {
		return { ...(source.title ? { title: source.title } : {}), homepage: source.url };
	}
	if (source.kind === 'other') return {};
	const { document, url } = source;
	const info = asRecord(document.info);
	const fields: Fields = { spec: { url, format: 'openapi' }, accessHint: accessHint(document) };
	if (typeof info.title === 'string' && info.title.trim()) {
		fields.title = info.title.replace(/\s+/g, ' ').trim();
	}
	const baseUrl = specBaseUrl(document, url);
	if (baseUrl) fields.baseUrl = baseUrl;
	const docs = httpUrl(asRecord(document.externalDocs).url, url);
	if (docs) fields.docs = docs;
	if (typeof info.description === 'string' && info.description.trim()) {
		fields.quoted = info.description;
	}
	return fields;
}

/** `<cc>-<slug>` from an explicit id or slug, the title, or the URL's last path segment or host. */
export function entryId(
	country: CountryCode,
	fields: { title?: string },
	url: string,
	explicit?: string,
): string {
	const prefix = `${country.toLowerCase()}-`;
	const parsed = new URL(url);
	const lastSegment = parsed.pathname
		.split('/')
		.filter(Boolean)
		.at(-1)
		?.replace(/\.[a-z0-9]+$/i, '');
	const slug = slugify(
		explicit ?? fields.title ?? lastSegment ?? parsed.hostname.split('.').slice(0, -1).join('-'),
	);
	return slug.startsWith(prefix) ? slug : `${prefix}${slug || 'todo'}`;
}

function keyOf(pair: Pair): string {
	return isScalar(pair.key) ? String(pair.key.value) : '';
}

/** Builds the draft file for a fetched document. */
export function draftEntry(source: DraftSource, options: DraftOptions): Draft {
	const fields = fieldsFrom(source);
	const id = entryId(options.country, fields, source.url, options.id);
	const data: Record<string, unknown> = {
		id,
		kind: 'api',
		title: fields.title ?? '',
		summary: '',
		country: options.country,
		publisher: options.publisher ?? '',
		access: '',
	};
	if (fields.homepage) data.homepage = fields.homepage;
	if (fields.docs) data.docs = fields.docs;
	if (fields.baseUrl) data.baseUrl = fields.baseUrl;
	if (fields.spec) data.spec = fields.spec;
	data.added = options.added;

	const doc = new Document(data);
	const comments: Record<string, { before?: string; after?: string }> = {
		kind: {
			after: ' TODO: api, or dataset (then list its files under distributions: and drop access)',
		},
		title: fields.title ? {} : { after: ' TODO: the official name, as the publisher writes it' },
		summary: {
			before:
				' TODO: one plain sentence (20–200 characters) in your own words: what it gives access to',
		},
		publisher: options.publisher
			? {}
			: {
					after:
						' TODO: id of a file in data/publishers/ (add one if the body is new; see CONTRIBUTING.md)',
				},
		access: {
			after: ` TODO: open | key | oauth2 | restricted${fields.accessHint ? ` — ${fields.accessHint}` : ''}`,
		},
		added: {
			before: [
				...(fields.homepage ? [] : [' homepage: TODO the landing page']),
				...(fields.docs ? [] : [' docs: TODO the developer documentation']),
				...(fields.baseUrl ? [] : [' baseUrl: TODO the URL API paths hang off']),
				...(fields.spec
					? []
					: [
							' spec: { url: TODO, format: openapi }  # if there is a machine-readable description',
						]),
				' Optional but scored — fill in what you can check, delete the rest:',
				' licence: TODO SPDX id, e.g. etalab-2.0, CC-BY-4.0',
				' terms: TODO terms-of-use URL',
				' themes: [TODO]  # AGRI ECON EDUC ENER ENVI GOVE HEAL INTR JUST REGI SOCI TECH TRAN',
				' keywords: [TODO]',
				' languages: [TODO]  # ISO 639-1, e.g. fr',
				' sources: [{ catalogue: TODO, url: TODO }]  # catalogues that list it',
				' contact: { url: TODO }',
			].join('\n'),
		},
	};
	for (const pair of (doc.contents as YAMLMap).items as Pair[]) {
		const comment = comments[keyOf(pair)];
		if (!comment) continue;
		if (comment.before) (pair.key as Scalar).commentBefore = comment.before;
		if (comment.after && isScalar(pair.value)) pair.value.comment = comment.after;
	}
	const frontmatter = doc.toString({ lineWidth: 0 });
	const filled = ['title', 'homepage', 'docs', 'baseUrl', 'spec'].filter(
		(key) => key in data && data[key] !== '',
	);
	return {
		id,
		country: options.country,
		text: `---\n${frontmatter}---\n\n${descriptionPlaceholder(fields.quoted)}\n`,
		filled,
	};
}
