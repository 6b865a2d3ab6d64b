import type { APIRoute } from 'astro';
import { changeFeedXml } from '../lib/site/change-feed.ts';
import { getRegister } from '../lib/site/register.ts';

/** `/changes.xml`: an RSS feed of what changed — records going down or up, schemas changing. */
export const GET: APIRoute = async () =>
	new Response(await changeFeedXml(await getRegister()), {
		headers: { 'Content-Type': 'application/xml' },
	});
