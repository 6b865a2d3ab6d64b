import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { HarvestSkip } from '../../schemas/imported.ts';
import { safeLogLines, safeLogText } from '../cli/safe-log-text.ts';
import { IMPORT_DEFAULTS } from './constants.ts';
import type { SourceReport } from './import-source.ts';
import type { ImportReporter } from './run-import.ts';

/** `<source>: <sourceId>: <field>: <reason>`, the one skip line, printed inert. */
export function skipLine(source: string, skip: HarvestSkip): string {
	return safeLogText(`${source}: ${skip.sourceId ?? '(no id)'}: ${skip.field}: ${skip.reason}`);
}

/** What a source's night came to, in a few lines. Every value a source chose goes through safeLogText. */
function formatSourceReport(report: SourceReport): string {
	const { counts } = report;
	const time = `${report.seconds.toFixed(1)} s`;
	const lines: string[] = [];
	if (report.outcome === 'imported') {
		lines.push(
			`${report.source}: imported, ${report.records} record(s) in ${time} — added ${counts.added} · updated ${counts.updated} · delisted ${counts.delisted} · removed ${counts.removed} · skipped ${counts.skipped}`,
		);
	} else if (report.outcome === 'unchanged') {
		lines.push(
			`${report.source}: unchanged since the last run (${report.records} record(s)), ${time}`,
		);
	} else {
		lines.push(
			`${report.source}: ${report.outcome} — ${safeLogText(report.error ?? 'no reason given')}; previous import kept (${report.records} record(s)), ${time}`,
		);
	}
	for (const skip of report.skipped.slice(0, IMPORT_DEFAULTS.skippedPrinted)) {
		lines.push(`  skipped ${skipLine(report.source, skip)}`);
	}
	if (counts.skipped > IMPORT_DEFAULTS.skippedPrinted) {
		lines.push(`  … and ${counts.skipped - IMPORT_DEFAULTS.skippedPrinted} more skipped`);
	}
	if (report.dropped.count > 0) {
		lines.push(`  ${report.dropped.count} value(s) dropped from kept records, e.g.:`);
		for (const d of report.dropped.first) lines.push(`    ${skipLine(report.source, d)}`);
	}
	return lines.join('\n');
}

function formatRunSummary(reports: readonly SourceReport[], seconds: number): string {
	const count = (outcome: SourceReport['outcome']) =>
		reports.filter((r) => r.outcome === outcome).length;
	return `Import of ${reports.length} source(s) in ${seconds.toFixed(1)} s: imported ${count('imported')} · unchanged ${count('unchanged')} · collapsed ${count('collapsed')} · failed ${count('failed')}.`;
}

/** A progress bar on a terminal; a plain line per source (and every few seconds) in CI logs. */
export function consoleImportReporter(
	stream: NodeJS.WriteStream = process.stderr,
	intervalMs = 10_000,
): ImportReporter {
	const interactive = stream.isTTY === true && !process.env.CI;
	let bar: cliProgress.SingleBar | undefined;
	let items = 0;
	let current = '';
	let lastLine = 0;
	return {
		sourceStart(source, index, total) {
			items = 0;
			current = source.id;
			lastLine = performance.now();
			const label = `[${index + 1}/${total}] ${source.id}`;
			if (interactive) {
				bar = new cliProgress.SingleBar(
					{ format: `import ${label} · {value} record(s) read`, stream, clearOnComplete: true },
					cliProgress.Presets.shades_classic,
				);
				bar.start(0, 0);
			} else {
				stream.write(`[import] ${label}: reading\n`);
			}
		},
		item() {
			items += 1;
			if (bar) {
				if (items % 100 === 0) bar.update(items);
				return;
			}
			const now = performance.now();
			if (now - lastLine >= intervalMs) {
				lastLine = now;
				stream.write(`[import] ${current}: ${items} record(s) read\n`);
			}
		},
		sourceDone(report) {
			bar?.stop();
			bar = undefined;
			stream.write(`${safeLogLines(`[import] ${formatSourceReport(report)}`)}\n`);
		},
		finish(reports, seconds) {
			stream.write(`${formatRunSummary(reports, seconds)}\n`);
		},
	};
}
