import { CountryCodeSchema, SourceSchema } from '../../schemas/common.ts';
import { type Entry, EntrySchema, TITLE_MAX } from '../../schemas/entry.ts';
import type {
	HarvestedRecord,
	HarvestSkip,
	ImportedPublisher,
	ImportedRecord,
} from '../../schemas/imported.ts';
import type { SourceFile } from '../../schemas/source.ts';
import { checkEntry } from '../catalog/entry-rules.ts';
import type { PublisherFile } from '../catalog/load-publishers.ts';
import type { IdAssigner } from './assign-ids.ts';
import { formatName, isoDate, mediaTypeOf, specFormat, ValueChecker } from './check-values.ts';
import { plainText } from './clean-text.ts';
import { composeSummary } from './compose-summary.ts';
import { mapAccess, mapFrequency, mapLanguages, mapLicence, mapThemes } from './map-vocab.ts';
import type { PublisherMatcher } from './match-publisher.ts';

/** Caps that the entry schema sets, applied while cleaning so a long value is cut, not refused. */
const KEYWORD_MAX = 40;
const KEYWORDS_MAX = 15;
const DISTRIBUTIONS_MAX = 30;
const DISTRIBUTION_TITLE_MAX = 120;
const PUBLISHER_NAME_MAX = 160;

const NO_PUBLISHERS: ReadonlyMap<string, PublisherFile> = new Map();

export interface NormaliseContext {
	source: SourceFile;
	/** Tonight, YYYY-MM-DD (UTC). */
	today: string;
	allowPrivate: boolean;
	/** Hand-written publishers, for the entry rules. */
	publishers: ReadonlyMap<string, PublisherFile>;
	matchPublisher: PublisherMatcher;
	ids: IdAssigner;
	/** This source's previous import, by sourceId: first-seen dates carry over. */
	previous: ReadonlyMap<string, ImportedRecord>;
}

export type NormaliseResult =
	| { record: ImportedRecord; publisher: ImportedPublisher; dropped: HarvestSkip[] }
	| { skipped: HarvestSkip };

function keywordsOf(values: readonly string[] | undefined): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const value of values ?? []) {
		const keyword = plainText(value, KEYWORD_MAX);
		if (keyword.length < 2 || seen.has(keyword.toLowerCase())) continue;
		seen.add(keyword.toLowerCase());
		out.push(keyword);
		if (out.length === KEYWORDS_MAX) break;
	}
	return out;
}

function distributionsOf(harvested: HarvestedRecord, check: ValueChecker) {
	const out: Extract<Entry, { kind: 'dataset' }>['distributions'] = [];
	for (const [i, d] of (harvested.distributions ?? []).entries()) {
		if (out.length === DISTRIBUTIONS_MAX) break;
		const url = check.url(`distributions[${i}].url`, d.url);
		if (!url) continue;
		const mediaType = mediaTypeOf(d.mediaType);
		const format = formatName(d.format, mediaType);
		if (!format) {
			check.drop(`distributions[${i}].format`, 'no format the register can name');
			continue;
		}
		const title = plainText(d.title, DISTRIBUTION_TITLE_MAX);
		out.push({
			url,
			format,
			...(mediaType ? { mediaType } : {}),
			...(title.length >= 2 ? { title } : {}),
		});
	}
	return out;
}

/** Distribution formats, most common first, for the summary. */
function commonFormats(distributions: readonly { format: string }[]): string[] {
	const counts = new Map<string, number>();
	for (const d of distributions) counts.set(d.format, (counts.get(d.format) ?? 0) + 1);
	return [...counts.entries()]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, 3)
		.map(([format]) => format);
}

/**
 * One harvested record as the register stores it: the source's facts, each checked with the
 * entry rules (bad optional values dropped and noted, a bad required one skips the record), a
 * summary composed from those facts, and its provenance. The source's description text is never
 * kept: the record's page links to the source's own page for it.
 */
export function normaliseRecord(
	harvested: HarvestedRecord,
	context: NormaliseContext,
): NormaliseResult {
	const { source } = context;
	const skip = (field: string, reason: string): NormaliseResult => ({
		skipped: { sourceId: harvested.sourceId, field, reason },
	});
	const check = new ValueChecker(harvested.sourceId, context.allowPrivate);

	const title = plainText(harvested.title, TITLE_MAX);
	if (title.length < 3) return skip('title', 'is empty or shorter than 3 characters once plain');
	const stated = CountryCodeSchema.safeParse(harvested.country?.trim().toUpperCase());
	const country = stated.success ? stated.data : source.country;
	const publisherName = plainText(harvested.publisher?.name, PUBLISHER_NAME_MAX);
	if (publisherName.length < 2) return skip('publisher', 'the source names no publisher');
	const publisherHomepage = check.url('publisher.homepage', harvested.publisher?.homepage);
	const publisher = context.matchPublisher(
		{
			name: publisherName,
			...(publisherHomepage ? { homepage: publisherHomepage } : {}),
			...(harvested.publisher?.key ? { key: harvested.publisher.key.slice(0, 500) } : {}),
		},
		country,
	);

	const sourceUrl = check.url('sourceUrl', harvested.sourceUrl);
	const listing = sourceUrl
		? SourceSchema.safeParse({ catalogue: source.id, url: sourceUrl })
		: undefined;
	const homepage = check.url('homepage', harvested.homepage);
	const docs = check.url('docs', harvested.docs);
	const terms = check.url('terms', harvested.terms);
	const contactUrl = check.url('contact.url', harvested.contact?.url);
	const contactEmail = check.email('contact.email', harvested.contact?.email);
	const licence = mapLicence(harvested.licence);
	const themes = mapThemes(harvested.themes);
	const keywords = keywordsOf(harvested.keywords);
	const languages = mapLanguages(harvested.languages);
	const access = mapAccess(harvested.access);
	const firstSeen = context.previous.get(harvested.sourceId)?.provenance.firstSeen ?? context.today;

	const common = {
		id: `${country.toLowerCase()}-pending`,
		title,
		country,
		publisher: publisher.id,
		...(homepage ? { homepage } : {}),
		...(docs ? { docs } : {}),
		...(licence ? { licence } : {}),
		...(terms ? { terms } : {}),
		...(themes.length > 0 ? { themes } : {}),
		...(keywords.length > 0 ? { keywords } : {}),
		...(languages.length > 0 ? { languages } : {}),
		...(harvested.level && harvested.level !== 'national' ? { level: harvested.level } : {}),
		...(listing?.success ? { sources: [listing.data] } : {}),
		...(contactUrl || contactEmail
			? {
					contact: {
						...(contactEmail ? { email: contactEmail } : {}),
						...(contactUrl ? { url: contactUrl } : {}),
					},
				}
			: {}),
		added: firstSeen,
	};
	let candidate: Record<string, unknown>;
	let hasUrl: boolean;
	let formats: string[] = [];
	if (harvested.kind === 'api') {
		const baseUrl = check.url('baseUrl', harvested.baseUrl);
		const specUrl = check.url('spec.url', harvested.spec?.url);
		candidate = {
			kind: 'api',
			...common,
			// The source states the access, or the record says it does not know: a catalogue that
			// lists no access level (the UK's, bund.dev) gets neither a guessed open nor restricted.
			access: access ?? 'unknown',
			...(baseUrl ? { baseUrl } : {}),
			...(specUrl ? { spec: { url: specUrl, format: specFormat(harvested.spec?.format) } } : {}),
		};
		hasUrl = Boolean(baseUrl || specUrl || docs || homepage || sourceUrl);
	} else {
		const distributions = distributionsOf(harvested, check);
		formats = commonFormats(distributions);
		const updateFrequency = mapFrequency(harvested.updateFrequency);
		candidate = {
			kind: 'dataset',
			...common,
			...(access ? { access } : {}),
			distributions,
			...(updateFrequency ? { updateFrequency } : {}),
		};
		hasUrl = Boolean(distributions.length > 0 || homepage || docs || sourceUrl);
	}
	if (!hasUrl) {
		const first = check.dropped.find((d) => /url|homepage|docs/i.test(d.field));
		return first
			? skip(first.field, first.reason)
			: skip('url', 'the source gives no URL for the record');
	}
	candidate.summary = composeSummary({
		kind: harvested.kind,
		publisher: publisher.name,
		formats,
		catalogue: source.name,
	});

	const parsed = EntrySchema.safeParse(candidate);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return skip(issue?.path.join('.') || 'entry', issue?.message ?? 'is not a valid entry');
	}
	const entry = parsed.data;
	entry.id = context.ids.idFor({ sourceId: harvested.sourceId, country, title, kind: entry.kind });
	const errors = checkEntry(entry, {
		file: source.id,
		fileId: entry.id,
		folder: country.toLowerCase(),
		body: '',
		// An imported publisher is in no hand-written list: asked against the list, the rules
		// would look for the closest id to suggest, on every such record, for a problem dropped here.
		publishers: publisher.matched ? context.publishers : NO_PUBLISHERS,
		allowPrivate: context.allowPrivate,
		today: context.today,
	}).filter((p) => p.severity === 'error' && !(p.field === 'publisher' && !publisher.matched));
	if (errors[0]) return skip(errors[0].field, errors[0].message);

	const modified = isoDate(harvested.modified);
	return {
		record: {
			provenance: {
				source: source.id,
				sourceId: harvested.sourceId,
				...(sourceUrl ? { sourceUrl } : {}),
				firstSeen,
				...(modified ? { modified } : {}),
			},
			entry,
		},
		publisher,
		dropped: check.dropped,
	};
}
