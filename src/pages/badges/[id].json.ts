import type { APIRoute, GetStaticPaths } from 'astro';
import { badgeFactsOf } from '../../lib/badges/badge-facts.ts';
import { shieldsEndpoint } from '../../lib/badges/shields-endpoint.ts';
import { getRegister } from '../../lib/site/register.ts';

/** `/badges/<id>.json`: the status badge for shields.io's endpoint badge, to restyle it there. */
export const getStaticPaths = (async () => {
	const { records } = await getRegister();
	return records.map((record) => ({ params: { id: record.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const record = (await getRegister()).byId.get(params.id as string);
	if (!record) return new Response('Not found', { status: 404 });
	return new Response(JSON.stringify(shieldsEndpoint(badgeFactsOf(record))), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
