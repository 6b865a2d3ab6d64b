import { describe, expect, it } from 'vitest';
import { urlContract } from '../../src/lib/register/urls.ts';
import { EntryIdSchema } from '../../src/schemas/entry.ts';

const atRoot = urlContract('https://c0mm0.com/');
const underBase = urlContract('https://user.github.io/repo/');

describe('the URL contract at the root of a domain', () => {
	it('builds every path from the root', () => {
		expect(atRoot.base).toBe('/');
		expect(atRoot.recordPath('fr-x')).toBe('/records/fr-x/');
		expect(atRoot.recordJsonPath('fr-x')).toBe('/api/v1/records/fr-x.json');
		expect(atRoot.badgePath('fr-x')).toBe('/badges/fr-x.svg');
		expect(atRoot.badgePath('fr-x', 'status')).toBe('/badges/fr-x.svg');
		expect(atRoot.badgePath('fr-x', 'score')).toBe('/badges/fr-x-score.svg');
		expect(atRoot.badgePath('fr-x', 'uptime')).toBe('/badges/fr-x-uptime.svg');
		expect(atRoot.badgeEndpointPath('fr-x')).toBe('/badges/fr-x.json');
		expect(atRoot.ogPath('fr-x')).toBe('/og/fr-x.png');
		expect(atRoot.defaultOgPath).toBe('/og/default.png');
		expect(atRoot.pagePath('home')).toBe('/');
		expect(atRoot.pagePath('status')).toBe('/status/');
		expect(atRoot.pagePath('recordsJson')).toBe('/api/v1/records.json');
		expect(atRoot.listingPath('country', 'FR')).toBe('/countries/fr/');
		expect(atRoot.listingPath('theme', 'ENVI', 3)).toBe('/themes/envi/3/');
		expect(atRoot.listingPath('kind', 'api', 1)).toBe('/kinds/api/');
		expect(atRoot.listingPath('publisher', 'dinum', 2)).toBe('/publishers/dinum/2/');
		expect(atRoot.sourcesPath()).toBe('/sources/');
		expect(atRoot.sourcePath('api-gouv-fr')).toBe('/sources/api-gouv-fr/');
		expect(atRoot.sourcePath('api-gouv-fr', 1)).toBe('/sources/api-gouv-fr/');
		expect(atRoot.sourcePath('data-gv-at', 3)).toBe('/sources/data-gv-at/3/');
		expect(atRoot.searchBundlePath).toBe('/pagefind/pagefind.js');
		expect(atRoot.absoluteUrl(atRoot.recordPath('fr-x'))).toBe('https://c0mm0.com/records/fr-x/');
	});

	it('names the file each path is written to', () => {
		expect(atRoot.distFile('/')).toBe('index.html');
		expect(atRoot.distFile('/records/fr-x/')).toBe('records/fr-x/index.html');
		expect(atRoot.distFile('/changes.xml')).toBe('changes.xml');
		expect(atRoot.recordFiles('fr-x')).toEqual([
			'records/fr-x/index.html',
			'api/v1/records/fr-x.json',
			'badges/fr-x.svg',
			'badges/fr-x-score.svg',
			'badges/fr-x-uptime.svg',
			'badges/fr-x.json',
			'og/fr-x.png',
		]);
		expect(atRoot.recordFolders).toEqual(['records', 'api/v1/records', 'badges', 'og']);
	});

	it('gives a dataset no image of its own: it shares its publisher card, which no record id can name', () => {
		expect(atRoot.recordFiles('fr-x', 'dataset')).not.toContain('og/fr-x.png');
		expect(atRoot.recordFiles('fr-x', 'dataset')).toHaveLength(6);
		expect(atRoot.publisherOgPath('insee')).toBe('/og/publisher-insee.png');
		// The name a record id would need to take it is not a valid record id.
		const stem = atRoot.publisherOgPath('insee').replace(/^\/og\/|\.png$/g, '');
		expect(EntryIdSchema.safeParse(stem).success).toBe(false);
	});
});

describe('the URL contract under a base (a fork on <user>.github.io/<repo>/)', () => {
	it('puts the base in front of every path', () => {
		expect(underBase.base).toBe('/repo/');
		expect(underBase.recordPath('fr-x')).toBe('/repo/records/fr-x/');
		expect(underBase.badgePath('fr-x', 'score')).toBe('/repo/badges/fr-x-score.svg');
		expect(underBase.ogPath('fr-x')).toBe('/repo/og/fr-x.png');
		expect(underBase.pagePath('home')).toBe('/repo/');
		expect(underBase.pagePath('changes')).toBe('/repo/changes.xml');
		expect(underBase.listingPath('country', 'DE', 2)).toBe('/repo/countries/de/2/');
		expect(underBase.sourcesPath()).toBe('/repo/sources/');
		expect(underBase.sourcePath('govdata-de', 2)).toBe('/repo/sources/govdata-de/2/');
		expect(underBase.assetPath('favicon.svg')).toBe('/repo/favicon.svg');
		expect(underBase.recordPagesPrefix).toBe('/repo/records/');
		expect(underBase.searchBundlePath).toBe('/repo/pagefind/pagefind.js');
	});

	it('makes absolute URLs on the site origin, base included once', () => {
		expect(underBase.siteUrl).toBe('https://user.github.io/repo/');
		expect(underBase.absoluteUrl(underBase.recordPath('fr-x'))).toBe(
			'https://user.github.io/repo/records/fr-x/',
		);
		expect(underBase.absoluteUrl('https://elsewhere.example/x.png')).toBe(
			'https://elsewhere.example/x.png',
		);
	});

	it('writes files at the root of the output folder, without the base', () => {
		expect(underBase.distFile('/repo/')).toBe('index.html');
		expect(underBase.distFile(underBase.recordPath('fr-x'))).toBe('records/fr-x/index.html');
		expect(underBase.recordFiles('fr-x')).toEqual(atRoot.recordFiles('fr-x'));
	});

	it('refuses to name a file for a path outside the base', () => {
		expect(() => underBase.distFile('/records/fr-x/')).toThrow(
			/not under the site's base \/repo\//,
		);
	});
});
