import { expect } from 'vitest';

/**
 * Every prose text of a recorded fixture (a description, tagline or note) was replaced by a line
 * that starts with this, so no source's own words are committed. An adapter that carried prose
 * into a record would carry this marker, which is what the tests look for.
 */
export const SOURCE_PROSE_MARKER = 'SOURCE-PROSE-REPLACED';

/** The fixture holds replaced prose (or the check proves nothing) and none of it was yielded. */
export function expectNoSourceProse(fixtureText: string, yieldedText: string): void {
	expect(fixtureText).toContain(SOURCE_PROSE_MARKER);
	expect(yieldedText).not.toContain(SOURCE_PROSE_MARKER);
}
