/**
 * npm run deploy -- --target s3 [--dir dist] [--dry-run] [--concurrency N]
 *
 * Uploads the built site to S3-compatible object storage: only the files whose content changed,
 * then deletes what the site no longer has. GitHub Pages, the default host, is deployed by the
 * nightly workflow's official Pages actions instead.
 */
import { resolve } from 'node:path';
import { parseCommandLine } from '../src/lib/cli/command-line.ts';
import { safeLogText } from '../src/lib/cli/safe-log-text.ts';
import { DEPLOY_DEFAULTS, DeployError, deploySite } from '../src/lib/deploy/deploy-site.ts';
import { formatDeploySummary } from '../src/lib/deploy/deploy-summary.ts';
import { createS3Client, s3TargetOf } from '../src/lib/deploy/s3-client.ts';
import { settings } from '../src/lib/settings/read-settings.ts';

const USAGE = `Usage: npm run deploy -- --target s3 [--dir DIR] [--dry-run] [--concurrency N]

  --target s3       upload to S3-compatible object storage (AWS S3, Cloudflare R2, MinIO, …);
                    the bucket and its address come from the C0MM0_DEPLOY_* settings, the
                    credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
  --dir DIR         the built site (default: dist)
  --dry-run         compare and report what would change, change nothing
  --concurrency N   uploads in flight at once (default: ${DEPLOY_DEFAULTS.concurrency})`;

const { values } = parseCommandLine('deploy', USAGE, {
	options: {
		target: { type: 'string' },
		dir: { type: 'string', default: 'dist' },
		'dry-run': { type: 'boolean', default: false },
		concurrency: { type: 'string' },
	},
});

function fail(message: string): never {
	console.error(`deploy: ${message}`);
	process.exit(1);
}

if (values.target !== 's3') {
	fail(
		values.target === 'pages'
			? 'GitHub Pages is deployed by the nightly workflow (actions/deploy-pages), not by this command'
			: `give --target s3\n\n${USAGE}`,
	);
}
const concurrency = Number(values.concurrency ?? DEPLOY_DEFAULTS.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
	fail(`--concurrency is ${JSON.stringify(values.concurrency)}, not a whole number from 1 to 256`);
}
const target = s3TargetOf(settings().deploy);
if (typeof target === 'string') fail(target);

const dir = resolve(values.dir);
const where = `s3://${target.bucket}/${target.prefix}${target.endpoint ? ` at ${target.endpoint}` : ''}`;
console.log(`${values['dry-run'] ? 'Comparing' : 'Deploying'} ${dir} → ${where}`);
try {
	const summary = await deploySite({
		dir,
		client: createS3Client(target),
		target,
		dryRun: values['dry-run'],
		concurrency,
	});
	console.log(formatDeploySummary(summary));
	if (target.publicUrl && !summary.dryRun) console.log(`Live at ${target.publicUrl}`);
} catch (error) {
	// The store's error messages are its own words: printed inert.
	console.error(`deploy: ${safeLogText((error as Error).message)}`);
	if (error instanceof DeployError) console.error(formatDeploySummary(error.summary));
	process.exit(1);
}
