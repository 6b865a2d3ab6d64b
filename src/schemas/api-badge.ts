import { z } from 'zod';

/**
 * `/badges/<id>.json`: the shields.io endpoint-badge format, schema version 1
 * (https://shields.io/badges/endpoint-badge), which shields.io turns into a badge of its own style.
 * Strict, as shields.io is: it rejects unknown keys.
 */
export const ShieldsEndpointSchema = z
	.strictObject({
		/** Always 1. */
		schemaVersion: z.literal(1).describe('Version of the shields.io endpoint format: always 1.'),
		/** Left text; the empty string drops the left side. */
		label: z.string().meta({ description: 'Left text of the badge.', examples: ['c0mm0'] }),
		/** Right text; never empty. */
		message: z
			.string()
			.min(1)
			.meta({ description: 'Right text: the outcome and score.', examples: ['up · 70 good'] }),
		/**
		 * Right colour: a named shields colour, hex, rgb(a), hsl(a) or a CSS colour name.
		 * @example 'green'
		 */
		color: z
			.string()
			.min(1)
			.optional()
			.meta({ description: 'Right colour, as the SVG badge shows it.' }),
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
		cacheSeconds: z
			.number()
			.int()
			.min(0)
			.optional()
			.describe('How long shields.io may cache the badge, in seconds.'),
	})
	.refine((v) => !(v.namedLogo !== undefined && v.logoSvg !== undefined), {
		message: 'namedLogo and logoSvg cannot both be set',
	})
	.refine((v) => v.logoColor === undefined || v.namedLogo !== undefined, {
		message: 'logoColor only applies to a namedLogo',
	})
	.meta({
		title: 'Badge endpoint',
		description:
			"A record's badge in the shields.io endpoint format: https://img.shields.io/endpoint?url=<this file's URL> draws it in any shields style.",
	});
export type ShieldsEndpoint = z.output<typeof ShieldsEndpointSchema>;
