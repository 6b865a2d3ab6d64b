/** The part of s3rver (which ships no types) the deploy tests use. */
declare module 's3rver' {
	interface S3rverOptions {
		address?: string;
		port?: number;
		directory?: string;
		silent?: boolean;
		vhostBuckets?: boolean;
		configureBuckets?: { name: string; configs: string[] }[];
	}
	export default class S3rver {
		constructor(options: S3rverOptions);
		run(): Promise<{ address: string; port: number }>;
		close(): Promise<void>;
	}
}
