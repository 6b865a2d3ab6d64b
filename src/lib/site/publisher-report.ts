import type { Entry } from '../../schemas/entry.ts';
import type { RegisterPublisher } from '../../schemas/publisher.ts';
import type { Outcome } from '../../schemas/snapshot.ts';
import type { ProofSignal } from '../score/constants.ts';
import type { Hint, RecordScore } from '../score/types.ts';
import { describeLicence } from '../vocab/licences.ts';

/** What a report card reads of a record: its kind, licence, spec, last outcome and score. */
export interface ReportRecord {
	entry: Pick<Entry, 'kind' | 'publisher' | 'licence'> & { spec?: unknown };
	snapshot: { outcome: Outcome } | null;
	score: Pick<RecordScore, 'total' | 'hints' | 'proofs'>;
}

/**
 * The hint that would add the most points, or null when no hint adds any ("nothing to fix").
 * On a tie the first listed wins: the score lists its hints largest gain first, axes in order.
 */
export function mostValuableFix(hints: readonly Hint[]): Hint | null {
	let best: Hint | null = null;
	for (const hint of hints)
		if (hint.gain > 0 && (best === null || hint.gain > best.gain)) best = hint;
	return best;
}

/** The median of the values: the middle one, or the mean of the two middle ones; null when none. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = values.toSorted((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The proofs a publisher's file backs: the report counts how many of its records earn them. */
export const PUBLISHER_PROOFS = [
	'official-domain',
	'github-org',
] as const satisfies readonly ProofSignal[];

export interface PublisherTotals {
	records: number;
	apis: number;
	/** Records by their latest outcome; `unverified` = never checked. */
	outcomes: Record<Outcome | 'unverified', number>;
	/** Mean of the records' scores, to one decimal; null without records. */
	meanScore: number | null;
	/** Of the records whose last check gave a verdict (up, degraded, down), the share up; null when none did. */
	upShare: number | null;
	/** Share of the records under an open licence; null without records. */
	openLicenceShare: number | null;
	/** Share of the APIs that declare a spec (datasets have none); null without APIs. */
	specShare: number | null;
	/** Records earning each proof the publisher's file backs. */
	proofs: Record<(typeof PUBLISHER_PROOFS)[number], number>;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function isOpenLicence(licence: string | undefined): boolean {
	return licence !== undefined && describeLicence(licence).open;
}

/** A publisher's totals over its records. */
export function publisherTotals(records: readonly ReportRecord[]): PublisherTotals {
	const outcomes = { up: 0, degraded: 0, down: 0, inconclusive: 0, unverified: 0 };
	const proofs = { 'official-domain': 0, 'github-org': 0 };
	let scoreSum = 0;
	let open = 0;
	let apis = 0;
	let specs = 0;
	for (const r of records) {
		outcomes[r.snapshot?.outcome ?? 'unverified'] += 1;
		scoreSum += r.score.total;
		if (isOpenLicence(r.entry.licence)) open += 1;
		if (r.entry.kind === 'api') {
			apis += 1;
			if (r.entry.spec !== undefined) specs += 1;
		}
		for (const proof of r.score.proofs)
			if (proof.earned && proof.signal in proofs) proofs[proof.signal as keyof typeof proofs] += 1;
	}
	const n = records.length;
	return {
		records: n,
		apis,
		outcomes,
		meanScore: n === 0 ? null : Math.round((scoreSum / n) * 10) / 10,
		upShare: share(outcomes.up, outcomes.up + outcomes.degraded + outcomes.down),
		openLicenceShare: share(open, n),
		specShare: share(specs, apis),
		proofs,
	};
}

/** The measures compared with the country, each a number per publisher (or null: not measurable). */
export const COMPARED = [
	'records',
	'meanScore',
	'upShare',
	'openLicenceShare',
	'specShare',
] as const;
export type ComparedMeasure = (typeof COMPARED)[number];

/** One measure's median over a country's publishers, and over how many publishers it was taken. */
export interface CountryMedian {
	median: number | null;
	/** Publishers of the country that have a value for this measure (specShare: those with APIs). */
	of: number;
}

export interface CountryComparison {
	country: RegisterPublisher['country'];
	/** Publishers of the country with at least one record: the ones a median is taken over. */
	publishers: number;
	medians: Record<ComparedMeasure, CountryMedian>;
}

/**
 * Each measure's median over the given publishers' totals — the publishers of one country with
 * at least one record; a publisher with no value for a measure (no APIs for the spec share) is
 * left out of that measure's median rather than counted as zero.
 */
export function countryComparison(
	country: RegisterPublisher['country'],
	totals: readonly PublisherTotals[],
): CountryComparison {
	const medians = Object.fromEntries(
		COMPARED.map((measure) => {
			const values = totals.flatMap((t) => (t[measure] === null ? [] : [t[measure]]));
			return [measure, { median: median(values), of: values.length }];
		}),
	) as Record<ComparedMeasure, CountryMedian>;
	return { country, publishers: totals.length, medians };
}

export interface PublisherReport<R extends ReportRecord = ReportRecord> {
	publisher: RegisterPublisher;
	/** Its records, in the register's order (by title). */
	records: R[];
	totals: PublisherTotals;
	country: CountryComparison;
}

/**
 * Every publisher's report, computed in one pass over the register (pages and exports each call
 * this once, not once per publisher). A publisher without records still gets a report; it is
 * left out of its country's medians, which describe publishers that publish.
 */
export function publisherReports<R extends ReportRecord>(register: {
	records: readonly R[];
	publishers: ReadonlyMap<string, RegisterPublisher>;
}): Map<string, PublisherReport<R>> {
	const byPublisher = Map.groupBy(register.records, (r) => r.entry.publisher);
	const totals = new Map(
		[...register.publishers.keys()].map((id) => [id, publisherTotals(byPublisher.get(id) ?? [])]),
	);
	const publishing = [...register.publishers.values()].filter(
		(p) => (totals.get(p.id)?.records ?? 0) > 0,
	);
	const byCountry = new Map(
		[...Map.groupBy(publishing, (p) => p.country)].map(([country, publishers]) => [
			country,
			countryComparison(
				country,
				publishers.map((p) => totals.get(p.id) as PublisherTotals),
			),
		]),
	);
	return new Map(
		[...register.publishers.values()].map((publisher) => [
			publisher.id,
			{
				publisher,
				records: byPublisher.get(publisher.id) ?? [],
				totals: totals.get(publisher.id) as PublisherTotals,
				country: byCountry.get(publisher.country) ?? countryComparison(publisher.country, []),
			},
		]),
	);
}
