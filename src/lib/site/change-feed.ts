import { getRssString } from '@astrojs/rss';
import type { Change } from '../../schemas/history.ts';
import type { Register } from '../register/assemble-register.ts';
import { OUTCOME_LABELS } from '../register/labels.ts';
import { recordPath, SITE_URL } from '../register/urls.ts';

/** Items of the changes feed: the newest first, first checks left out (they are not news). */
export const FEED_ITEMS = 100;

function describe(change: Change): string {
	if (change.type === 'outcome') {
		return `${OUTCOME_LABELS[change.from ?? 'unverified'].toLowerCase()} → ${OUTCOME_LABELS[change.to].toLowerCase()}`;
	}
	if (change.type === 'spec-validity') return `spec became ${change.to ? 'valid' : 'invalid'}`;
	const parts = [
		...change.added.parameters.map((n) => `+parameter ${n}`),
		...change.added.fields.map((n) => `+field ${n}`),
		...change.removed.parameters.map((n) => `−parameter ${n}`),
		...change.removed.fields.map((n) => `−field ${n}`),
	];
	return `schema changed: ${parts.slice(0, 12).join(', ')}${parts.length > 12 ? ', …' : ''}`;
}

export interface FeedItem {
	title: string;
	link: string;
	pubDate: Date;
	description: string;
}

/** What changed in the register — states and schemas — as feed items. */
export function changeFeedItems(register: Pick<Register, 'changes' | 'byId'>): FeedItem[] {
	return register.changes
		.filter((c) => !(c.type === 'outcome' && c.from === null))
		.slice(0, FEED_ITEMS)
		.map((change) => {
			const record = register.byId.get(change.id);
			const title = record?.entry.title ?? change.id;
			const what = describe(change);
			return {
				title: `${title}: ${what}`,
				link: recordPath(change.id),
				pubDate: new Date(change.at),
				description:
					change.type === 'outcome' && record?.snapshot
						? `${what}. ${record.snapshot.reason}`
						: `${what}.`,
			};
		});
}

/** The whole `/changes.xml` document, built here rather than in the endpoint so tests can read it. */
export function changeFeedXml(register: Pick<Register, 'changes' | 'byId'>): Promise<string> {
	return getRssString({
		title: 'c0mm0 — changes in the register',
		description:
			'European public APIs and datasets that went down, came back, or changed their schema, as checked every night.',
		site: SITE_URL,
		items: changeFeedItems(register),
	});
}
