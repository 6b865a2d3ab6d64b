import {
	HarvestedRecordSchema,
	type HarvestSkip,
	type ImportedPublisher,
	type ImportedRecord,
	ImportStateSchema,
} from '../../schemas/imported.ts';
import type { SourceFile } from '../../schemas/source.ts';
import type { PublisherFile } from '../catalog/load-publishers.ts';
import { withoutControlCharacters } from '../cli/safe-log-text.ts';
import {
	type Adapter,
	type AdapterContext,
	type ImportHttp,
	type ImportLimits,
	SourceFailure,
} from './adapter.ts';
import { IdAssigner } from './assign-ids.ts';
import { IMPORT_DEFAULTS, importLimits } from './constants.ts';
import { withDeadline } from './import-http.ts';
import { createPublisherMatcher } from './match-publisher.ts';
import { normaliseRecord } from './normalise-record.ts';

/**
 * Reading one source: its adapter's items, each harvested record normalised (ids, publishers,
 * entry rules), skips and dropped values counted. Writes nothing; import-source.ts decides what
 * the night keeps.
 */

export interface SourceRun {
	source: SourceFile;
	/** Resolves the source's adapter; a rejection fails the source. */
	adapter: () => Promise<Adapter>;
	http: ImportHttp;
	dataDir: string;
	now: Date;
	allowPrivate: boolean;
	dryRun: boolean;
	/** Hand-written publishers. */
	publishers: ReadonlyMap<string, PublisherFile>;
	/** Ids of hand-written entries. */
	handWritten: ReadonlySet<string>;
	/** Whether another source's import holds an id. */
	otherImports: { has(id: string): boolean };
	limits?: Partial<ImportLimits>;
	/** How long the whole source may take (tests shorten it). */
	deadlineMs?: number;
	/** Called once per item the adapter yields (progress). */
	onItem?: () => void;
}

export const oneLine = (text: string) =>
	withoutControlCharacters(text).replace(/\s+/g, ' ').trim().slice(0, 500);

/** A skip line as state.json keeps it: plain, one line, within the schema's lengths. */
function cleanSkip(item: HarvestSkip): HarvestSkip {
	return {
		...(item.sourceId ? { sourceId: oneLine(item.sourceId) } : {}),
		field: oneLine(item.field).slice(0, 200),
		reason: oneLine(item.reason),
	};
}

/** One validator line of state.json: a longer URL or validator than it keeps is not remembered. */
const ValidatorSchema = ImportStateSchema.shape.validators.element;

export interface Harvest {
	records: ImportedRecord[];
	publishers: Map<string, ImportedPublisher>;
	skipped: HarvestSkip[];
	skippedCount: number;
	dropped: { count: number; first: HarvestSkip[] };
	validators: Map<string, { etag?: string; lastModified?: string }>;
}

export async function harvestSource(
	run: SourceRun,
	previous: readonly ImportedRecord[],
	previousValidators: ReadonlyMap<string, { etag?: string; lastModified?: string }>,
	signal: AbortSignal,
): Promise<Harvest> {
	const { source } = run;
	const today = run.now.toISOString().slice(0, 10);
	const limits: ImportLimits = { ...importLimits(source.filters?.maxRecords), ...run.limits };
	const bySourceId = new Map(previous.map((r) => [r.provenance.sourceId, r]));
	const ids = new IdAssigner({
		source: source.id,
		handWritten: run.handWritten,
		otherImports: run.otherImports,
		previous: new Map(previous.map((r) => [r.provenance.sourceId, r.entry.id])),
	});
	const context = {
		source,
		today,
		allowPrivate: run.allowPrivate,
		publishers: run.publishers,
		matchPublisher: createPublisherMatcher(source.id, run.publishers),
		ids,
		previous: bySourceId,
	};
	const out: Harvest = {
		records: [],
		publishers: new Map(),
		skipped: [],
		skippedCount: 0,
		dropped: { count: 0, first: [] },
		validators: new Map(),
	};
	const skip = (item: HarvestSkip) => {
		out.skippedCount += 1;
		// A source yielding nothing but rubbish would otherwise never stop.
		if (out.skippedCount > limits.maxRecords) {
			throw new SourceFailure(`left out more than ${limits.maxRecords} records`);
		}
		if (out.skipped.length < IMPORT_DEFAULTS.skippedKept) out.skipped.push(cleanSkip(item));
	};
	const adapterContext: AdapterContext = {
		source,
		http: withDeadline(run.http, signal),
		limits,
		signal,
		previousValidators,
		rememberValidators: (url, validators) => {
			// Cut, a validator would never match again; and state.json refuses it whole.
			if (out.validators.size < 50 && ValidatorSchema.safeParse({ url, ...validators }).success) {
				out.validators.set(url, validators);
			}
		},
	};
	const seen = new Set<string>();
	const adapter = await run.adapter();
	for await (const item of adapter(adapterContext)) {
		if (signal.aborted) throw new SourceFailure('took longer than its deadline');
		run.onItem?.();
		if ('skipped' in item) {
			skip(item.skipped);
			continue;
		}
		if (seen.size >= limits.maxRecords) break;
		// An adapter's output is still a stranger's data: held to the harvest caps before use.
		const checked = HarvestedRecordSchema.safeParse(item.record);
		if (!checked.success) {
			const issue = checked.error.issues[0];
			const id = (item.record as { sourceId?: unknown } | undefined)?.sourceId;
			skip({
				...(typeof id === 'string' ? { sourceId: id } : {}),
				field: issue?.path.join('.') || 'record',
				reason: issue?.message ?? 'is not a harvested record',
			});
			continue;
		}
		const record = checked.data;
		const { sourceId } = record;
		if (seen.has(sourceId)) {
			skip({ sourceId, field: 'sourceId', reason: 'listed twice; the first is kept' });
			continue;
		}
		seen.add(sourceId);
		const result = normaliseRecord(record, context);
		if ('skipped' in result) {
			skip(result.skipped);
			continue;
		}
		out.records.push(result.record);
		out.publishers.set(result.publisher.id, result.publisher);
		out.dropped.count += result.dropped.length;
		for (const d of result.dropped) {
			if (out.dropped.first.length < IMPORT_DEFAULTS.skippedPrinted) {
				out.dropped.first.push(cleanSkip(d));
			}
		}
	}
	return out;
}
