import { BADGE_VARIANTS, type BadgeVariant, badgePath } from '../register/urls.ts';

export interface BadgeFile {
	/** The badge's path by the URL contract: `/badges/fr-api-captchetat-score.svg`. */
	path: string;
	id: string;
	variant: BadgeVariant;
}

/**
 * Every badge file of the site, by the URL contract (`badgePath`). The variant sits inside the
 * file name, so a record `fr-x-score` would claim the same file as the score badge of `fr-x`:
 * status badges are listed first and keep such a name; the clash is reported for the validator
 * to catch.
 */
export function badgeFiles(ids: readonly string[]): { files: BadgeFile[]; clashes: string[] } {
	const files = new Map<string, BadgeFile>();
	const clashes: string[] = [];
	for (const variant of BADGE_VARIANTS) {
		for (const id of ids) {
			const path = badgePath(id, variant);
			const taken = files.get(path);
			if (taken) {
				clashes.push(
					`${path}: the ${variant} badge of ${id} clashes with the ${taken.variant} badge of ${taken.id}, which keeps the URL`,
				);
				continue;
			}
			files.set(path, { path, id, variant });
		}
	}
	return { files: [...files.values()], clashes };
}
