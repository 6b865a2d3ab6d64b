/**
 * node scripts/harvest-snapshot.ts --source ID --from DIR [--data-dir D]
 *
 * Imports one source exactly as the nightly job does — its source file, adapter, normaliser and
 * record rules — but reads the source's endpoints from a snapshot on disk instead of the
 * internet: how the shipped data/imported/ was made on a machine without internet access.
 * DIR mirrors each endpoint URL as DIR/<host>/<path> (a query string is not part of the file
 * name). The files are served on 127.0.0.1 and fetched through the importer's own HTTP client;
 * only that connection may reach loopback — a record pointing at a private address is still
 * refused, as it would be at night. The run's conditional-request validators are kept (they
 * are the snapshot's, under the real endpoint URLs).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/lib/catalog/problem.ts';
import { resolveDataDir } from '../src/lib/cli/data-dir.ts';
import { safeLogText } from '../src/lib/cli/safe-log-text.ts';
import type { ImportHttp } from '../src/lib/import/adapter.ts';
import { createImportHttp } from '../src/lib/import/import-http.ts';
import { consoleImportReporter } from '../src/lib/import/import-report.ts';
import { runImport } from '../src/lib/import/run-import.ts';

const { values } = parseArgs({
	options: {
		source: { type: 'string' },
		from: { type: 'string' },
		'data-dir': { type: 'string' },
	},
});
if (!values.source || !values.from) {
	console.error('usage: node scripts/harvest-snapshot.ts --source ID --from DIR [--data-dir D]');
	process.exit(1);
}
const root = resolve(values.from);

/** DIR/<host>/<path> for a URL, or nothing for a path that climbs out of DIR. */
function fileFor(url: URL): string | undefined {
	const file = resolve(join(root, url.host, decodeURIComponent(url.pathname)));
	return file.startsWith(root + sep) ? file : undefined;
}

const server = createServer(async (req, res) => {
	const target = new URL(req.url ?? '/', 'http://snapshot');
	// The request path is /<host>/<path>: the endpoint's own host kept as the first segment.
	const file = fileFor(new URL(`https:/${target.pathname}`));
	const size = file
		? await stat(file).then(
				(s) => (s.isFile() ? s.size : undefined),
				() => undefined,
			)
		: undefined;
	if (file === undefined || size === undefined) {
		res.writeHead(404).end();
		return;
	}
	res.writeHead(200, { 'content-length': size });
	createReadStream(file).pipe(res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const loopback = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = createImportHttp({ allowPrivate: true });
const local = (url: string): string => {
	const real = new URL(url);
	return `${loopback}/${real.host}${real.pathname}${real.search}`;
};
/** The importer's client, each request sent to the snapshot's copy of the same URL. */
const http: ImportHttp = {
	get: async (url, options) => ({ ...(await client.get(local(url), options)), finalUrl: url }),
};

try {
	const result = await runImport({
		dataDir: resolveDataDir(values['data-dir']),
		only: [values.source],
		allowPrivate: false,
		dryRun: false,
		reporter: consoleImportReporter(),
		http,
	});
	for (const p of result.problems) console.error(safeLogText(formatProblem(p)));
	if (result.status === 'unreachable') process.exitCode = 2;
} finally {
	await client.close();
	server.close();
}
