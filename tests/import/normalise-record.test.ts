import { describe, expect, it } from 'vitest';
import type { PublisherFile } from '../../src/lib/catalog/load-publishers.ts';
import { IdAssigner } from '../../src/lib/import/assign-ids.ts';
import { composeSummary } from '../../src/lib/import/compose-summary.ts';
import {
	mapAccess,
	mapFrequency,
	mapLanguages,
	mapLicence,
	mapThemes,
} from '../../src/lib/import/map-vocab.ts';
import { createPublisherMatcher } from '../../src/lib/import/match-publisher.ts';
import { normaliseRecord } from '../../src/lib/import/normalise-record.ts';
import { slugify } from '../../src/lib/import/slugify.ts';
import type { HarvestedRecord } from '../../src/schemas/imported.ts';
import { ckanSource } from '../helpers/import-fixtures.ts';

const SOURCE = ckanSource({
	id: 'data-gv-at',
	name: 'data.gv.at',
	country: 'AT',
	homepage: 'https://www.data.gv.at/',
	endpoints: [{ url: 'https://www.data.gv.at/katalog/api/3/action/package_search' }],
});

const STATISTIK: PublisherFile = {
	file: 'publishers/statistik-austria.yaml',
	publisher: {
		id: 'statistik-austria',
		name: 'Statistik Austria',
		country: 'AT',
		type: 'public',
		homepage: 'https://www.statistik.at/',
		officialDomains: ['statistik.at'],
		githubOrgs: [],
	},
};

function normalise(harvested: HarvestedRecord, allowPrivate = false) {
	const publishers = new Map([['statistik-austria', STATISTIK]]);
	return normaliseRecord(harvested, {
		source: SOURCE,
		today: '2026-11-26',
		allowPrivate,
		publishers,
		matchPublisher: createPublisherMatcher(SOURCE.id, publishers),
		ids: new IdAssigner({
			source: SOURCE.id,
			handWritten: new Set(),
			otherImports: new Set(),
			previous: new Map(),
		}),
		previous: new Map(),
	});
}

const DATASET: HarvestedRecord = {
	sourceId: 'b9f0e7c2',
	sourceUrl: 'https://www.data.gv.at/katalog/dataset/b9f0e7c2',
	kind: 'dataset',
	title: 'Bevölkerung zu Jahresbeginn',
	publisher: { name: 'Statistik Austria', homepage: 'https://www.statistik.at/' },
	licence: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
	themes: ['http://publications.europa.eu/resource/authority/data-theme/SOCI', 'bogus'],
	languages: ['http://publications.europa.eu/resource/authority/language/DEU'],
	keywords: ['Bevölkerung', '<b>Statistik</b>', 'bevölkerung', 'x'],
	distributions: [
		{ url: 'https://data.statistik.gv.at/a.csv', format: 'CSV', mediaType: 'text/csv' },
		{ url: 'https://data.statistik.gv.at/a.json', mediaType: 'application/json' },
		{ url: 'ftp://data.statistik.gv.at/a.zip', format: 'ZIP' },
	],
	modified: '2026-10-02T11:00:00Z',
};

describe('normaliseRecord', () => {
	it('keeps the facts, maps the vocabularies and composes the summary', () => {
		const result = normalise(DATASET);
		if (!('record' in result)) throw new Error(JSON.stringify(result));
		expect(result.record.entry).toMatchObject({
			kind: 'dataset',
			id: 'at-bevolkerung-zu-jahresbeginn',
			title: 'Bevölkerung zu Jahresbeginn',
			summary: 'Dataset from Statistik Austria in CSV and JSON, listed by data.gv.at.',
			country: 'AT',
			publisher: 'statistik-austria',
			licence: 'CC-BY-4.0',
			themes: ['SOCI'],
			languages: ['de'],
			keywords: ['Bevölkerung', 'Statistik'],
			sources: [{ catalogue: 'data-gv-at', url: DATASET.sourceUrl }],
			added: '2026-11-26',
		});
		expect(result.record.entry.kind === 'dataset' && result.record.entry.distributions).toEqual([
			{ url: 'https://data.statistik.gv.at/a.csv', format: 'CSV', mediaType: 'text/csv' },
			{ url: 'https://data.statistik.gv.at/a.json', format: 'JSON', mediaType: 'application/json' },
		]);
		expect(result.record.provenance).toEqual({
			source: 'data-gv-at',
			sourceId: 'b9f0e7c2',
			sourceUrl: DATASET.sourceUrl,
			firstSeen: '2026-11-26',
			modified: '2026-10-02',
		});
		expect(result.publisher).toMatchObject({ id: 'statistik-austria', matched: true });
		expect(result.dropped.map((d) => d.field)).toEqual(['distributions[2].url']);
	});

	it('keeps a dataset’s declared update frequency as an EU frequency code, for staleness checks', () => {
		const result = normalise({
			...DATASET,
			updateFrequency: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
		});
		if (!('record' in result)) throw new Error(JSON.stringify(result));
		expect(result.record.entry).toMatchObject({ updateFrequency: 'MONTHLY' });
		expect(mapFrequency('daily')).toBe('DAILY');
		expect(mapFrequency('IRREG')).toBe('IRREG');
		expect(mapFrequency('whenever we feel like it')).toBeUndefined();
	});

	it('keeps a regional or local tier of government, and leaves national as the default unsaid', () => {
		const levelOf = (level: HarvestedRecord['level']) => {
			const result = normalise({ ...DATASET, ...(level ? { level } : {}) });
			if (!('record' in result)) throw new Error(JSON.stringify(result));
			return result.record.entry.level;
		};
		expect([
			levelOf('local'),
			levelOf('regional'),
			levelOf('national'),
			levelOf(undefined),
		]).toEqual(['local', 'regional', undefined, undefined]);
	});

	it('creates an imported publisher for a body not on record, without official domains', () => {
		const result = normalise({ ...DATASET, publisher: { name: 'Stadt Wien', key: 'stadt-wien' } });
		if (!('record' in result)) throw new Error(JSON.stringify(result));
		expect(result.publisher).toEqual({
			id: 'at-stadt-wien',
			name: 'Stadt Wien',
			country: 'AT',
			key: 'stadt-wien',
			matched: false,
		});
		expect(result.record.entry.publisher).toBe('at-stadt-wien');
	});

	it('skips a record whose only URL is on a private address, naming the field', () => {
		const result = normalise({
			sourceId: 'x1',
			kind: 'api',
			title: 'Internal API',
			publisher: { name: 'Statistik Austria' },
			baseUrl: 'http://10.0.0.5/api',
		});
		expect(result).toMatchObject({ skipped: { sourceId: 'x1', field: 'baseUrl' } });
	});

	it('skips a record without a title once its markup is gone', () => {
		expect(normalise({ ...DATASET, title: '<img src=x onerror=alert(1)>' })).toEqual({
			skipped: {
				sourceId: 'b9f0e7c2',
				field: 'title',
				reason: 'is empty or shorter than 3 characters once plain',
			},
		});
	});
});

describe('the vocabulary maps', () => {
	it.each([
		['CC-BY-4.0', 'CC-BY-4.0'],
		['https://creativecommons.org/licenses/by/4.0/', 'CC-BY-4.0'],
		['http://creativecommons.org/publicdomain/zero/1.0/deed.de', 'CC0-1.0'],
		['Licence Ouverte', 'etalab-2.0'],
		['https://www.etalab.gouv.fr/licence-ouverte-open-licence/', 'etalab-2.0'],
		['http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', 'OGL-UK-3.0'],
		['https://www.govdata.de/dl-de/by-2-0', 'DL-DE-BY-2.0'],
		['http://publications.europa.eu/resource/authority/licence/CC_BY_4_0', 'CC-BY-4.0'],
		['Some licence of our own', undefined],
	])('maps the licence %s to %s', (input, id) => {
		expect(mapLicence(input)).toBe(id);
	});

	it('maps themes, languages and access the way sources write them', () => {
		expect(
			mapThemes(['ECON', 'http://publications.europa.eu/resource/authority/data-theme/TRAN', 'x']),
		).toEqual(['ECON', 'TRAN']);
		expect(
			mapLanguages([
				'fr',
				'ENG',
				'http://publications.europa.eu/resource/authority/language/NLD',
				'zz',
			]),
		).toEqual(['fr', 'en', 'nl']);
		expect(mapAccess('API key')).toBe('key');
		expect(mapAccess('http://publications.europa.eu/resource/authority/access-right/PUBLIC')).toBe(
			'open',
		);
		expect(
			mapAccess('http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC'),
		).toBe('restricted');
		expect(mapAccess('ask us')).toBeUndefined();
	});

	it('folds titles to ASCII slugs, Greek and Cyrillic included', () => {
		expect(slugify('Données ouvertes: l’API «Sirene»')).toBe('donnees-ouvertes-l-api-sirene');
		expect(slugify('Портал за отворени данни')).toBe('portal-za-otvoreni-danni');
		expect(slugify('Δημόσια δεδομένα')).toBe('dimosia-dedomena');
		expect(slugify(`${'a'.repeat(30)} ${'b'.repeat(40)}`)).toBe('a'.repeat(30));
	});

	it('composes a summary that fits the entry’s length limits', () => {
		const summary = composeSummary({
			kind: 'api',
			publisher: 'P'.repeat(160),
			formats: [],
			catalogue: 'api.gouv.fr',
		});
		expect(summary).toBe('API listed by api.gouv.fr.');
	});
});
