import { z } from 'zod';
import type { BadgeVariant } from '../register/urls.ts';
import { badgeContent } from './badge-content.ts';
import type { BadgeFacts } from './badge-facts.ts';

/**
 * The shields.io endpoint-badge format, schema version 1
 * (https://shields.io/badges/endpoint-badge). Strict, as shields.io is: it rejects unknown keys.
 */
export const ShieldsEndpointSchema = z
	.strictObject({
		/** Always 1. */
		schemaVersion: z.literal(1),
		/** Left text; the empty string drops the left side. */
		label: z.string(),
		/** Right text; never empty. */
		message: z.string().min(1),
		/**
		 * Right colour: a named shields colour, hex, rgb(a), hsl(a) or a CSS colour name.
		 * @example 'green'
		 */
		color: z.string().min(1).optional(),
		/** Left colour. */
		labelColor: z.string().min(1).optional(),
		/** True keeps users from overriding the colour. */
		isError: z.boolean().optional(),
		/** A simple-icons slug. */
		namedLogo: z.string().optional(),
		/** A custom logo as an SVG string. */
		logoSvg: z.string().optional(),
		/** Logo colour; only for named logos. */
		logoColor: z.string().optional(),
		/** `auto` resizes the logo to its content. */
		logoSize: z.string().optional(),
		/** Logo width (older shields releases). */
		logoWidth: z.number().optional(),
		/** flat, flat-square, plastic, for-the-badge or social. */
		style: z.enum(['flat', 'flat-square', 'plastic', 'for-the-badge', 'social']).optional(),
		/** HTTP cache lifetime shields.io should use; values under 300 are ignored. */
		cacheSeconds: z.number().int().min(0).optional(),
	})
	.refine((v) => !(v.namedLogo !== undefined && v.logoSvg !== undefined), {
		message: 'namedLogo and logoSvg cannot both be set',
	})
	.refine((v) => v.logoColor === undefined || v.namedLogo !== undefined, {
		message: 'logoColor only applies to a namedLogo',
	});
export type ShieldsEndpoint = z.output<typeof ShieldsEndpointSchema>;

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
