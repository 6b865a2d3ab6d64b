import type { Access } from '../../schemas/entry.ts';
import type { Outcome } from '../../schemas/snapshot.ts';

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

export function percent(ratio: number | null): string {
	return ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}
