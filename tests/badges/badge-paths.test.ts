import { describe, expect, it } from 'vitest';
import { badgeFiles } from '../../src/lib/badges/badge-paths.ts';
import { badgePath } from '../../src/lib/register/urls.ts';

describe('badgeFiles', () => {
	it('lists three badges per record, named as the URL contract says', () => {
		const { files, clashes } = badgeFiles(['fr-api-captchetat']);
		expect(files.map((f) => f.path).sort()).toEqual(
			[
				badgePath('fr-api-captchetat'),
				badgePath('fr-api-captchetat', 'score'),
				badgePath('fr-api-captchetat', 'uptime'),
			].sort(),
		);
		expect(clashes).toEqual([]);
	});

	it('leaves the status badge of fr-credit-score alone when fr-credit has a score badge', () => {
		const { files, clashes } = badgeFiles(['fr-credit', 'fr-credit-score']);
		expect(files.filter((f) => f.path === badgePath('fr-credit-score'))).toEqual([
			{ path: badgePath('fr-credit-score'), id: 'fr-credit-score', variant: 'status' },
		]);
		expect(files).toHaveLength(5);
		expect(clashes).toEqual([
			`${badgePath('fr-credit-score')}: the score badge of fr-credit clashes with the status badge of fr-credit-score, which keeps the URL`,
		]);
	});
});
