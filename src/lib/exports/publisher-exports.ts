import { publisherBadgeSvg } from '../badges/publisher-badge.ts';
import { publisherBadgePath, publisherFeedPath } from '../register/urls.ts';
import { publisherReports } from '../site/publisher-report.ts';
import { changesByPublisher, publisherFeedEntries, publisherFeedXml } from './publisher-feed.ts';
import type { SiteExport } from './write-exports.ts';

/**
 * Every publisher's badge and Atom feed, beside its report card (/publishers/<id>/). Written for
 * every publisher, records or not: a badge or feed someone embedded keeps answering.
 */
export const PUBLISHER_FILES: SiteExport = {
	name: 'publisher badges and feeds',
	*files(register) {
		const reports = publisherReports(register);
		const changes = changesByPublisher(register);
		const lastUpdate = register.lastRunAt ? new Date(register.lastRunAt) : register.builtAt;
		for (const { publisher, totals } of reports.values()) {
			yield {
				path: publisherBadgePath(publisher.id),
				content: () => [
					publisherBadgeSvg({
						id: publisher.id,
						name: publisher.name,
						records: totals.records,
						meanScore: totals.meanScore,
					}),
				],
			};
			yield {
				path: publisherFeedPath(publisher.id),
				content: () => [
					publisherFeedXml(
						publisher,
						publisherFeedEntries(changes.get(publisher.id) ?? [], register.byId),
						lastUpdate,
					),
				],
			};
		}
	},
};
