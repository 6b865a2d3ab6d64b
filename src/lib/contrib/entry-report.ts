import type { Entry } from '../../schemas/entry.ts';
import type { Publisher } from '../../schemas/publisher.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { formatProblem, type Problem } from '../catalog/problem.ts';
import { safeLogText } from '../cli/safe-log-text.ts';
import type { RecordScore } from '../score/types.ts';

/**
 * The pull-request check's report: for each changed entry, what the register would show once it
 * is merged — outcome, score, each axis with its reasons, and every problem. Pure: the caller
 * loads the catalog, the snapshots and the scores. Everything quoted from an entry or a server
 * was written by a stranger, so it is stripped of control characters and terminal escapes and
 * escaped into inert Markdown.
 */
export interface EntryReport {
	id: string;
	/** Path of the entry file as people read it; null when no file has this id. */
	file: string | null;
	/** The parsed entry, or null when it does not validate. */
	entry: Entry | null;
	publisher: Publisher | null;
	/** Result of this check's verify run; null when it wrote none for this entry. */
	snapshot: Snapshot | null;
	/** Null when the entry does not validate. */
	score: RecordScore | null;
	/** Problems of the entry's file (and its publisher's), errors and warnings. */
	problems: readonly Problem[];
}

const MAX_HINTS = 5;

/** Untrusted text on one line, with every character Markdown or HTML could act on escaped. */
export function inlineText(text: string): string {
	return safeLogText(text)
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_{}[\]()<>#!|~&]/g, '\\$&');
}

/** Untrusted text as an inline code span (URLs stay readable and are never turned into links). */
export function inlineCode(text: string): string {
	const flat = safeLogText(text).replace(/\s+/g, ' ').trim();
	const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Lines inside a fenced block whose fence no line can close; each line is made inert for a log
 * too (no controls, no workflow command), should the report be printed rather than summarised.
 */
export function codeBlock(untrusted: readonly string[]): string {
	const lines = untrusted.map(safeLogText);
	const longest = Math.max(0, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((r) => r.length));
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return [`${fence}text`, ...lines, fence].join('\n');
}

function plural(count: number, word: string, many = `${word}s`): string {
	return `${count} ${count === 1 ? word : many}`;
}

function summaryRows(report: EntryReport & { entry: Entry; score: RecordScore }): string[] {
	const { entry, score, snapshot, publisher } = report;
	const outcome = snapshot
		? `**${snapshot.outcome}** — ${inlineText(snapshot.reason)}`
		: 'not checked — this run wrote no result for it (see the verify step’s log)';
	const total = `**${score.total}**/100 · ${score.band}${score.provisional ? ' · provisional: availability is not measured yet' : ''}`;
	return [
		'| | |',
		'| --- | --- |',
		`| Kind | ${entry.kind}, access ${entry.access} |`,
		`| Publisher | ${publisher ? `${inlineText(publisher.name)} (${inlineCode(publisher.id)})` : inlineCode(entry.publisher)} |`,
		`| Outcome | ${outcome} |`,
		`| Score | ${total} |`,
		`| Proof tier | ${score.tier} |`,
	];
}

function axisRows(score: RecordScore): string[] {
	return [
		'| Axis | Weight | Score | Why |',
		'| --- | ---: | ---: | --- |',
		...score.axes.map(
			(axis) =>
				`| ${axis.name} | ${axis.weight} % | ${axis.score === null ? '—' : Math.round(axis.score)} | ${axis.reasons.map(inlineText).join(' · ')} |`,
		),
	];
}

function checkRows(snapshot: Snapshot): string[] {
	if (snapshot.checks.length === 0) return [];
	return [
		'| Checked | URL | Answer | Result |',
		'| --- | --- | --- | --- |',
		...snapshot.checks.map(
			(check) =>
				`| ${check.target} | ${inlineCode(check.url)} | ${check.status ?? check.error ?? '—'} | ${check.outcome}: ${inlineText(check.note)} |`,
		),
	];
}

function specLine(snapshot: Snapshot): string | undefined {
	const spec = snapshot.spec;
	if (!spec) return undefined;
	const version = spec.version ? ` ${inlineText(spec.version)}` : '';
	const head = `Spec${version}: ${spec.valid ? 'valid' : 'not valid'}, ${plural(spec.operations, 'operation')}, ${plural(spec.parameters.length, 'parameter')}, ${plural(spec.fields.length, 'result field')}.`;
	const errors = spec.errors.slice(0, 3).map((e) => `  - ${inlineText(e)}`);
	return [head, ...errors].join('\n');
}

function problemSection(report: EntryReport, cwd: string): string[] {
	if (report.problems.length === 0) return [];
	const errors = report.problems.filter((p) => p.severity === 'error').length;
	const warnings = report.problems.length - errors;
	return [
		`**Problems** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}):`,
		'',
		codeBlock(
			[...report.problems]
				.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
				.map((p) => formatProblem(p, cwd).replace(/\s+/g, ' ')),
		),
	];
}

/** One entry's section of the report. */
export function renderEntryReport(report: EntryReport, cwd = process.cwd()): string {
	const title = report.entry ? ` — ${inlineText(report.entry.title)}` : '';
	const lines = [`### ${inlineCode(report.id)}${title}`, ''];
	if (report.file === null) {
		lines.push(`No entry file has the id ${inlineCode(report.id)}.`);
		return lines.join('\n');
	}
	lines.push(`File: ${inlineCode(report.file)}`, '');
	const { entry, score } = report;
	if (!entry || !score) {
		lines.push(
			'**Not valid yet.** Fix the errors below (they are the lines `npm run validate` prints), then push again.',
			'',
			...problemSection(report, cwd),
		);
		return lines.join('\n');
	}
	lines.push(...summaryRows({ ...report, entry, score }), '', '#### Score by axis', '');
	lines.push(...axisRows(score), '');
	if (score.hints.length > 0) {
		lines.push('#### What would raise the score', '');
		for (const hint of score.hints.slice(0, MAX_HINTS)) {
			lines.push(`- ${inlineText(hint.text)} (+${hint.gain})`);
		}
		lines.push('');
	}
	if (report.snapshot) {
		const rows = checkRows(report.snapshot);
		if (rows.length > 0) lines.push('#### What the check saw', '', ...rows, '');
		const spec = specLine(report.snapshot);
		if (spec) lines.push(spec, '');
	}
	lines.push(...problemSection(report, cwd));
	return lines.join('\n').trimEnd();
}

/** The whole report: a heading, a one-line verdict, then one section per entry. */
export function renderEntryCheck(reports: readonly EntryReport[], cwd = process.cwd()): string {
	const heading = '## c0mm0 entry check';
	if (reports.length === 0) {
		return `${heading}\n\nNo catalog entry changed in this pull request.\n`;
	}
	const invalid = reports.filter((r) => r.entry === null).length;
	const verdict =
		invalid === 0
			? `${plural(reports.length, 'entry', 'entries')} checked; all valid. Below is what the register would show for ${reports.length === 1 ? 'it' : 'them'} after a night’s check.`
			: `${plural(reports.length, 'entry', 'entries')} checked; ${invalid} not valid yet.`;
	const note =
		'_Availability here comes from one check made by this pull request; once merged, the nightly run measures it every night._';
	return `${[heading, '', verdict, '', note, '', ...reports.map((r) => `${renderEntryReport(r, cwd)}\n`)].join('\n').trimEnd()}\n`;
}
