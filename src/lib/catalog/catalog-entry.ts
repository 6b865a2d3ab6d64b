import type { Entry } from '../../schemas/entry.ts';
import type { Provenance } from '../../schemas/imported.ts';

/**
 * A catalog entry that passed every rule, hand-written or imported: what the loader hands out and
 * what the merge of imported records works on.
 */
export interface CatalogEntry {
	id: string;
	/** Absolute path of the entry file (for an imported record, of its records file). */
	file: string;
	/**
	 * Path below the data dir, e.g. `catalog/fr/fr-api-captchetat.md`, or
	 * `imported/api-gouv-fr/records.ndjson` for an imported record.
	 */
	path: string;
	data: Entry;
	/** Markdown description (the body below the frontmatter); empty for an imported record. */
	body: string;
	/** Every imported catalogue that lists it, with when it was first listed and any delisting. */
	provenance?: Provenance[];
	/** Machine-written by the importers (data/imported/), not a hand-written file. */
	imported?: boolean;
}
