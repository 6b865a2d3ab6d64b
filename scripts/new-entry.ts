/**
 * npm run new-entry -- <url> [--country CC] [--publisher ID] [--id SLUG] [--data-dir D] [--allow-private]
 *
 * Drafts data/catalog/<cc>/<id>.md from a homepage or an OpenAPI/Swagger URL. The URL is fetched
 * through the verifier's HTTP client, so the same address policy applies. What the document
 * states (title, base URL, spec, docs) is filled in; the rest is left as TODOs that
 * `npm run validate` refuses until they are resolved. An existing file is never overwritten.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPublishers } from '../src/lib/catalog/load-publishers.ts';
import { displayPath } from '../src/lib/catalog/problem.ts';
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { countryFromHost, draftEntry, publishersForHost } from '../src/lib/contrib/draft-entry.ts';
import { classifyDocument } from '../src/lib/contrib/source-document.ts';
import { addressGate, judgeHostName } from '../src/lib/net/address-policy.ts';
import { VERIFY_DEFAULTS } from '../src/lib/verify/constants.ts';
import { ERROR_MEANINGS, FetchError } from '../src/lib/verify/errors.ts';
import { createHttpClient } from '../src/lib/verify/http-client.ts';
import { COUNTRY_CODES, type CountryCode } from '../src/lib/vocab/countries.ts';

const USAGE = `Usage: npm run new-entry -- <url> [options]

  <url>              the API's OpenAPI/Swagger document, or its homepage
  --country CC       ISO 3166-1 alpha-2 code, or EU (default: the publisher's, or the URL's domain)
  --publisher ID     id of a file in data/publishers/ (default: the publisher owning the URL's domain)
  --id SLUG          the entry's id or slug (default: from the title)
  --data-dir DIR     folder holding catalog/ and publishers/ (default: $C0MM0_DATA_DIR or ./data)
  --allow-private    fetch loopback/private addresses (local tests only)`;

/** A draft needs one document, not a whole spec archive. */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

function fail(message: string): never {
	console.error(`new-entry: ${message}`);
	process.exit(1);
}

const { values, positionals } = parseCommandLine('new-entry', USAGE, {
	allowPositionals: true,
	options: {
		country: { type: 'string' },
		publisher: { type: 'string' },
		id: { type: 'string' },
		'data-dir': { type: 'string' },
		'allow-private': { type: 'boolean', default: false },
	},
});
if (positionals.length !== 1) fail(`give exactly one URL\n\n${USAGE}`);
const input = positionals[0] ?? '';
let url: URL;
try {
	url = new URL(input);
} catch {
	fail(`"${input}" is not an absolute URL — write it in full, starting with https://`);
}
if (url.protocol !== 'https:' && url.protocol !== 'http:') {
	fail(`"${input}" uses ${url.protocol} — give an https:// (or http://) URL`);
}
const allowPrivate = values['allow-private'] === true;
if (!allowPrivate) {
	const verdict = judgeHostName(url.hostname);
	if (!verdict.ok) {
		fail(
			`${url.hostname} is not a public host name (${verdict.reason}: ${verdict.detail}) — entries must link to the public address of the service`,
		);
	}
}

const dataDir = resolveDataDir(values['data-dir']);
const { publishers } = await loadPublishers(dataDir);
const known = new Map([...publishers].map(([id, file]) => [id, file.publisher]));

let publisherId = values.publisher;
const publisherNotes: string[] = [];
if (publisherId !== undefined && !known.has(publisherId)) {
	publisherNotes.push(
		`"${publisherId}" is not in ${displayPath(join(dataDir, 'publishers'))}/ yet — add ${publisherId}.yaml there (CONTRIBUTING.md, step 2).`,
	);
}
if (publisherId === undefined) {
	const owners = publishersForHost(known.values(), url.hostname);
	if (owners.length === 1) publisherId = owners[0]?.id;
	else if (owners.length > 1) {
		publisherNotes.push(
			`${url.hostname} belongs to several publishers (${owners.map((p) => p.id).join(', ')}) — set publisher: to the right one.`,
		);
	} else {
		publisherNotes.push(
			`No publisher in data/publishers/ lists ${url.hostname} among its official domains — set publisher:, adding the body's file if it is new.`,
		);
	}
}

let country: CountryCode | undefined;
if (values.country !== undefined) {
	const code = values.country.toUpperCase();
	if (!(COUNTRY_CODES as readonly string[]).includes(code)) {
		fail(
			`--country ${values.country}: not a European country code we know — use an ISO 3166-1 alpha-2 code such as FR or DE, or EU`,
		);
	}
	country = code as CountryCode;
} else {
	country =
		(publisherId ? known.get(publisherId)?.country : undefined) ?? countryFromHost(url.hostname);
}
if (!country) {
	fail(
		`cannot tell the country from ${url.hostname} — pass --country CC (ISO 3166-1 alpha-2, or EU)`,
	);
}

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
		fail(
			`could not fetch ${url.href}: ${ERROR_MEANINGS[error.code]} (${error.message}) — check the URL in a browser`,
		);
	}
	throw error;
} finally {
	await client.close();
}
if (response.status < 200 || response.status > 299) {
	fail(`${url.href} answered ${response.status} — give a URL that opens in a browser`);
}

const source = classifyDocument(
	url.href,
	response.headers['content-type'] ?? '',
	response.body.toString('utf8'),
);
const draft = draftEntry(source, {
	country,
	...(publisherId ? { publisher: publisherId } : {}),
	...(values.id ? { id: values.id } : {}),
	added: new Date().toISOString().slice(0, 10),
});

const file = join(dataDir, 'catalog', draft.country.toLowerCase(), `${draft.id}.md`);
await mkdir(join(dataDir, 'catalog', draft.country.toLowerCase()), { recursive: true });
try {
	await writeFile(file, draft.text, { flag: 'wx' });
} catch (error) {
	if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
		fail(`${displayPath(file)} already exists — edit it, or pass --id to draft under another id`);
	}
	throw error;
}

const what =
	source.kind === 'openapi'
		? 'an OpenAPI document'
		: source.kind === 'html'
			? 'a web page'
			: `a document of type ${source.contentType || 'unknown'}, which was not recognised`;
const filled = draft.filled.length > 0 ? ` Filled in: ${draft.filled.join(', ')}.` : '';
console.log(`Drafted ${displayPath(file)} from ${what}.${filled}`);
for (const note of publisherNotes) console.log(`Note: ${note}`);
console.log(`
Next:
  1. Open the file and resolve every TODO: the summary and the description in your own words,
     access, and any optional field you can check.
  2. npm run validate — it refuses the draft until the TODOs are gone, then lists what is left.
  3. Commit the file and open a pull request; its check reports what the register will show.`);
