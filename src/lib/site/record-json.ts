import type { RecordDocument, RecordSummary } from '../../schemas/api-record.ts';
import type { RegisterRecord } from '../register/assemble-register.ts';
import {
	absoluteUrl as absolute,
	badgePath,
	recordJsonPath,
	recordPath,
	shareImagePath,
	sourceUrl,
} from '../register/urls.ts';
import { describeLicence } from '../vocab/licences.ts';

/**
 * `/api/v1/records/<id>.json`: the entry, its last check, its history and its score with reasons
 * and evidence. Typed by its schema (src/schemas/api-record.ts), from which the OpenAPI
 * description is generated: a field added here and not there, or there and not here, fails `tsc`.
 */
export function recordDocument(record: RegisterRecord): RecordDocument {
	const { entry, publisher, snapshot, history, score } = record;
	return {
		id: record.id,
		links: {
			page: absolute(recordPath(record.id)),
			json: absolute(recordJsonPath(record.id)),
			badge: absolute(badgePath(record.id)),
			og: absolute(shareImagePath(record)),
			source: sourceUrl(record.sourcePath),
		},
		entry,
		description: { markdown: record.descriptionMarkdown, text: record.descriptionText },
		licence: entry.licence ? describeLicence(entry.licence) : null,
		publisher,
		imported: record.imported,
		/** The imported catalogues that list it, with first/last seen and any delisting. */
		listedBy: record.listedBy,
		verification: snapshot
			? {
					state: snapshot.outcome,
					checkedAt: snapshot.checkedAt,
					reason: snapshot.reason,
					lastUpAt: snapshot.lastUpAt,
					checks: snapshot.checks,
					proofs: snapshot.proofs,
					contract: snapshot.contract ?? null,
					files: snapshot.files ?? [],
				}
			: {
					state: 'not-yet-verified',
					checkedAt: null,
					reason: 'The verifier has not checked this record yet.',
					lastUpAt: null,
					checks: [],
					proofs: [],
					contract: null,
					files: [],
				},
		schema: snapshot?.spec ?? null,
		history: {
			uptime30: history.uptime30,
			uptime90: history.uptime90,
			/**
			 * The last nights, oldest first, one letter each — U up, D degraded, X down, I
			 * inconclusive, `.` not checked — from `first` to `last` (a string rather than a map of
			 * dates: a fifth of the bytes, for every record).
			 */
			nights: {
				first: history.dates[0] ?? null,
				last: history.dates.at(-1) ?? null,
				outcomes: history.strip.map((letter) => letter ?? '.').join(''),
			},
			changes: history.changes,
		},
		score: {
			total: score.total,
			band: score.band,
			provisional: score.provisional,
			tier: score.tier,
			// Each axis without its hints: the hints are listed once, below, across all axes. The
			// officialness axis keeps its summary line: its other reasons are the proof signals one
			// by one, which `evidence` holds with more detail (a tenth of the document, twice).
			axes: score.axes.map(({ hints: _hints, ...axis }) =>
				axis.axis === 'officialness' ? { ...axis, reasons: axis.reasons.slice(0, 1) } : axis,
			),
			evidence: score.proofs,
			hints: score.hints,
		},
	};
}

/** One item of `/api/v1/records.json`, typed by its schema as the document is. */
export function recordSummary(record: RegisterRecord): RecordSummary {
	const { entry, snapshot, score } = record;
	return {
		id: record.id,
		title: entry.title,
		summary: entry.summary,
		kind: entry.kind,
		country: entry.country,
		publisher: entry.publisher,
		access: entry.access,
		licence: entry.licence ?? null,
		themes: entry.themes ?? [],
		url: absolute(recordPath(record.id)),
		json: absolute(recordJsonPath(record.id)),
		state: snapshot?.outcome ?? 'not-yet-verified',
		checkedAt: snapshot?.checkedAt ?? null,
		score: {
			total: score.total,
			band: score.band,
			provisional: score.provisional,
			tier: score.tier,
		},
	};
}
