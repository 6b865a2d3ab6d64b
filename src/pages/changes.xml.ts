import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_URL } from '../lib/register/urls.ts';
import { changeFeedItems } from '../lib/site/change-feed.ts';
import { getRegister } from '../lib/site/register.ts';

/** `/changes.xml`: an RSS feed of what changed — records going down or up, schemas changing. */
export const GET: APIRoute = async () =>
	rss({
		title: 'c0mm0 — changes in the register',
		description:
			'European public APIs and datasets that went down, came back, or changed their schema, as checked every night.',
		site: SITE_URL,
		items: changeFeedItems(await getRegister()),
	});
