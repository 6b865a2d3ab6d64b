import type { ShieldsEndpoint } from '../../schemas/api-badge.ts';
import type { BadgeVariant } from '../register/urls.ts';
import { badgeContent } from './badge-content.ts';
import type { BadgeFacts } from './badge-facts.ts';

/**
 * How long shields.io may keep the badge. The register changes once a night; an hour keeps a
 * README no more than an hour behind the site after a deploy.
 */
export const SHIELDS_CACHE_SECONDS = 3600;

/** The endpoint document for a record's badge: same words and colour as the SVG badge. */
export function shieldsEndpoint(
	facts: BadgeFacts,
	variant: BadgeVariant = 'status',
): ShieldsEndpoint {
	const { label, message, color } = badgeContent(facts, variant);
	return { schemaVersion: 1, label, message, color, cacheSeconds: SHIELDS_CACHE_SECONDS };
}
