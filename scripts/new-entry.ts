/**
 * npm run new-entry -- <url> [--country CC] [--publisher ID] [--id SLUG] [--data-dir D] [--allow-private]
 *
 * Drafts data/catalog/<cc>/<id>.md from a homepage or an OpenAPI/Swagger URL. The URL is fetched
 * through the verifier's HTTP client, so the same address policy applies. What the document
 * states (title, base URL, spec, docs) is filled in; the rest is left as TODOs that
 * `npm run validate` refuses until they are resolved. An existing file is never overwritten.
 * The work is done by src/lib/contrib/new-entry.ts; this script parses, prints and exits.
 */
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { NewEntryError, newEntry, newEntrySummary } from '../src/lib/contrib/new-entry.ts';

const USAGE = `Usage: npm run new-entry -- <url> [options]

  <url>              the API's OpenAPI/Swagger document, or its homepage
  --country CC       ISO 3166-1 alpha-2 code, or EU (default: the publisher's, or the URL's domain)
  --publisher ID     id of a file in data/publishers/ (default: the publisher owning the URL's domain)
  --id SLUG          the entry's id or slug (default: from the title)
  --data-dir DIR     folder holding catalog/ and publishers/ (default: $C0MM0_DATA_DIR or ./data)
  --allow-private    fetch loopback/private addresses (local tests only)`;

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

try {
	const result = await newEntry({
		url: positionals[0] ?? '',
		dataDir: resolveDataDir(values['data-dir']),
		allowPrivate: values['allow-private'] === true,
		country: values.country,
		publisher: values.publisher,
		id: values.id,
		added: new Date().toISOString().slice(0, 10),
	});
	console.log(newEntrySummary(result));
} catch (error) {
	if (error instanceof NewEntryError) fail(error.message);
	throw error;
}
