import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import packageJson from '../package.json' with { type: 'json' };

export interface Measurement {
	seconds: number;
	/** Peak resident set size in MB, when the command was a Node script run with report-rss. */
	peakRssMb: number | null;
	/** Peak of the summed RSS of the command and all its child processes, sampled (Linux). */
	peakTreeRssMb: number | null;
	code: number | null;
	stdout: string;
	stderr: string;
}

const RSS_MARKER = /__BENCH_MAXRSS_KB=(\d+)/;

/** Resident memory of a process and all its descendants, in KB, from /proc (0 where unavailable). */
export function treeRssKb(pid: number): number {
	let total = 0;
	const seen = new Set<number>();
	const visit = (p: number) => {
		if (seen.has(p)) return;
		seen.add(p);
		try {
			const status = readFileSync(`/proc/${p}/status`, 'utf8');
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			for (const task of readdirSync(`/proc/${p}/task`)) {
				const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
				for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
			}
		} catch {
			// the process ended between two reads
		}
	};
	visit(pid);
	return total;
}

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
		let peakTree = 0;
		const sampler = setInterval(() => {
			if (child.pid) peakTree = Math.max(peakTree, treeRssKb(child.pid));
		}, 200);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(sampler);
			const seconds = (performance.now() - started) / 1000;
			const rss = RSS_MARKER.exec(stderr);
			resolve({
				seconds,
				peakRssMb: rss ? Number(rss[1]) / 1024 : null,
				peakTreeRssMb: peakTree ? peakTree / 1024 : null,
				code,
				stdout,
				stderr,
			});
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
