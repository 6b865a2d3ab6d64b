import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { cacheControlFor, contentTypeFor } from './cache-policy.ts';
import { planDeploy, uploadTotals } from './deploy-plan.ts';
import { type LocalFile, listLocalFiles } from './local-files.ts';
import { listRemoteObjects, SHA256_METADATA, withKeptHashes } from './remote-objects.ts';
import type { S3Target } from './s3-client.ts';

export const DEPLOY_DEFAULTS = {
	/** Requests in flight at once: object stores answer each PUT in tens of milliseconds. */
	concurrency: 16,
} as const;

/** The most keys one DeleteObjects request takes. */
const DELETE_BATCH = 1000;

export interface DeployOptions {
	/** The built site, `dist/`. */
	dir: string;
	client: S3Client;
	target: S3Target;
	/** Compare and report only: nothing is uploaded or deleted. */
	dryRun?: boolean;
	concurrency?: number;
}

export interface DeploySummary {
	dryRun: boolean;
	/** Files (and their bytes) uploaded — or, in a dry run, that would be. */
	uploaded: { files: number; bytes: number };
	unchanged: number;
	/** Objects deleted — or, in a dry run, that would be. */
	deleted: number;
	seconds: number;
}

/** A deploy that stopped: what it had uploaded by then; it deleted nothing. */
export class DeployError extends Error {
	readonly summary: DeploySummary;
	constructor(message: string, summary: DeploySummary) {
		super(message);
		this.name = 'DeployError';
		this.summary = summary;
	}
}

async function uploadFile(client: S3Client, target: S3Target, file: LocalFile): Promise<void> {
	await client.send(
		new PutObjectCommand({
			Bucket: target.bucket,
			Key: target.prefix + file.path,
			Body: await readFile(file.absolutePath),
			ContentType: contentTypeFor(file.path),
			CacheControl: cacheControlFor(file.path),
			// The hash the plan was made with: a file changed since is refused by the store.
			ContentMD5: Buffer.from(file.md5, 'hex').toString('base64'),
			Metadata: { [SHA256_METADATA]: file.sha256 },
		}),
	);
}

/**
 * Uploads one phase with bounded concurrency. After the first failure no further upload starts;
 * those in flight finish, and the failure is thrown.
 */
async function uploadPhase(
	files: readonly LocalFile[],
	options: DeployOptions,
	onUploaded: (file: LocalFile) => void,
): Promise<void> {
	const limit = pLimit(options.concurrency ?? DEPLOY_DEFAULTS.concurrency);
	let failure: unknown;
	await Promise.all(
		files.map((file) =>
			limit(async () => {
				if (failure !== undefined) return;
				try {
					await uploadFile(options.client, options.target, file);
					onUploaded(file);
				} catch (error) {
					failure ??= new Error(`could not upload ${file.path}: ${(error as Error).message}`);
				}
			}),
		),
	);
	if (failure !== undefined) throw failure;
}

async function deleteObjects(client: S3Client, target: S3Target, paths: readonly string[]) {
	for (let start = 0; start < paths.length; start += DELETE_BATCH) {
		const batch = paths.slice(start, start + DELETE_BATCH);
		const answer = await client.send(
			new DeleteObjectsCommand({
				Bucket: target.bucket,
				Delete: { Objects: batch.map((path) => ({ Key: target.prefix + path })), Quiet: true },
			}),
		);
		const refused = answer.Errors ?? [];
		if (refused.length > 0) {
			throw new Error(
				`could not delete ${refused.length} object(s), first ${refused[0]?.Key}: ${refused[0]?.Message}`,
			);
		}
	}
}

/**
 * Brings the bucket (under the prefix) to the built site: uploads the files whose content is new
 * or changed — hashed assets, then other files, then pages — and only when every upload has
 * succeeded, deletes the objects the site no longer has, so visitors never meet a page whose
 * assets are gone. A failure stops before any deletion and throws a `DeployError`.
 */
export async function deploySite(options: DeployOptions): Promise<DeploySummary> {
	const started = performance.now();
	const { client, target, dir } = options;
	const summary: DeploySummary = {
		dryRun: options.dryRun === true,
		uploaded: { files: 0, bytes: 0 },
		unchanged: 0,
		deleted: 0,
		seconds: 0,
	};
	const finish = () => ({ ...summary, seconds: (performance.now() - started) / 1000 });

	// An empty or half-written folder would be mirrored faithfully: the whole site deleted.
	if (!existsSync(join(dir, 'index.html'))) {
		throw new DeployError(`${dir} has no index.html: build the site first`, finish());
	}
	const local = await listLocalFiles(dir);
	const localPaths = new Set(local.map((file) => file.path));
	const concurrency = options.concurrency ?? DEPLOY_DEFAULTS.concurrency;
	const remote = await withKeptHashes(
		client,
		target.bucket,
		target.prefix,
		await listRemoteObjects(client, target.bucket, target.prefix),
		(path) => localPaths.has(path),
		concurrency,
	);
	const plan = planDeploy(local, remote);
	summary.unchanged = plan.unchanged.length;

	if (summary.dryRun) {
		summary.uploaded = uploadTotals(plan);
		summary.deleted = plan.remove.length;
		return finish();
	}

	try {
		for (const phase of plan.phases) {
			await uploadPhase(phase, options, (file) => {
				summary.uploaded.files += 1;
				summary.uploaded.bytes += file.size;
			});
		}
	} catch (error) {
		throw new DeployError(`${(error as Error).message}; nothing was deleted`, finish());
	}
	try {
		await deleteObjects(client, target, plan.remove);
	} catch (error) {
		throw new DeployError((error as Error).message, finish());
	}
	summary.deleted = plan.remove.length;
	return finish();
}
