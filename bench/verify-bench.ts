import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { measure, npmScriptNodeArgs } from './measure.ts';
import { writeSyntheticCatalog } from './synthetic-catalog.ts';

export interface VerifyBenchResult {
	records: number;
	urls: number;
	coldSeconds: number;
	coldRssMb: number | null;
	warmSeconds: number;
	warmRssMb: number | null;
	curlSeconds: number | null;
	/** Size of the git objects a second night adds (snapshots + history), as a thin pack. */
	nightlyCommitBytes: number;
}

const ROOT = new URL('..', import.meta.url).pathname;

async function startLoopbackServer(ports: number) {
	const child = spawn(
		process.execPath,
		[join(ROOT, 'bench', 'loopback-server.ts'), String(ports)],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	const line = await new Promise<string>((resolve, reject) => {
		const rl = createInterface({ input: child.stdout });
		rl.once('line', resolve);
		child.once('exit', () => reject(new Error('loopback server exited')));
	});
	return { ports: JSON.parse(line) as number[], stop: () => child.kill() };
}

/**
 * Verifies N synthetic records against a loopback server in another process, cold (every spec
 * parsed) and warm (the nightly case: specs unchanged), and fetches the same URLs with
 * `curl --parallel` as a reference.
 */
export async function benchVerify(records: number): Promise<VerifyBenchResult> {
	const dir = await mkdtemp(join(tmpdir(), 'c0mm0-bench-verify-'));
	const server = await startLoopbackServer(200);
	try {
		const origins = server.ports.map((port) => `http://127.0.0.1:${port}`);
		const written = await writeSyntheticCatalog(dir, {
			records,
			originFor: (i) => origins[i % origins.length] as string,
		});
		const verify = () =>
			measure(
				process.execPath,
				npmScriptNodeArgs('verify', ['--data-dir', dir, '--allow-private']),
				{
					env: { CI: '1' },
				},
			);
		const cold = await verify();
		if (cold.code !== 0) throw new Error(`verify failed:\n${cold.stderr.slice(-2000)}`);
		const git = (...args: string[]) => measure('git', ['-C', dir, ...args]);
		const commitNight = async (message: string) => {
			await git('add', '-A');
			await git(
				'-c',
				'user.name=bench',
				'-c',
				'user.email=bench@localhost',
				'commit',
				'-qm',
				message,
			);
		};
		await git('init', '-q');
		await commitNight('night 1');
		const warm = await verify();
		await commitNight('night 2');
		// A thin pack of the second night's commit: what pushing it transfers.
		const bundle = join(dir, 'night.bundle');
		await git('bundle', 'create', bundle, 'HEAD~1..HEAD');
		const nightlyCommitBytes = (await stat(bundle)).size;

		// The same URLs the verifier probed, for curl.
		const urls: string[] = [];
		for (const [i, r] of written.entries()) {
			const origin = origins[i % origins.length];
			if (r.kind === 'api') urls.push(`${origin}/api/${i}`);
			if (r.hasSpec) urls.push(`${origin}/spec/${i}.json`);
		}
		const config = join(dir, 'curl.txt');
		await writeFile(config, urls.map((u) => `url = "${u}"\noutput = "/dev/null"\n`).join(''));
		const curl = await measure('curl', [
			'--parallel',
			'--parallel-max',
			'64',
			'--silent',
			'--config',
			config,
		]).catch(() => null);
		return {
			records,
			urls: urls.length,
			coldSeconds: cold.seconds,
			coldRssMb: cold.peakRssMb,
			warmSeconds: warm.seconds,
			warmRssMb: warm.peakRssMb,
			curlSeconds: curl && curl.code === 0 ? curl.seconds : null,
			nightlyCommitBytes,
		};
	} finally {
		server.stop();
		await rm(dir, { recursive: true, force: true });
	}
}
