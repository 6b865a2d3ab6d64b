import { describe, expect, it } from 'vitest';
import type { BadgeState } from '../../src/lib/badges/badge-facts.ts';
import { badgeSvg } from '../../src/lib/badges/badge-svg.ts';
import { SHIELDS_CACHE_SECONDS, shieldsEndpoint } from '../../src/lib/badges/shields-endpoint.ts';
import { BADGE_VARIANTS } from '../../src/lib/register/urls.ts';
import { BANDS } from '../../src/lib/score/constants.ts';
import { ShieldsEndpointSchema } from '../../src/schemas/api-badge.ts';
import { facts, HOSTILE_TITLES } from './facts.ts';

const STATES: BadgeState[] = ['up', 'degraded', 'down', 'inconclusive', 'unverified'];

describe('the shields.io endpoint document', () => {
	for (const state of STATES) {
		for (const { name: band } of BANDS) {
			it(`validates against the endpoint schema for a ${state}, ${band} record`, () => {
				const json = JSON.stringify(shieldsEndpoint(facts({ state, band })));
				expect(ShieldsEndpointSchema.safeParse(JSON.parse(json)).success).toBe(true);
			});
		}
	}

	it('says what the SVG badge says, in the same colour', () => {
		expect(shieldsEndpoint(facts())).toEqual({
			schemaVersion: 1,
			label: 'c0mm0',
			message: 'verified · 70 good',
			color: 'green',
			cacheSeconds: SHIELDS_CACHE_SECONDS,
		});
		for (const variant of BADGE_VARIANTS) {
			const { message } = shieldsEndpoint(facts({ state: 'degraded' }), variant);
			expect(badgeSvg(facts({ state: 'degraded' }), variant)).toContain(`>${message}</text>`);
		}
	});

	it('asks shields.io to cache for at least its minimum of 300 seconds', () => {
		expect(SHIELDS_CACHE_SECONDS).toBeGreaterThanOrEqual(300);
	});

	it('carries no title, so no title can break it', () => {
		for (const title of Object.values(HOSTILE_TITLES)) {
			const json = JSON.stringify(shieldsEndpoint(facts({ title })));
			expect(json).toBe(JSON.stringify(shieldsEndpoint(facts())));
		}
	});
});

describe('ShieldsEndpointSchema', () => {
	const valid = { schemaVersion: 1, label: 'hello', message: 'sweet world', color: 'orange' };

	it('accepts the example of the shields.io documentation', () => {
		expect(ShieldsEndpointSchema.parse(valid)).toEqual(valid);
	});

	it('accepts an empty label, which drops the left side', () => {
		expect(ShieldsEndpointSchema.safeParse({ ...valid, label: '' }).success).toBe(true);
	});

	it.each([
		['another schema version', { ...valid, schemaVersion: 2 }],
		['an empty message', { ...valid, message: '' }],
		['no label', { schemaVersion: 1, message: 'x' }],
		['an unknown key', { ...valid, title: 'x' }],
		['a fractional cacheSeconds', { ...valid, cacheSeconds: 1.5 }],
		['both a named and an SVG logo', { ...valid, namedLogo: 'github', logoSvg: '<svg/>' }],
		['a logo colour without a named logo', { ...valid, logoColor: 'red' }],
		['an unknown style', { ...valid, style: 'fancy' }],
	])('rejects %s', (_, value) => {
		expect(ShieldsEndpointSchema.safeParse(value).success).toBe(false);
	});
});
