import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

async function isFile(path: string): Promise<boolean> {
	return stat(path).then(
		(s) => s.isFile(),
		() => false,
	);
}

/** Serves a built site from a folder on 127.0.0.1, as a static host would (index.html, 404.html). */
export async function serveStatic(
	root: string,
): Promise<{ url: string; close: () => Promise<void> }> {
	const server: Server = createServer(async (req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
		let file = join(root, safe);
		if (!(await isFile(file))) file = join(root, safe, 'index.html');
		let status = 200;
		if (!(await isFile(file))) {
			file = join(root, '404.html');
			status = 404;
		}
		res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
