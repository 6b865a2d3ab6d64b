import { describe, expect, it } from 'vitest';
import { recordKeys } from '../../src/lib/site/render-key.ts';

/** The parts of a record a page is rendered from, with one listing in a catalogue. */
const record = (listing: Record<string, string>) => ({
	id: 'fr-imported',
	entry: { id: 'fr-imported', title: 'Imported' },
	descriptionMarkdown: '',
	publisher: { id: 'fr-mairie' },
	snapshot: null,
	history: {},
	score: {},
	imported: true,
	listedBy: [{ source: 'portail', name: 'Portail', firstSeen: '2026-11-02', ...listing }],
});

describe('the render key of a record', () => {
	it('changes when a catalogue delists the record, so an incremental build renders its page again', () => {
		const listed = recordKeys({ records: [record({})] });
		const delisted = recordKeys({ records: [record({ delistedAt: '2026-11-20' })] });
		expect(delisted.keys.get('fr-imported')).not.toBe(listed.keys.get('fr-imported'));
	});
});
