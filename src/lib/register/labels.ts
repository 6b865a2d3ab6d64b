import type { Access, Entry } from '../../schemas/entry.ts';
import type { Outcome } from '../../schemas/snapshot.ts';
import { countryName } from '../vocab/countries.ts';

/** The words the site, badges, OG cards and search use for a record's state and kind. */
export const OUTCOME_LABELS: Record<Outcome | 'unverified', string> = {
	up: 'Up',
	degraded: 'Degraded',
	down: 'Down',
	inconclusive: 'Inconclusive',
	unverified: 'Not yet verified',
};

export const ACCESS_LABELS: Record<Access, string> = {
	open: 'Open access',
	key: 'Key required',
	oauth2: 'OAuth 2.0',
	restricted: 'Restricted access',
	unknown: 'Access not stated',
};

export function kindLabel(kind: 'api' | 'dataset'): string {
	return kind === 'api' ? 'API' : 'Dataset';
}

const LEVEL_LABELS: Record<NonNullable<Entry['level']>, string> = {
	national: 'National',
	regional: 'Regional',
	local: 'Local',
};

/** Where a record belongs: "European Union", or its tier and country, "Local · Poland". */
export function scopeLabel(entry: Pick<Entry, 'country' | 'level'>): string {
	return entry.country === 'EU'
		? 'European Union'
		: `${LEVEL_LABELS[entry.level ?? 'national']} · ${countryName(entry.country)}`;
}

export function percent(ratio: number | null): string {
	return ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}
