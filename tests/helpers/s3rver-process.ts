/**
 * Runs s3rver, an S3-compatible server, on 127.0.0.1 for the deploy tests:
 * `node --openssl-legacy-provider tests/helpers/s3rver-process.ts <directory> <bucket>`.
 * Prints `{"port":N}` once it listens. Its own process, because s3rver makes ListObjectsV2
 * continuation tokens with DES, which OpenSSL 3 offers only in its legacy provider — and so that
 * a test can stop the server in the middle of a deploy.
 */
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
if (directory === undefined || bucket === undefined)
	throw new Error('usage: s3rver-process.ts <directory> <bucket>');
const server = new S3rver({
	address: '127.0.0.1',
	port: 0,
	directory,
	silent: true,
	vhostBuckets: false,
	configureBuckets: [{ name: bucket, configs: [] }],
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
