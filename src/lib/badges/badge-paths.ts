import { badgePath } from '../register/urls.ts';
import { BADGE_VARIANTS, type BadgeVariant } from './badge-content.ts';

export interface BadgeFile {
	/** File name without `.svg`: `fr-api-captchetat`, `fr-api-captchetat-score`. */
	name: string;
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
			const name = badgeName(id, variant);
			const taken = files.get(name);
			if (taken) {
				clashes.push(
					`/badges/${name}.svg: the ${variant} badge of ${id} clashes with the ${taken.variant} badge of ${taken.id}, which keeps the URL`,
				);
				continue;
			}
			files.set(name, { name, id, variant });
		}
	}
	return { files: [...files.values()], clashes };
}

function badgeName(id: string, variant: BadgeVariant): string {
	const path = badgePath(id, variant === 'status' ? undefined : variant);
	return path.slice('/badges/'.length, -'.svg'.length);
}
