import { getRssString } from '@astrojs/rss';
import type { Change } from '../../schemas/history.ts';
import { cleanText, escapeXml } from '../badges/safe-text.ts';
import type { Register } from '../register/assemble-register.ts';
import { OUTCOME_LABELS } from '../register/labels.ts';
import { recordPath, SITE_URL } from '../register/urls.ts';
import { contractChangeText } from '../verify/changes.ts';

/** Items of the changes feed: the newest first, first checks left out (they are not news). */
export const FEED_ITEMS = 100;

/** Names listed in one item's description; the rest become "…". */
const NAMES_LISTED = 12;

function count(n: number, noun: string, verb: string): string[] {
	return n === 0 ? [] : [`${n} ${noun}${n === 1 ? '' : 's'} ${verb}`];
}

/** What changed, in the register's own words: no name a server chose appears here. */
function headline(change: Change): string {
	if (change.type === 'outcome') {
		return `${OUTCOME_LABELS[change.from ?? 'unverified'].toLowerCase()} → ${OUTCOME_LABELS[change.to].toLowerCase()}`;
	}
	if (change.type === 'spec-validity') return `spec became ${change.to ? 'valid' : 'invalid'}`;
	if (change.type === 'contract') return contractChangeText(change);
	const { added, removed } = change;
	const counts = [
		...count(added.parameters.length, 'parameter', 'added'),
		...count(added.fields.length, 'field', 'added'),
		...count(removed.parameters.length, 'parameter', 'removed'),
		...count(removed.fields.length, 'field', 'removed'),
	];
	return `schema changed: ${counts.join(', ') || 'no names differ'}`;
}

/** The change in plain text, server-chosen names and reason included. */
function details(change: Change, reason: string | undefined): string {
	if (change.type === 'outcome')
		return reason ? `${headline(change)}. ${reason}` : `${headline(change)}.`;
	if (change.type === 'spec-validity' || change.type === 'contract') return `${headline(change)}.`;
	const names = [
		...change.added.parameters.map((n) => `+parameter ${n}`),
		...change.added.fields.map((n) => `+field ${n}`),
		...change.removed.parameters.map((n) => `−parameter ${n}`),
		...change.removed.fields.map((n) => `−field ${n}`),
	];
	const more = names.length > NAMES_LISTED ? ', …' : '';
	return `schema changed: ${names.slice(0, NAMES_LISTED).join(', ')}${more}`;
}

export interface FeedItem {
	title: string;
	link: string;
	pubDate: Date;
	description: string;
}

/**
 * What changed in the register — states and schemas — as feed items, every string safe for a
 * reader that treats it as HTML and for the XML around it.
 *
 * Field and parameter names and failure reasons come from servers. RSS 2.0 readers render a
 * `<description>` as HTML once they have decoded the XML, so a description is HTML: our plain
 * text, with characters XML forbids removed, escaped once here and once more by the XML builder.
 * Sent as plain text instead, a field named `<img onerror=…>` would run in the reader. Readers
 * disagree on whether a `<title>` is text or HTML, and no escaping is right for both, so titles
 * hold only the catalog title (validated to contain no HTML) and the register's own words.
 * Changes of records no longer in the catalog are left out: their links would lead nowhere.
 */
export function changeFeedItems(register: Pick<Register, 'changes' | 'byId'>): FeedItem[] {
	return register.changes
		.filter((c) => !(c.type === 'outcome' && c.from === null))
		.flatMap((change) => {
			const record = register.byId.get(change.id);
			return record ? [{ change, record }] : [];
		})
		.slice(0, FEED_ITEMS)
		.map(({ change, record }) => {
			const reason = change.type === 'outcome' ? record.snapshot?.reason : undefined;
			return {
				title: cleanText(`${record.entry.title}: ${headline(change)}`),
				link: recordPath(change.id),
				pubDate: new Date(change.at),
				description: escapeXml(cleanText(details(change, reason))),
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
