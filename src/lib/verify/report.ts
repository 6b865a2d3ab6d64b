import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { Change } from '../../schemas/history.ts';
import type { Outcome, Snapshot } from '../../schemas/snapshot.ts';
import { safeLogLines, safeLogText } from '../cli/safe-log-text.ts';

/** What a verify run tells the person or CI log watching it. */
export interface Reporter {
	start(total: number): void;
	done(record: { outcome: Outcome }): void;
	recheck(count: number): void;
	info(line: string): void;
	finish(summary: RunReport): void;
}

/** What the run keeps of each record once its snapshot is staged on disk. */
export interface RecordSummary {
	id: string;
	outcome: Outcome;
	reason: string;
	/** Error codes of its checks, for the network sanity rule. */
	errors: string[];
	/** Slowest check, in ms. */
	slowestMs: number;
	changes: Change[];
}

export function summarise(snapshot: Snapshot, changes: Change[]): RecordSummary {
	return {
		id: snapshot.id,
		outcome: snapshot.outcome,
		reason: snapshot.reason,
		errors: [...new Set(snapshot.checks.flatMap((c) => (c.error ? [c.error] : [])))],
		slowestMs: Math.max(0, ...snapshot.checks.map((c) => c.ms ?? 0)),
		changes,
	};
}

export interface RunReport {
	records: number;
	counts: Record<Outcome, number>;
	seconds: number;
	slowest: { id: string; ms: number }[];
	failures: { id: string; outcome: Outcome; reason: string }[];
	changes: Change[];
}

export function countOutcomes(records: readonly { outcome: Outcome }[]): Record<Outcome, number> {
	const counts: Record<Outcome, number> = { up: 0, degraded: 0, down: 0, inconclusive: 0 };
	for (const r of records) counts[r.outcome] += 1;
	return counts;
}

export function buildReport(records: readonly RecordSummary[], seconds: number): RunReport {
	return {
		records: records.length,
		counts: countOutcomes(records),
		seconds,
		slowest: records
			.map((r) => ({ id: r.id, ms: r.slowestMs }))
			.sort((a, b) => b.ms - a.ms)
			.slice(0, 5),
		failures: records
			.filter((r) => r.outcome === 'down' || r.outcome === 'inconclusive')
			.map((r) => ({ id: r.id, outcome: r.outcome, reason: r.reason })),
		changes: records.flatMap((r) => r.changes),
	};
}

function countsLine(counts: Record<Outcome, number>): string {
	return `up ${counts.up} · degraded ${counts.degraded} · down ${counts.down} · inconclusive ${counts.inconclusive}`;
}

/** A few names from a spec, which its server chose: printed on one line, inert. */
function nameList(names: readonly string[]): string {
	return names.slice(0, 5).map(safeLogText).join(', ');
}

/**
 * The closing summary, as printed at the end of every run. Reasons and spec names may carry
 * text a server chose, so each goes through {@link safeLogText}.
 */
export function formatReport(report: RunReport): string {
	const lines = [
		`Verified ${report.records} record(s) in ${report.seconds.toFixed(1)} s: ${countsLine(report.counts)}.`,
	];
	if (report.slowest.length > 0 && report.slowest[0]?.ms) {
		lines.push('Slowest:', ...report.slowest.map((s) => `  ${s.id}  ${s.ms} ms`));
	}
	if (report.failures.length > 0) {
		lines.push(`Down or inconclusive (${report.failures.length}):`);
		for (const f of report.failures.slice(0, 25))
			lines.push(`  ${f.id}  ${f.outcome}: ${safeLogText(f.reason)}`);
		if (report.failures.length > 25) lines.push(`  … and ${report.failures.length - 25} more`);
	}
	const schemaChanges = report.changes.filter(
		(c) => c.type === 'schema' || c.type === 'spec-validity',
	);
	if (schemaChanges.length > 0) {
		lines.push(`Schema changes (${schemaChanges.length}):`);
		for (const change of schemaChanges.slice(0, 25)) {
			if (change.type === 'schema') {
				const added = [...change.added.parameters, ...change.added.fields];
				const removed = [...change.removed.parameters, ...change.removed.fields];
				lines.push(
					`  ${change.id}  +${added.length} −${removed.length}${added.length ? `  added: ${nameList(added)}` : ''}${removed.length ? `  removed: ${nameList(removed)}` : ''}`,
				);
			} else {
				lines.push(`  ${change.id}  spec became ${change.to ? 'valid' : 'invalid'}`);
			}
		}
	}
	const outcomeChanges = report.changes.filter((c) => c.type === 'outcome' && c.from !== null);
	if (outcomeChanges.length > 0) lines.push(`Outcome changes: ${outcomeChanges.length}.`);
	return lines.join('\n');
}

/** A progress bar on a terminal; a plain line every few seconds in CI logs. */
export function consoleReporter(
	stream: NodeJS.WriteStream = process.stderr,
	intervalMs = 10_000,
): Reporter {
	const interactive = stream.isTTY === true && !process.env.CI;
	let bar: cliProgress.SingleBar | undefined;
	let total = 0;
	let finished = 0;
	const counts: Record<Outcome, number> = { up: 0, degraded: 0, down: 0, inconclusive: 0 };
	let started = 0;
	let lastLine = 0;
	return {
		start(n) {
			total = n;
			started = performance.now();
			lastLine = started;
			if (interactive) {
				bar = new cliProgress.SingleBar(
					{
						format: 'verify [{bar}] {value}/{total} · {counts}',
						stream,
						hideCursor: true,
						clearOnComplete: true,
					},
					cliProgress.Presets.shades_classic,
				);
				bar.start(n, 0, { counts: countsLine(counts) });
			} else {
				stream.write(`[verify] ${n} record(s) to check\n`);
			}
		},
		done(record) {
			finished += 1;
			counts[record.outcome] += 1;
			if (bar) {
				bar.update(finished, { counts: countsLine(counts) });
				return;
			}
			const now = performance.now();
			if (now - lastLine >= intervalMs || finished === total) {
				lastLine = now;
				const seconds = ((now - started) / 1000).toFixed(1);
				stream.write(
					`[verify] ${finished}/${total} (${Math.round((finished / Math.max(1, total)) * 100)}%) · ${countsLine(counts)} · ${seconds} s\n`,
				);
			}
		},
		recheck(n) {
			bar?.stop();
			bar = undefined;
			if (n > 0) stream.write(`[verify] re-checking ${n} record(s) that looked down\n`);
		},
		info(line) {
			if (bar) bar.stop();
			bar = undefined;
			stream.write(`${safeLogLines(`[verify] ${line}`)}\n`);
		},
		finish(report) {
			bar?.stop();
			stream.write(`${safeLogLines(formatReport(report))}\n`);
		},
	};
}

export const silentReporter: Reporter = {
	start() {},
	done() {},
	recheck() {},
	info() {},
	finish() {},
};
