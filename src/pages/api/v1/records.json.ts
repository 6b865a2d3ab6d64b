import type { APIRoute } from 'astro';
import { recordSummary } from '../../../lib/site/record-json.ts';
import { getRegister } from '../../../lib/site/register.ts';

export const GET: APIRoute = async () => {
	const { records, builtAt } = await getRegister();
	const body = {
		generatedAt: builtAt.toISOString(),
		count: records.length,
		records: records.map(recordSummary),
	};
	return new Response(JSON.stringify(body), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
