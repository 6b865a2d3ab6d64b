import type { APIRoute, GetStaticPaths } from 'astro';
import type { BadgeVariant } from '../../lib/badges/badge-content.ts';
import { badgeFactsOf } from '../../lib/badges/badge-facts.ts';
import { badgeFiles } from '../../lib/badges/badge-paths.ts';
import { badgeSvg } from '../../lib/badges/badge-svg.ts';
import { getRegister } from '../../lib/site/register.ts';

/** `/badges/<id>.svg`, `/badges/<id>-score.svg` and `/badges/<id>-uptime.svg` for every record. */
export const getStaticPaths = (async () => {
	const { records } = await getRegister();
	const { files, clashes } = badgeFiles(records.map((r) => r.id));
	for (const clash of clashes) console.warn(`[c0mm0] ${clash}`);
	return files.map(({ name, id, variant }) => ({
		params: { badge: name },
		props: { id, variant },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { id, variant } = props as { id: string; variant: BadgeVariant };
	const record = (await getRegister()).byId.get(id);
	if (!record) return new Response('Not found', { status: 404 });
	return new Response(badgeSvg(badgeFactsOf(record), variant), {
		headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
	});
};
