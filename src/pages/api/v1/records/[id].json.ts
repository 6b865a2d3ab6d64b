import type { APIRoute, GetStaticPaths } from 'astro';
import { recordDocument } from '../../../../lib/site/record-json.ts';
import { getRegister } from '../../../../lib/site/register.ts';

export const getStaticPaths = (async () => {
	const { records } = await getRegister();
	return records.map((record) => ({ params: { id: record.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const { byId, builtAt } = await getRegister();
	const record = byId.get(params.id as string);
	if (!record) return new Response('Not found', { status: 404 });
	return new Response(JSON.stringify(recordDocument(record, builtAt), null, 2), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
