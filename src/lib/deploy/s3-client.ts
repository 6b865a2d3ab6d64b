import { S3Client } from '@aws-sdk/client-s3';
import type { Settings } from '../settings/read-settings.ts';

/** Where a deploy goes: the deploy settings with the bucket known. */
export type S3Target = Settings['deploy'] & { bucket: string };

/**
 * An S3 client for any S3-compatible store. Credentials come from the SDK's own chain (the
 * standard `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, a profile or a role), never from
 * c0mm0's settings, so nothing of ours ever holds or prints them.
 *
 * Checksums only where the API requires them: the SDK's default CRC32 trailers are refused by
 * several S3-compatible stores, and every upload carries a Content-MD5 of its own.
 */
export function createS3Client(target: S3Target): S3Client {
	return new S3Client({
		region: target.region,
		...(target.endpoint ? { endpoint: target.endpoint } : {}),
		forcePathStyle: target.pathStyle,
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
	});
}

/** The target, or a sentence saying which setting is missing. */
export function s3TargetOf(deploy: Settings['deploy']): S3Target | string {
	if (deploy.bucket === undefined) {
		return 'set C0MM0_DEPLOY_BUCKET to the bucket the site is uploaded to (and C0MM0_DEPLOY_ENDPOINT for a store other than AWS S3)';
	}
	return { ...deploy, bucket: deploy.bucket };
}
