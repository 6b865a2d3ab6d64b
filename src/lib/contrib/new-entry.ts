import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Publisher } from '../../schemas/publisher.ts';
import { loadPublishers } from '../catalog/load-publishers.ts';
import { displayPath } from '../catalog/problem.ts';
import { safeLogText } from '../cli/safe-log-text.ts';
import { addressGate, judgeHostName } from '../net/address-policy.ts';
import { VERIFY_DEFAULTS } from '../verify/constants.ts';
import { ERROR_MEANINGS, FetchError } from '../verify/errors.ts';
import { createHttpClient } from '../verify/http-client.ts';
import { COUNTRY_CODES, type CountryCode } from '../vocab/countries.ts';
import { countryFromHost, type Draft, draftEntry, publishersForHost } from './draft-entry.ts';
import { classifyDocument, type DraftSource } from './source-document.ts';

/**
 * `npm run new-entry`: fetch one URL, draft an entry from it and write the file. The script only
 * parses arguments and prints; every refusal here is a `NewEntryError` whose message says what to
 * do, printed as `new-entry: <message>`.
 */

export class NewEntryError extends Error {
	override name = 'NewEntryError';
}

export interface NewEntryOptions {
	/** The URL as the contributor typed it. */
	url: string;
	dataDir: string;
	/** Loopback and private addresses are fetched only with this (local tests). */
	allowPrivate: boolean;
	/** `--country`, as typed. */
	country?: string | undefined;
	/** `--publisher`: id of a file in data/publishers/. */
	publisher?: string | undefined;
	/** `--id`: a slug or a full id. */
	id?: string | undefined;
	/** Today, YYYY-MM-DD. */
	added: string;
}

export interface NewEntryResult {
	/** The file written. */
	file: string;
	source: DraftSource;
	draft: Draft;
	/** What the contributor should know about the publisher field. */
	notes: string[];
}

/** A draft needs one document, not a whole spec archive. */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** The URL to draft from: absolute, http(s), and on a public host unless private ones are allowed. */
export function targetUrl(input: string, allowPrivate: boolean): URL {
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		throw new NewEntryError(
			`"${input}" is not an absolute URL — write it in full, starting with https://`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new NewEntryError(`"${input}" uses ${url.protocol} — give an https:// (or http://) URL`);
	}
	if (!allowPrivate) {
		const verdict = judgeHostName(url.hostname);
		if (!verdict.ok) {
			throw new NewEntryError(
				`${url.hostname} is not a public host name (${verdict.reason}: ${verdict.detail}) — entries must link to the public address of the service`,
			);
		}
	}
	return url;
}

/** The publisher named, or the one owning the host; notes say what is left to settle. */
export function choosePublisher(
	known: ReadonlyMap<string, Publisher>,
	requested: string | undefined,
	host: string,
	publishersDir: string,
): { id: string | undefined; notes: string[] } {
	if (requested !== undefined) {
		const notes = known.has(requested)
			? []
			: [
					`"${requested}" is not in ${displayPath(publishersDir)}/ yet — add ${requested}.yaml there (CONTRIBUTING.md, step 2).`,
				];
		return { id: requested, notes };
	}
	const owners = publishersForHost(known.values(), host);
	if (owners.length === 1) return { id: owners[0]?.id, notes: [] };
	const note =
		owners.length > 1
			? `${host} belongs to several publishers (${owners.map((p) => p.id).join(', ')}) — set publisher: to the right one.`
			: `No publisher in ${displayPath(publishersDir)}/ lists ${host} among its official domains — set publisher:, adding the body's file if it is new.`;
	return { id: undefined, notes: [note] };
}

/** `--country`, else the publisher's country, else the one the host's top-level domain names. */
export function chooseCountry(
	requested: string | undefined,
	publisher: Publisher | undefined,
	host: string,
): CountryCode {
	if (requested !== undefined) {
		const code = requested.toUpperCase();
		if (!(COUNTRY_CODES as readonly string[]).includes(code)) {
			throw new NewEntryError(
				`--country ${requested}: not a European country code we know — use an ISO 3166-1 alpha-2 code such as FR or DE, or EU`,
			);
		}
		return code as CountryCode;
	}
	const country = publisher?.country ?? countryFromHost(host);
	if (!country) {
		throw new NewEntryError(
			`cannot tell the country from ${host} — pass --country CC (ISO 3166-1 alpha-2, or EU)`,
		);
	}
	return country;
}

/** Fetches the document through the verifier's HTTP client, so the same address policy applies. */
async function fetchSourceDocument(url: URL, allowPrivate: boolean): Promise<DraftSource> {
	const client = createHttpClient({
		limits: VERIFY_DEFAULTS,
		mayConnect: addressGate({ allowPrivate }),
	});
	let response: Awaited<ReturnType<typeof client.fetch>>;
	try {
		response = await client.fetch(url.href, {
			method: 'GET',
			maxBytes: MAX_DOCUMENT_BYTES,
			accept: 'application/json, application/yaml, text/yaml, text/html;q=0.9, */*;q=0.5',
		});
	} catch (error) {
		if (error instanceof FetchError) {
			throw new NewEntryError(
				`could not fetch ${url.href}: ${ERROR_MEANINGS[error.code]} (${error.message}) — check the URL in a browser`,
			);
		}
		throw error;
	} finally {
		await client.close();
	}
	if (response.status < 200 || response.status > 299) {
		throw new NewEntryError(
			`${url.href} answered ${response.status} — give a URL that opens in a browser`,
		);
	}
	return classifyDocument(
		url.href,
		response.headers['content-type'] ?? '',
		response.body.toString('utf8'),
	);
}

/** Writes `catalog/<cc>/<id>.md`, never over an existing file. */
async function writeDraft(dataDir: string, draft: Draft): Promise<string> {
	const folder = join(dataDir, 'catalog', draft.country.toLowerCase());
	const file = join(folder, `${draft.id}.md`);
	await mkdir(folder, { recursive: true });
	try {
		await writeFile(file, draft.text, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw new NewEntryError(
				`${displayPath(file)} already exists — edit it, or pass --id to draft under another id`,
			);
		}
		throw error;
	}
	return file;
}

/** Drafts an entry from one URL and writes it; throws `NewEntryError` on anything to fix. */
export async function newEntry(options: NewEntryOptions): Promise<NewEntryResult> {
	const url = targetUrl(options.url, options.allowPrivate);
	const { publishers } = await loadPublishers(options.dataDir);
	const known = new Map([...publishers].map(([id, file]) => [id, file.publisher]));
	const publisher = choosePublisher(
		known,
		options.publisher,
		url.hostname,
		join(options.dataDir, 'publishers'),
	);
	const country = chooseCountry(
		options.country,
		publisher.id ? known.get(publisher.id) : undefined,
		url.hostname,
	);
	const source = await fetchSourceDocument(url, options.allowPrivate);
	const draft = draftEntry(source, {
		country,
		...(publisher.id ? { publisher: publisher.id } : {}),
		...(options.id ? { id: options.id } : {}),
		added: options.added,
	});
	const file = await writeDraft(options.dataDir, draft);
	return { file, source, draft, notes: publisher.notes };
}

/**
 * What the script prints once the file is written: what was drafted, notes, and next steps. The
 * content type is the server's, so it is made safe for a terminal or CI log.
 */
export function newEntrySummary(result: NewEntryResult): string {
	const { source, draft } = result;
	const what =
		source.kind === 'openapi'
			? 'an OpenAPI document'
			: source.kind === 'html'
				? 'a web page'
				: `a document of type ${safeLogText(source.contentType) || 'unknown'}, which was not recognised`;
	const filled = draft.filled.length > 0 ? ` Filled in: ${draft.filled.join(', ')}.` : '';
	return [
		`Drafted ${displayPath(result.file)} from ${what}.${filled}`,
		...result.notes.map((note) => `Note: ${note}`),
		`
Next:
  1. Open the file and resolve every TODO: the summary and the description in your own words,
     access, and any optional field you can check.
  2. npm run validate — it refuses the draft until the TODOs are gone, then lists what is left.
  3. Commit the file and open a pull request; its check reports what the register will show.`,
	].join('\n');
}
