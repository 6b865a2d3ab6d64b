import type { RegisterPublisher } from '../../schemas/publisher.ts';
import type { BadgeState } from '../badges/badge-facts.ts';
import { truncateText } from '../badges/safe-text.ts';
import type { RegisterRecord } from '../register/assemble-register.ts';
import { kindLabel } from '../register/labels.ts';
import { SITE_URL } from '../register/urls.ts';
import type { Band } from '../score/constants.ts';
import { countryName } from '../vocab/countries.ts';

/**
 * Everything a social preview image shows, as plain data: it is hashed for the cache and sent to
 * render workers, so it holds nothing else — nothing that changes from night to night unless
 * the image should.
 */
export interface OgCard {
	/** Record id, drawn in place of a title the fonts cannot draw; null on the default card. */
	id: string | null;
	/** "API · France"; above the title. */
	kicker: string;
	title: string;
	/** The publisher's name, or the default card's strap line. */
	byline: string;
	/** Latest outcome; null on the default card. */
	state: BadgeState | null;
	score: { total: number; band: Band; provisional: boolean } | null;
	/** Host name printed in the corner, e.g. c0mm0.com. */
	site: string;
}

/** Longest title and byline kept, in UTF-16 code units; the layout clamps lines as well. */
export const OG_TITLE_MAX = 120;
export const OG_BYLINE_MAX = 160;

const siteHost = () => new URL(SITE_URL).host;

export function ogCardOf(record: RegisterRecord): OgCard {
	const { entry, publisher, score } = record;
	return {
		id: record.id,
		kicker: `${kindLabel(entry.kind)} · ${countryName(entry.country)}`,
		title: truncateText(entry.title, OG_TITLE_MAX),
		byline: truncateText(publisher.name, OG_BYLINE_MAX),
		state: record.snapshot?.outcome ?? 'unverified',
		score: { total: score.total, band: score.band, provisional: score.provisional },
		site: siteHost(),
	};
}

/**
 * The card a publisher's datasets share (issue 15: one image per publisher, not per dataset):
 * who publishes them and how many the register lists. No state or score: those are each dataset's.
 */
export function publisherOgCard(publisher: RegisterPublisher, datasets: number): OgCard {
	return {
		id: publisher.id,
		kicker: `Datasets · ${countryName(publisher.country)}`,
		title: truncateText(publisher.name, OG_TITLE_MAX),
		byline: `${datasets} dataset${datasets === 1 ? '' : 's'} in the register`,
		state: null,
		score: null,
		site: siteHost(),
	};
}

/** The image of every page that is not a record page (`/og/default.png`). */
export function defaultOgCard(): OgCard {
	return {
		id: null,
		kicker: 'Public APIs and datasets of Europe',
		title: 'The continuously verified register of European data',
		byline: 'Official sources, checked every night: availability, schemas, licences and proof',
		state: null,
		score: null,
		site: siteHost(),
	};
}
