import { z } from 'zod';
import { OutcomeSchema } from './snapshot.ts';

/** One letter per outcome keeps a night of 10,000 records to a couple of hundred kilobytes. */
export const OUTCOME_LETTERS = { up: 'U', degraded: 'D', down: 'X', inconclusive: 'I' } as const;
export const OutcomeLetterSchema = z.enum(['U', 'D', 'X', 'I']);
export type OutcomeLetter = z.output<typeof OutcomeLetterSchema>;

const NameList = z.array(z.string());

export const ChangeSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('outcome'),
		id: z.string(),
		at: z.iso.datetime(),
		from: OutcomeSchema.nullable(),
		to: OutcomeSchema,
	}),
	z.object({
		type: z.literal('schema'),
		id: z.string(),
		at: z.iso.datetime(),
		added: z.object({ parameters: NameList, fields: NameList }),
		removed: z.object({ parameters: NameList, fields: NameList }),
	}),
	z.object({
		type: z.literal('spec-validity'),
		id: z.string(),
		at: z.iso.datetime(),
		from: z.boolean().nullable(),
		to: z.boolean(),
	}),
	/** The answer of the contract check began, or ceased, to match the published schema. */
	z.object({
		type: z.literal('contract'),
		id: z.string(),
		at: z.iso.datetime(),
		from: z.boolean(),
		to: z.boolean(),
	}),
]);
export type Change = z.output<typeof ChangeSchema>;

export const RunSummarySchema = z.object({
	startedAt: z.iso.datetime(),
	finishedAt: z.iso.datetime(),
	/** `K/N` when the run was one shard of several. */
	shard: z.string().nullable(),
	records: z.number().int().nonnegative(),
	counts: z.object({
		up: z.number(),
		degraded: z.number(),
		down: z.number(),
		inconclusive: z.number(),
	}),
});
export type RunSummary = z.output<typeof RunSummarySchema>;

/**
 * `data/history/<yyyy>/<yyyy-mm-dd>.json`: one file per night — each record's outcome as one
 * letter, what changed, and the runs that produced it. Uptime over 30 and 90 days is read from
 * the last files; git stores each night as one small blob.
 */
export const HistoryDaySchema = z.object({
	date: z.iso.date(),
	outcomes: z.record(z.string(), OutcomeLetterSchema),
	changes: z.array(ChangeSchema),
	runs: z.array(RunSummarySchema),
});
export type HistoryDay = z.output<typeof HistoryDaySchema>;
