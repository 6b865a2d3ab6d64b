import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import packageJson from '../package.json' with { type: 'json' };

export interface Measurement {
	seconds: number;
	/** Peak resident set size in MB, when the command was a Node script run with report-rss. */
	peakRssMb: number | null;
	code: number | null;
	stdout: string;
	stderr: string;
}

const RSS_MARKER = /__BENCH_MAXRSS_KB=(\d+)/;

/** Runs a command to completion, timing it and reading its peak RSS marker if it prints one. */
export function measure(
	command: string,
	args: readonly string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Measurement> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: { ...process.env, ...options.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const seconds = (performance.now() - started) / 1000;
			const rss = RSS_MARKER.exec(stderr);
			resolve({ seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : null, code, stdout, stderr });
		});
	});
}

/**
 * The node arguments of an npm script (`node <flags> <script>`), with the peak-RSS reporter
 * added, so a benchmark measures exactly the command users run.
 */
export function npmScriptNodeArgs(name: string, args: readonly string[]): string[] {
	const command: string | undefined = packageJson.scripts[name as keyof typeof packageJson.scripts];
	const words = command?.split(/\s+/) ?? [];
	if (words[0] !== 'node')
		throw new Error(`npm script ${name} is not a plain node command: ${command}`);
	const script = words.at(-1) as string;
	const flags = words.slice(1, -1);
	return [
		...flags,
		'--import',
		new URL('./report-rss.ts', import.meta.url).pathname,
		new URL(`../${script}`, import.meta.url).pathname,
		...args,
	];
}
