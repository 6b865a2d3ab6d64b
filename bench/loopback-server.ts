/**
 * A loopback "internet" for the verify benchmark, run as its own process so it does not share a
 * CPU thread with the verifier: N HTTP servers on 127.0.0.1 answering every synthetic URL.
 * Prints the ports as JSON on stdout, then serves until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { syntheticSpec } from './synthetic-catalog.ts';

const count = Number(process.argv[2] ?? 100);
const specCache = new Map<number, string>();
const CSV = 'id,name,value\n1,alpha,10\n2,beta,20\n';

const ports: number[] = [];
for (let n = 0; n < count; n++) {
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		const spec = /^\/spec\/(\d+)\.json$/.exec(url);
		if (spec) {
			const i = Number(spec[1]);
			let text = specCache.get(i);
			if (!text) {
				text = syntheticSpec(i);
				specCache.set(i, text);
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			return res.end(req.method === 'HEAD' ? undefined : text);
		}
		if (url.startsWith('/dist/')) {
			res.writeHead(200, { 'content-type': 'text/csv' });
			return res.end(req.method === 'HEAD' ? undefined : CSV);
		}
		if (url.startsWith('/api/')) {
			res.writeHead(200, { 'content-type': 'application/json' });
			return res.end(req.method === 'HEAD' ? undefined : '{"ok":true}');
		}
		res.writeHead(200, { 'content-type': 'text/html' });
		return res.end(
			req.method === 'HEAD' ? undefined : '<!doctype html><title>page</title><p>ok</p>',
		);
	});
	server.keepAliveTimeout = 10_000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	ports.push((server.address() as AddressInfo).port);
}
process.stdout.write(`${JSON.stringify(ports)}\n`);
// The benchmark holds our stdin open; when it exits (or is killed), so do we.
process.stdin.resume();
process.stdin.once('end', () => process.exit(0));
process.stdin.once('close', () => process.exit(0));
