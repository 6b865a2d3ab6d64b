import { Readable } from 'node:stream';
import { type Options, parse } from 'csv-parse';
import type { HarvestItem } from '../../../schemas/imported.ts';
import { type Adapter, type AdapterContext, SourceFailure } from '../adapter.ts';
import { firstEndpoint, missing, upToRecordLimit, webUrl } from './api-catalogue-page.ts';
import { fetchPage } from './fetch-page.ts';
import { harvested } from './harvest-item.ts';
import { compact, text, whole } from './harvest-values.ts';
import { parameterize } from './uk-api-catalogue-slug.ts';

/**
 * The UK API Catalogue (co-cddo/api-catalogue): one CSV, data/catalogue.csv, with the columns
 * dateAdded, dateUpdated, url, name, description, documentation, license, maintainer,
 * areaServed, startDate, endDate, provider. `provider` is the id of a row of the second endpoint,
 * data/organisation.csv (id, name, alternateName, url), which gives the publisher's name and
 * homepage and the first half of the API's page on www.api.gov.uk. The description column is the
 * catalogue's prose and is never read into a record.
 *
 * Endpoints, in this order: the catalogue CSV, then the organisation CSV (optional: without it
 * records carry no publisher and no page). The catalogue is fetched conditionally (ETag /
 * Last-Modified from the last run); 304 means the source is unchanged.
 *
 * Access is left out: the CSV states none, and an API the catalogue lists with no fact about
 * access is not guessed `restricted`.
 */

const CATALOGUE_COLUMNS = ['name', 'url', 'provider'] as const;
const ORGANISATION_COLUMNS = ['id', 'name', 'alternateName'] as const;

interface Organisation {
	name?: string;
	homepage?: string;
	/** Its alternateName as the first segment of its APIs' pages on www.api.gov.uk. */
	slug?: string;
}

type Row = Record<string, string>;

/** One CSV row: its fields by header name, its line, and whether it had the header's width. */
interface CsvRow {
	row: Row;
	line: number;
	whole: boolean;
}

/**
 * The CSV's rows, streamed. A malformed file (an unclosed quote, a header without the columns we
 * need) fails the source; a row with the wrong number of fields comes out marked, so the caller
 * skips that one row and keeps the rest.
 */
async function* rows(
	body: Buffer,
	url: string,
	required: readonly string[],
): AsyncGenerator<CsvRow> {
	const options: Options = {
		bom: true,
		columns: (header: string[]) => {
			const absent = required.filter((column) => !header.includes(column));
			if (absent.length > 0) throw new SourceFailure(`${url} has no column ${absent.join(', ')}`);
			return header;
		},
		relax_column_count: true,
		skip_empty_lines: true,
		info: true,
		// One row larger than this is not a catalogue row.
		max_record_size: 1_000_000,
	};
	const parser = Readable.from([body]).pipe(parse(options));
	try {
		for await (const { record, info } of parser as AsyncIterable<{
			record: Row;
			info: { lines: number; error?: unknown };
		}>) {
			yield { row: record, line: info.lines, whole: info.error === undefined };
		}
	} catch (error) {
		if (error instanceof SourceFailure) throw error;
		throw new SourceFailure(
			`${url} is not a readable CSV: ${error instanceof Error ? error.message : String(error)}`,
			{ cause: error },
		);
	}
}

async function readOrganisations(
	context: AdapterContext,
	url: string,
): Promise<Map<string, Organisation>> {
	const response = await fetchPage(context, url, { accept: 'text/csv' });
	const organisations = new Map<string, Organisation>();
	for await (const { row, whole } of rows(response.body, url, ORGANISATION_COLUMNS)) {
		if (!whole) continue;
		const id = text(row.id);
		if (id === undefined) continue;
		organisations.set(
			id,
			compact({
				name: text(row.name),
				slug: parameterize(text(row.alternateName) ?? '') || undefined,
				homepage: webUrl(row.url),
			}),
		);
	}
	return organisations;
}

/**
 * A maintainer cell is an email, a URL, or `Name - <email>`: keep the address, drop the rest.
 * The cell is read whole: an address cut short would be another address.
 */
function contact(cell: string | undefined): { email?: string; url?: string } | undefined {
	const maintainer = whole(cell);
	if (maintainer === undefined) return undefined;
	const email = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[A-Za-z]{2,}/.exec(maintainer)?.[0];
	if (email !== undefined) return { email };
	const url = webUrl(maintainer);
	return url === undefined ? undefined : { url };
}

function toItem(row: Row, organisations: Map<string, Organisation>, pages: string): HarvestItem {
	const name = text(row.name);
	const provider = text(row.provider);
	if (name === undefined) return missing(provider, 'name', 'is missing');
	if (provider === undefined) return missing(name, 'provider', 'is missing');
	// The catalogue's own key: its pages are one per provider and API name.
	const sourceId = `${provider}/${name}`;
	const organisation = organisations.get(provider);
	const apiSlug = parameterize(name);
	return harvested(
		compact({
			sourceId,
			sourceUrl:
				organisation?.slug !== undefined && apiSlug !== ''
					? new URL(`${organisation.slug}/${apiSlug}/`, pages).href
					: undefined,
			kind: 'api',
			title: name,
			publisher:
				organisation?.name === undefined
					? undefined
					: compact({ name: organisation.name, homepage: organisation.homepage, key: provider }),
			baseUrl: webUrl(row.url),
			docs: webUrl(row.documentation),
			licence: text(row.license),
			contact: contact(row.maintainer),
			modified: text(row.dateUpdated),
		}),
	);
}

export const adapter: Adapter = async function* ukApiCatalogue(context: AdapterContext) {
	const catalogueUrl = firstEndpoint(context);
	const catalogue = await fetchPage(context, catalogueUrl, {
		accept: 'text/csv',
		conditional: true,
	});
	const organisationUrl = context.source.endpoints[1]?.url;
	const organisations = organisationUrl
		? await readOrganisations(context, organisationUrl)
		: new Map<string, Organisation>();
	// Pages for people: https://www.api.gov.uk/<organisation>/<api>/ on the catalogue's homepage.
	const pages = new URL('/', context.source.homepage).href;
	yield* upToRecordLimit(context, items(catalogue.body, catalogueUrl, organisations, pages));
};

async function* items(
	body: Buffer,
	url: string,
	organisations: Map<string, Organisation>,
	pages: string,
): AsyncGenerator<HarvestItem> {
	for await (const { row, line, whole } of rows(body, url, CATALOGUE_COLUMNS)) {
		yield whole
			? toItem(row, organisations, pages)
			: missing(`line ${line}`, 'row', 'has not the number of fields of the header');
	}
}
