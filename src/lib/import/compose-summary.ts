import { SUMMARY_MAX, SUMMARY_MIN } from '../../schemas/entry.ts';

/**
 * An imported record's summary, composed from its facts in our words — never the source's
 * description, whose text stays in the source (the record page links to it). The longest form
 * that fits the summary's length is used.
 */
export function composeSummary(facts: {
	kind: 'api' | 'dataset';
	publisher: string;
	/** Distribution formats, most common first. */
	formats: readonly string[];
	catalogue: string;
}): string {
	const listed = `listed by ${facts.catalogue}`;
	const formats =
		facts.formats.length === 0
			? ''
			: facts.formats.length === 1
				? ` in ${facts.formats[0]}`
				: ` in ${facts.formats.slice(0, -1).join(', ')} and ${facts.formats.at(-1)}`;
	const candidates =
		facts.kind === 'api'
			? [`API published by ${facts.publisher}, ${listed}.`, `API ${listed}.`]
			: [
					`Dataset from ${facts.publisher}${formats}, ${listed}.`,
					`Dataset from ${facts.publisher}, ${listed}.`,
					`Dataset${formats}, ${listed}.`,
					`Dataset ${listed}.`,
				];
	const fitting = candidates.find((s) => s.length >= SUMMARY_MIN && s.length <= SUMMARY_MAX);
	// A source's name is 3–120 characters, so the shortest form always fits.
	return fitting ?? (candidates.at(-1) as string);
}
