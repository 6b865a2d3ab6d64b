import type { DownloadRow } from '../../../schemas/download-row.ts';
import type { RegisterRecord } from '../../register/assemble-register.ts';
import { recordSummary } from '../../site/record-json.ts';
import { capturedCounts } from './field-rows.ts';

/** A list as one cell: space-separated, or null when empty (an empty CSV cell reads as null). */
const spaced = (items: readonly string[]): string | null =>
	items.length > 0 ? [...new Set(items)].join(' ') : null;

/**
 * A record flattened into one row of the bulk downloads. The columns records.json also gives come
 * from its own summary (recordSummary), so the two cannot disagree.
 */
export function downloadRow(record: RegisterRecord): DownloadRow {
	const { entry, publisher, snapshot, history, score } = record;
	const summary = recordSummary(record);
	const axis = (name: string) => score.axes.find((a) => a.axis === name)?.score ?? null;
	const counts = capturedCounts(snapshot);
	const spec = snapshot?.spec && snapshot.spec.version !== null ? snapshot.spec : null;
	return {
		id: summary.id,
		kind: summary.kind,
		title: summary.title,
		summary: summary.summary,
		country: summary.country,
		level: entry.level ?? 'national',
		publisher_id: summary.publisher,
		publisher: publisher.name,
		access: summary.access,
		licence: summary.licence,
		themes: spaced(summary.themes),
		// recordSummary's state, narrowed: its type is a plain string.
		outcome: snapshot?.outcome ?? 'not-yet-verified',
		checked_at: summary.checkedAt,
		uptime_30d: history.uptime30.ratio,
		uptime_90d: history.uptime90.ratio,
		score: summary.score.total,
		score_band: summary.score.band,
		score_provisional: summary.score.provisional,
		proof_tier: summary.score.tier,
		score_officialness: axis('officialness'),
		score_availability: axis('availability'),
		score_metadata: axis('metadata'),
		score_licence: axis('licence'),
		score_agentReadiness: axis('agentReadiness'),
		spec_version: spec?.version ?? null,
		parameters: counts.parameters,
		fields: counts.fields,
		// Catalogues that list it tonight (a delisting ends a listing), and those the entry names.
		sources: spaced([
			...record.listedBy.filter((l) => l.delistedAt === undefined).map((l) => l.source),
			...(entry.sources ?? []).map((s) => s.catalogue),
		]),
		homepage: entry.homepage ?? null,
		base_url: entry.kind === 'api' ? (entry.productionUrl ?? entry.baseUrl ?? null) : null,
		docs_url: entry.docs ?? null,
		spec_url: entry.kind === 'api' ? (entry.spec?.url ?? null) : null,
		page_url: summary.url,
		json_url: summary.json,
	};
}
