import { describe, expect, it } from 'vitest';
import {
	chooseCountry,
	choosePublisher,
	NewEntryError,
	targetUrl,
} from '../../src/lib/contrib/new-entry.ts';
import { PUBLISHER } from '../helpers/score-fixtures.ts';

describe('choosing the URL, publisher and country', () => {
	it('accepts only absolute http(s) URLs on public hosts', () => {
		expect(targetUrl('https://api.gouv.fr/x', false).hostname).toBe('api.gouv.fr');
		expect(() => targetUrl('api.gouv.fr/x', false)).toThrow(NewEntryError);
		expect(() => targetUrl('ftp://api.gouv.fr/x', false)).toThrow('uses ftp:');
		expect(() => targetUrl('http://127.0.0.1:8080/', false)).toThrow('not a public host name');
		expect(targetUrl('http://127.0.0.1:8080/', true).port).toBe('8080');
	});

	it('takes the publisher owning the host, or says what is left to settle', () => {
		const known = new Map([['dinum', PUBLISHER]]);
		expect(choosePublisher(known, undefined, 'api.gouv.fr', 'data/publishers')).toEqual({
			id: 'dinum',
			notes: [],
		});
		expect(choosePublisher(known, 'nobody', 'api.gouv.fr', 'data/publishers')).toEqual({
			id: 'nobody',
			notes: [expect.stringContaining('"nobody" is not in data/publishers/ yet')],
		});
		expect(choosePublisher(known, undefined, 'example.org', 'data/publishers').notes).toEqual([
			expect.stringContaining('No publisher in data/publishers/ lists example.org'),
		]);
		expect(choosePublisher(known, undefined, 'example.org', 'elsewhere/publishers').notes).toEqual([
			expect.stringContaining('No publisher in elsewhere/publishers/ lists example.org'),
		]);
	});

	it('takes --country, else the publisher’s, else the top-level domain’s', () => {
		expect(chooseCountry('de', PUBLISHER, 'x.fr')).toBe('DE');
		expect(chooseCountry(undefined, PUBLISHER, 'example.org')).toBe('FR');
		expect(chooseCountry(undefined, undefined, 'data.europa.eu')).toBe('EU');
		expect(() => chooseCountry(undefined, undefined, 'example.org')).toThrow('pass --country CC');
		expect(() => chooseCountry('XX', PUBLISHER, 'x.fr')).toThrow('--country XX: not a European');
	});
});
