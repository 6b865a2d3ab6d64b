import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';

/** s3rver's one account: requests must be signed with it. Fake, and only ever on loopback. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface RecordedRequest {
	method: string;
	/** The object key (decoded), or '' for a request to the bucket itself. */
	key: string;
	query: string;
}

/** A request that changes the bucket: an upload, a single delete or a batch delete (`POST ?delete`). */
export const isWrite = (r: RecordedRequest) => ['PUT', 'POST', 'DELETE'].includes(r.method);
export const isDelete = (r: RecordedRequest) =>
	r.method === 'DELETE' || (r.method === 'POST' && r.query.includes('delete'));

export interface S3TestServer {
	/** The address to give the deploy: a recording proxy in front of s3rver. */
	endpoint: string;
	bucket: string;
	/** Every request the proxy passed on or refused, in order of arrival. */
	requests: RecordedRequest[];
	/** Answers matching requests with 403 AccessDenied, as a bucket policy would. */
	refuse: (match: (request: RecordedRequest) => boolean) => void;
	/**
	 * Rewrites the XML of bucket listings before the client sees it: to play a store whose ETags
	 * are not MD5s (multipart uploads on AWS, KMS-encrypted objects), which s3rver never is.
	 */
	rewriteListing: (rewrite: (xml: string) => string) => void;
	/** Called for every request before it is passed on. */
	onRequest: (listener: (request: RecordedRequest) => void) => void;
	/** A client signed with s3rver's account, path-style, for setting up and checking the bucket. */
	client: S3Client;
	/** Stops s3rver itself (the proxy stays, and fails what reaches it). */
	stopServer: () => void;
	close: () => Promise<void>;
}

async function startS3rver(
	directory: string,
	bucket: string,
): Promise<{ child: ChildProcess; port: number }> {
	const child = spawn(
		process.execPath,
		[
			'--openssl-legacy-provider',
			join(import.meta.dirname, 's3rver-process.ts'),
			directory,
			bucket,
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	let output = '';
	for await (const chunk of child.stdout ?? []) {
		output += String(chunk);
		if (output.includes('\n')) break;
	}
	const { port } = JSON.parse(output) as { port: number };
	return { child, port };
}

/** A real S3-compatible server on 127.0.0.1 with one empty bucket, behind a recording proxy. */
export async function startS3Server(bucket = 'site'): Promise<S3TestServer> {
	const directory = await mkdtemp(join(tmpdir(), 'c0mm0-s3rver-'));
	const { child, port } = await startS3rver(directory, bucket);
	const requests: RecordedRequest[] = [];
	const refusals: ((request: RecordedRequest) => boolean)[] = [];
	const listeners: ((request: RecordedRequest) => void)[] = [];
	let rewriteListing = (xml: string) => xml;

	const proxy = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://proxy');
		const [, , ...keyParts] = url.pathname.split('/');
		const recorded = {
			method: req.method ?? 'GET',
			key: decodeURIComponent(keyParts.join('/')),
			query: url.search,
		};
		requests.push(recorded);
		for (const listener of listeners) listener(recorded);
		if (refusals.some((match) => match(recorded))) {
			req.resume();
			res.writeHead(403, { 'content-type': 'application/xml' });
			res.end(
				'<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied by bucket policy</Message></Error>',
			);
			return;
		}
		const upstream = request(
			{ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
			async (answer) => {
				if (
					!(recorded.method === 'GET' && recorded.key === '' && url.searchParams.has('list-type'))
				) {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					return;
				}
				let xml = '';
				for await (const chunk of answer) xml += String(chunk);
				const body = Buffer.from(rewriteListing(xml));
				res.writeHead(answer.statusCode ?? 502, {
					...answer.headers,
					'content-length': body.byteLength,
				});
				res.end(body);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	proxy.listen(0, '127.0.0.1');
	await once(proxy, 'listening');
	const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	const client = new S3Client({
		endpoint,
		region: 'us-east-1',
		forcePathStyle: true,
		credentials: S3RVER_CREDENTIALS,
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
	});
	const stopServer = () => {
		child.kill();
	};
	return {
		endpoint,
		bucket,
		requests,
		refuse: (match) => refusals.push(match),
		rewriteListing: (rewrite) => {
			rewriteListing = rewrite;
		},
		onRequest: (listener) => listeners.push(listener),
		client,
		stopServer,
		close: async () => {
			client.destroy();
			stopServer();
			proxy.closeAllConnections();
			proxy.close();
			await rm(directory, { recursive: true, force: true });
		},
	};
}
