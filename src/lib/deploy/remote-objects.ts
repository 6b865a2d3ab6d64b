import { HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';

/** One object already in the bucket, by its path under the prefix. */
export interface RemoteObject {
	/** Path relative to the prefix, `/`-separated, as for a local file. */
	path: string;
	/** The ETag without its quotes. */
	etag: string;
	/** The SHA-256 this deploy kept in the object's metadata, when it had to be asked for. */
	sha256?: string;
}

/**
 * Whether an ETag is the MD5 of the content. It is for a single-part upload without KMS or
 * customer keys on AWS, R2, MinIO and the like; a multipart upload's ETag ends in `-<parts>`.
 */
export function isContentMd5(etag: string): boolean {
	return /^[0-9a-f]{32}$/.test(etag);
}

/** Every object under `prefix`, a page of at most 1,000 at a time. */
export async function listRemoteObjects(
	client: S3Client,
	bucket: string,
	prefix: string,
): Promise<RemoteObject[]> {
	const objects: RemoteObject[] = [];
	let token: string | undefined;
	do {
		const page = await client.send(
			new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
		);
		for (const item of page.Contents ?? []) {
			if (item.Key === undefined || !item.Key.startsWith(prefix)) continue;
			objects.push({
				path: item.Key.slice(prefix.length),
				etag: (item.ETag ?? '').replaceAll('"', '').toLowerCase(),
			});
		}
		token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
	} while (token !== undefined);
	return objects;
}

/**
 * Reads the kept SHA-256 of the objects whose ETag says nothing about their content (listings
 * do not carry metadata): one HEAD each, so only for files the site still has.
 */
export async function withKeptHashes(
	client: S3Client,
	bucket: string,
	prefix: string,
	objects: readonly RemoteObject[],
	stillLocal: (path: string) => boolean,
	concurrency: number,
): Promise<RemoteObject[]> {
	const limit = pLimit(concurrency);
	return Promise.all(
		objects.map((object) =>
			isContentMd5(object.etag) || !stillLocal(object.path)
				? object
				: limit(async () => {
						const head = await client.send(
							new HeadObjectCommand({ Bucket: bucket, Key: prefix + object.path }),
						);
						const sha256 = head.Metadata?.[SHA256_METADATA];
						return sha256 === undefined ? object : { ...object, sha256 };
					}),
		),
	);
}

/** The metadata key (`x-amz-meta-sha256`) every upload keeps its content's SHA-256 in. */
export const SHA256_METADATA = 'sha256';
