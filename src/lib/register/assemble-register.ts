import type { Entry } from '../../schemas/entry.ts';
import type { Change, HistoryDay, OutcomeLetter } from '../../schemas/history.ts';
import type { ImportState, Provenance } from '../../schemas/imported.ts';
import type { RegisterPublisher } from '../../schemas/publisher.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import type { SourceFile } from '../../schemas/source.ts';
import { formatProblem } from '../catalog/problem.ts';
import { descriptionText } from '../markdown/description.ts';
import { scoreRecord } from '../score/score-record.ts';
import type { RecordScore } from '../score/types.ts';
import { isoDateDaysBefore, readHistoryRange } from '../state/history-store.ts';
import { readSnapshots } from '../state/snapshot-store.ts';
import { recordStrip, uptimeOf } from '../state/uptime.ts';
import { type CountryCode, countryName } from '../vocab/countries.ts';
import { type ThemeCode, themeName } from '../vocab/themes.ts';

/** Nights of history shown on record pages (and used for 90-day uptime). */
export const HISTORY_NIGHTS = 90;

export interface RecordHistory {
	/** One letter per night of the last HISTORY_NIGHTS, oldest first; null = not checked that night. */
	strip: (OutcomeLetter | null)[];
	dates: string[];
	uptime30: { ratio: number | null; counted: number };
	uptime90: { ratio: number | null; counted: number };
	/** This record's changes over the window, newest first. */
	changes: Change[];
}

/** One catalogue that lists a record: when the importer saw it there, and its page there. */
export interface Listing {
	/** Id of the source (data/sources/<id>.yaml). */
	source: string;
	/** The catalogue's own name (the source id when the source file is gone). */
	name: string;
	/** The record's page in that catalogue. */
	pageUrl?: string;
	firstSeen: string;
	/** Night the catalogue stopped listing it. */
	delistedAt?: string;
}

/** One catalogue the register imports from, with how its imports went and what it lists. */
export interface RegisterSource {
	id: string;
	source: SourceFile;
	/** null until its first import ran. */
	state: ImportState | null;
	/** Records it lists (imported, merged or hand-written), sorted by title. */
	records: RegisterRecord[];
}

/** One record as the site shows it. */
export interface RegisterRecord {
	id: string;
	entry: Entry;
	publisher: RegisterPublisher;
	/** Machine-written by the importers: no description of its own, and no file to edit. */
	imported: boolean;
	/** Every imported catalogue that lists it, in source order. */
	listedBy: Listing[];
	descriptionHtml: string;
	descriptionMarkdown: string;
	/** Plain text of the description, for meta descriptions and structured data. */
	descriptionText: string;
	/** Path of the entry file in the repository, for "edit this entry". */
	sourcePath: string;
	/** Latest measured state; null when never verified. */
	snapshot: Snapshot | null;
	history: RecordHistory;
	score: RecordScore;
}

export interface Facet<T extends string> {
	code: T;
	name: string;
	count: number;
}

export interface Register {
	/** Records sorted by title. */
	records: RegisterRecord[];
	/**
	 * The records whose pages this build renders: all of them, except those an incremental build
	 * can keep from the last build (see build-plan.ts). Per-record routes list only these.
	 */
	renderRecords: RegisterRecord[];
	byId: ReadonlyMap<string, RegisterRecord>;
	publishers: ReadonlyMap<string, RegisterPublisher>;
	/** Every source of data/sources/, sorted by name. */
	sources: RegisterSource[];
	countries: Facet<CountryCode>[];
	themes: Facet<ThemeCode>[];
	/** Every change over the window, newest first. */
	changes: Change[];
	/** When this build ran. */
	builtAt: Date;
	/** When the latest verify run that wrote history finished, if any. */
	lastRunAt: string | null;
	/**
	 * Every record of the catalog in brief, when `records` holds one shard's records only
	 * (register-from-disk.ts): what the record files' whole-register aggregates need — each
	 * publisher card's count of datasets, the badge files' clash check. Undefined when `records`
	 * is the whole register.
	 */
	everyRecord?: readonly RecordInBrief[];
}

/** A record as whole-register aggregates over a shard's files see it: no measurements. */
export interface RecordInBrief {
	id: string;
	kind: Entry['kind'];
	publisher: RegisterPublisher;
}

/** A catalog entry as either adapter hands it over. */
export interface RegisterEntry {
	id: string;
	data: Entry;
	body: string;
	/** Sanitised HTML of the body; computed here when the adapter has none. */
	html?: string;
	filePath?: string;
	/** Every imported catalogue that lists it (load-catalog.ts). */
	provenance?: Provenance[];
	/** Machine-written by the importers. */
	imported?: boolean;
}

/** The sources and how their last imports went (loadCatalog's `sources` and `importStates`). */
export interface SourcesInput {
	sources: ReadonlyMap<string, { source: SourceFile }>;
	states: ReadonlyMap<string, ImportState>;
}

const NO_SOURCES: SourcesInput = { sources: new Map(), states: new Map() };

export interface Measurements {
	snapshots: Map<string, Snapshot>;
	days: HistoryDay[];
}

/**
 * The snapshots of the given records and the last HISTORY_NIGHTS nights of history. A corrupt
 * file rejects the whole load, every corrupt file listed: published without it, a record would
 * read "not yet verified" or lose nights of uptime, and one warning among a build's output goes
 * unseen — the site would silently say less than the data holds.
 */
export async function loadMeasurements(
	dataDir: string,
	ids: readonly string[],
	now: Date,
): Promise<Measurements> {
	const { snapshots, problems: snapshotProblems } = await readSnapshots(dataDir, ids);
	const { days, problems: historyProblems } = await readHistoryRange(
		dataDir,
		now.toISOString().slice(0, 10),
		HISTORY_NIGHTS,
	);
	const problems = [...snapshotProblems, ...historyProblems];
	if (problems.length > 0) {
		throw new Error(
			`${problems.length} stored measurement file${problems.length === 1 ? ' is' : 's are'} corrupt, so the register is not built (its records would read as never verified):\n${problems.map((p) => formatProblem(p)).join('\n')}`,
		);
	}
	return { snapshots, days };
}

function facet<T extends string>(values: readonly T[], name: (code: T) => string): Facet<T>[] {
	const counts = new Map<T, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts]
		.map(([code, count]) => ({ code, name: name(code), count }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * The register from its inputs — entries, publishers and measurements — with every record's
 * history and score. Pure apart from rendering descriptions; both the Astro pages and the
 * build's asset writer assemble it through here, so they cannot disagree.
 */
export function assembleRegister(
	entries: readonly RegisterEntry[],
	publishers: ReadonlyMap<string, RegisterPublisher>,
	measurements: Measurements,
	builtAt: Date,
	renderHtml: (markdown: string) => string,
	sourcesInput: SourcesInput = NO_SOURCES,
): Register {
	const today = builtAt.toISOString().slice(0, 10);
	const changesById = new Map<string, Change[]>();
	const allChanges: Change[] = [];
	for (const day of measurements.days) {
		for (const change of day.changes) {
			allChanges.push(change);
			const list = changesById.get(change.id) ?? [];
			list.push(change);
			changesById.set(change.id, list);
		}
	}
	allChanges.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
	const dates = Array.from({ length: HISTORY_NIGHTS }, (_, i) =>
		isoDateDaysBefore(today, HISTORY_NIGHTS - 1 - i),
	);
	const dayByDate = new Map(measurements.days.map((d) => [d.date, d]));
	const window = dates.map(
		(date) => dayByDate.get(date) ?? { date, outcomes: {}, changes: [], runs: [] },
	);

	const records: RegisterRecord[] = entries.map((item) => {
		const entry = item.data;
		const publisher = publishers.get(entry.publisher);
		if (!publisher) throw new Error(`${item.id}: publisher ${entry.publisher} is missing`);
		const snapshot = measurements.snapshots.get(item.id) ?? null;
		const strip = recordStrip(window, item.id);
		const uptime30 = uptimeOf(strip.slice(-30));
		const history: RecordHistory = {
			strip,
			dates,
			uptime30,
			uptime90: uptimeOf(strip),
			changes: [...(changesById.get(item.id) ?? [])].reverse(),
		};
		let html = item.html;
		const listedBy = (item.provenance ?? []).map(
			(p): Listing => ({
				source: p.source,
				name: sourcesInput.sources.get(p.source)?.source.name ?? p.source,
				...(p.sourceUrl !== undefined ? { pageUrl: p.sourceUrl } : {}),
				firstSeen: p.firstSeen,
				...(p.delistedAt !== undefined ? { delistedAt: p.delistedAt } : {}),
			}),
		);
		return {
			id: item.id,
			entry,
			publisher,
			imported: item.imported ?? false,
			listedBy,
			// Rendered on first use: the build's asset writer never needs it.
			get descriptionHtml() {
				html ??= renderHtml(item.body);
				return html;
			},
			descriptionMarkdown: item.body,
			descriptionText: descriptionText(item.body),
			sourcePath: item.filePath ?? `data/catalog/${entry.country.toLowerCase()}/${item.id}.md`,
			snapshot,
			history,
			score: scoreRecord({ entry, description: item.body, publisher, snapshot, uptime30 }),
		};
	});
	records.sort((a, b) => a.entry.title.localeCompare(b.entry.title, 'en'));
	const lastRun = measurements.days.flatMap((d) => d.runs).at(-1);
	const bySource = new Map<string, RegisterRecord[]>();
	for (const record of records) {
		for (const { source } of record.listedBy) {
			const list = bySource.get(source) ?? [];
			if (list.at(-1) !== record) list.push(record);
			bySource.set(source, list);
		}
	}
	const sources: RegisterSource[] = [...sourcesInput.sources]
		.map(([id, { source }]) => ({
			id,
			source,
			state: sourcesInput.states.get(id) ?? null,
			records: bySource.get(id) ?? [],
		}))
		.sort((a, b) => a.source.name.localeCompare(b.source.name, 'en') || (a.id < b.id ? -1 : 1));
	return {
		records,
		renderRecords: records,
		byId: new Map(records.map((r) => [r.id, r])),
		publishers,
		sources,
		countries: facet(
			records.map((r) => r.entry.country),
			countryName,
		),
		themes: facet(
			records.flatMap((r) => r.entry.themes ?? []),
			themeName,
		),
		changes: allChanges,
		builtAt,
		lastRunAt: lastRun?.finishedAt ?? null,
	};
}
