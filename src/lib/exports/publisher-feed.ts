import { XMLBuilder } from 'fast-xml-parser';
import type { Change } from '../../schemas/history.ts';
import type { RegisterPublisher } from '../../schemas/publisher.ts';
import { cleanText } from '../badges/safe-text.ts';
import type { Register } from '../register/assemble-register.ts';
import {
	absoluteUrl,
	listingPath,
	publisherFeedPath,
	recordPath,
	SITE_URL,
} from '../register/urls.ts';
import { changeFeedItems, FEED_ITEMS, type FeedItem } from '../site/change-feed.ts';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** The register's changes grouped by the publisher of the record they concern, newest first. */
export function changesByPublisher(
	register: Pick<Register, 'changes' | 'byId'>,
): Map<string | undefined, Change[]> {
	return Map.groupBy(register.changes, (c) => register.byId.get(c.id)?.entry.publisher);
}

export interface PublisherFeedEntry {
	change: Change;
	item: FeedItem;
}

/**
 * The entries of a publisher's feed: the site's change feed items (changes.xml — same selection,
 * same words, same escaping), one change at a time so each entry keeps the change it came from,
 * which gives it a stable id.
 */
export function publisherFeedEntries(
	changes: readonly Change[],
	byId: Register['byId'],
): PublisherFeedEntry[] {
	return changes
		.flatMap((change) =>
			changeFeedItems({ changes: [change], byId }).map((item) => ({ change, item })),
		)
		.slice(0, FEED_ITEMS);
}

/**
 * A tag: URI (RFC 4151) naming one change for good: the site's host and base, the record, the
 * kind of change and its time. It survives a change of wording or of the feed's length.
 */
export function entryId(change: Change): string {
	const host = new URL(SITE_URL).hostname;
	return `tag:${host},${change.at.slice(0, 10)}:${recordPath(change.id)}${change.type}/${new Date(change.at).toISOString()}`;
}

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	format: true,
	suppressEmptyNode: true,
});

/**
 * The Atom feed (RFC 4287) of the changes to one publisher's records, so a team can watch its own
 * APIs. Every string goes through the XML builder, which escapes it; titles are plain text (the
 * catalog title, validated to hold no HTML, and the register's words) and summaries are HTML
 * (`type="html"`), the change feed's escaped plain text, so a name a server chose is shown, never
 * run. With nothing changed, the feed is still valid: it is updated as of the last check.
 */
export function publisherFeedXml(
	publisher: Pick<RegisterPublisher, 'id' | 'name'>,
	entries: readonly PublisherFeedEntry[],
	lastUpdate: Date,
): string {
	const updated = entries[0]?.item.pubDate ?? lastUpdate;
	const feed = {
		'?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
		feed: {
			'@_xmlns': ATOM_NS,
			id: absoluteUrl(publisherFeedPath(publisher.id)),
			title: cleanText(`c0mm0 — changes to the records of ${publisher.name}`),
			subtitle:
				'Records that went down, came back, or changed their schema or spec, as checked every night.',
			updated: updated.toISOString(),
			link: [
				{
					'@_rel': 'self',
					'@_type': 'application/atom+xml',
					'@_href': absoluteUrl(publisherFeedPath(publisher.id)),
				},
				{
					'@_rel': 'alternate',
					'@_type': 'text/html',
					'@_href': absoluteUrl(listingPath('publisher', publisher.id)),
				},
			],
			author: { name: 'c0mm0', uri: SITE_URL },
			entry: entries.map(({ change, item }) => ({
				id: entryId(change),
				title: { '@_type': 'text', '#text': item.title },
				updated: item.pubDate.toISOString(),
				link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': absoluteUrl(item.link) },
				summary: { '@_type': 'html', '#text': item.description },
			})),
		},
	};
	return builder.build(feed) as string;
}
