/**
 * The words under which an API's captured parameter and field names are indexed.
 *
 * Field names are paths: `data.siret`, `results[].address.city`. Pagefind (1.6) indexes a word
 * with inner punctuation both whole (`datasiret`, which the query `data.siret` becomes) and by its
 * parts (`data`, `siret`), and splits camelCase and snake_case the same way — but parts rank below
 * a standalone word. People search for the last part more than anything (`siret`, `city`), so
 * besides each full name this lists every path segment once as a word of its own. `[]` (array
 * items) is dropped: `results[].name` is searched as `results.name`.
 *
 * Pure; the result is deduplicated and in first-seen order, full names first.
 */
export function schemaSearchTerms(names: readonly string[]): string[] {
	const full = new Set<string>();
	const segments = new Set<string>();
	for (const raw of names) {
		const name = raw
			.replaceAll('[]', '')
			.trim()
			.replace(/^\.+|\.+$/g, '');
		if (name === '') continue;
		full.add(name);
		const parts = name.split('.').filter((part) => part !== '');
		if (parts.length > 1) for (const part of parts) segments.add(part);
	}
	return [...full, ...[...segments].filter((segment) => !full.has(segment))];
}
