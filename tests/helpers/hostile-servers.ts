import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { makeSelfSignedCertificate, withMalformedNotAfter } from './certificates.ts';

/** A loopback server that misbehaves on purpose, as a hostile host in the register would. */
export interface HostileServer {
	/** `http(s)://127.0.0.1:<port>` */
	url: string;
	close(): Promise<void>;
}

function listenOnLoopback(server: Server, sockets: Set<Socket>): Promise<number> {
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
	);
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
	return async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise((resolve) => server.close(resolve));
	};
}

/**
 * A raw TCP server that answers each request with the bytes given for its path, then closes
 * the connection: no HTTP library stands between the test and what goes on the wire, so it can
 * break HTTP in ways a real server library would refuse to.
 */
export async function startRawHttpServer(
	responses: Readonly<Record<string, string>>,
): Promise<HostileServer> {
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		socket.once('data', (request) => {
			const target = /^[A-Z]+ (\S+)/.exec(request.toString('latin1'))?.[1] ?? '/';
			const path = target.split('?')[0] ?? target;
			socket.end(responses[path] ?? 'HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
		});
	});
	const port = await listenOnLoopback(server, sockets);
	return { url: `http://127.0.0.1:${port}`, close: closer(server, sockets) };
}

/**
 * An HTTPS server that tells its clients apart by their TLS hello: a client offering ALPN
 * `http/1.1` (undici, the verifier's check) gets a self-signed certificate, so the check fails
 * with a TLS error; any other client (the verifier's follow-up certificate peek, which offers no
 * ALPN) gets a certificate whose notAfter date does not exist. With `always: true` every client
 * gets the malformed certificate.
 */
export async function startCertificateSwitchingServer(
	options: { always?: boolean } = {},
): Promise<HostileServer> {
	const selfSigned = await makeSelfSignedCertificate();
	const malformed = { key: selfSigned.key, cert: withMalformedNotAfter(selfSigned.cert) };
	const answer = (socket: Socket) => {
		socket.on('error', () => {});
		socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}');
	};
	const sockets = new Set<Socket>();
	const toCheck = createTlsServer(options.always ? malformed : selfSigned, answer);
	const toPeek = createTlsServer(malformed, answer);
	for (const tls of [toCheck, toPeek]) tls.on('tlsClientError', () => {});
	const checkPort = await listenOnLoopback(toCheck, sockets);
	const peekPort = await listenOnLoopback(toPeek, sockets);
	// The front door reads the hello, then relays the connection to the server chosen for it.
	const front = createServer((socket) => {
		socket.once('data', (hello) => {
			const backend = connect(hello.includes('http/1.1') ? checkPort : peekPort, '127.0.0.1');
			backend.on('error', () => socket.destroy());
			socket.on('close', () => backend.destroy());
			backend.write(hello);
			socket.pipe(backend).pipe(socket);
		});
	});
	const port = await listenOnLoopback(front, sockets);
	return {
		url: `https://127.0.0.1:${port}`,
		async close() {
			await Promise.all([
				closer(front, sockets)(),
				...[toCheck, toPeek].map((tls) => closer(tls, sockets)()),
			]);
		},
	};
}
