import { createHash } from 'node:crypto';
import { slugify } from './slugify.ts';

/**
 * Record ids for one source's import: `<cc>-<slug of title>`, stable across nights. A record the
 * source listed before keeps the id it had (found by its sourceId), even when its title changed;
 * a new one takes the slug of its title unless another record holds it — a hand-written entry, a
 * record of another source, or one of this source — in which case the first six hex digits of
 * sha256(source + sourceId) are appended, which no reordering of the source can change.
 */

/** Longest slug taken from a title: ids stay readable and under the id limit with a suffix. */
const ID_SLUG_MAX = 60;

export function idSuffix(source: string, sourceId: string): string {
	return createHash('sha256')
		.update(source + sourceId)
		.digest('hex')
		.slice(0, 6);
}

/** Badge URLs end in -score.svg and -uptime.svg: an id may not end that way (EntryIdSchema). */
const BADGE_ENDING = /-(score|uptime)$/;

export interface IdAssignerOptions {
	source: string;
	/** Ids of hand-written entries: never given to an import. */
	handWritten: ReadonlySet<string>;
	/** Ids other sources' imports hold. */
	otherImports: { has(id: string): boolean };
	/** This source's previous import: sourceId → id. */
	previous: ReadonlyMap<string, string>;
}

export class IdAssigner {
	readonly #options: IdAssignerOptions;
	/** Ids this run has given out, and the previous import's (held for their own records). */
	readonly #taken = new Set<string>();
	readonly #held: Set<string>;

	constructor(options: IdAssignerOptions) {
		this.#options = options;
		this.#held = new Set(options.previous.values());
	}

	#free(id: string): boolean {
		return (
			!this.#taken.has(id) &&
			!this.#held.has(id) &&
			!this.#options.handWritten.has(id) &&
			!this.#options.otherImports.has(id)
		);
	}

	/** The id of one record; call once per record of the run. */
	idFor(record: { sourceId: string; country: string; title: string; kind: string }): string {
		const { source, previous, handWritten } = this.#options;
		const kept = previous.get(record.sourceId);
		// A hand-written entry that took the id since wins it; the import moves to a suffixed id.
		if (kept && !handWritten.has(kept) && !this.#taken.has(kept)) {
			this.#taken.add(kept);
			return kept;
		}
		const cc = record.country.toLowerCase();
		const slug = slugify(record.title, ID_SLUG_MAX) || record.kind;
		const base = `${cc}-${slug}`;
		const suffixed = `${base}-${idSuffix(source, record.sourceId)}`;
		let id = !BADGE_ENDING.test(base) && this.#free(base) ? base : suffixed;
		for (let n = 2; !this.#free(id); n += 1) id = `${suffixed}-${n}`;
		this.#taken.add(id);
		return id;
	}
}
