import { srcDir } from 'astro:config/server';
import type { APIRoute, GetStaticPaths } from 'astro';
import { defaultOgCard, type OgCard, ogCardOf } from '../../lib/og/og-card.ts';
import { placeholderOgPng } from '../../lib/og/og-placeholder.ts';
import type { PngBytes } from '../../lib/og/og-pool.ts';
import { ogCacheDir, siteOgImages, skipRecordOgImages } from '../../lib/og/site-og-images.ts';
import { getRegister } from '../../lib/site/register.ts';

/**
 * `/og/default.png` is the image of every page but record pages. No record can take the name:
 * ids are `<cc>-<slug>`, with a hyphen.
 */
const DEFAULT_ID = 'default';

const images = () => siteOgImages(new URL('lib/og/og-worker.ts', srcDir));

/**
 * `/og/<id>.png` for every record, and `/og/default.png`. Listing the paths also starts drawing,
 * in render threads, every image the cache lacks, so they are drawn while Astro builds the
 * other pages; each request then only waits for its own.
 */
export const getStaticPaths = (async () => {
	const { records } = await getRegister();
	if (import.meta.env.PROD) {
		const cards = [defaultOgCard(), ...(skipRecordOgImages() ? [] : records.map(ogCardOf))];
		const { misses } = await (await images()).prefetch(cards);
		if (misses > 0) console.info(`[c0mm0] drawing ${misses} OG image(s) not in ${ogCacheDir()}`);
	}
	return [DEFAULT_ID, ...records.map((r) => r.id)].map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const id = params.id as string;
	let card: OgCard;
	if (id === DEFAULT_ID) card = defaultOgCard();
	else {
		const record = (await getRegister()).byId.get(id);
		if (!record) return new Response('Not found', { status: 404 });
		if (skipRecordOgImages()) return png(await placeholderOgPng());
		card = ogCardOf(record);
	}
	return png(await (await images()).image(card));
};

function png(bytes: PngBytes): Response {
	return new Response(bytes, { headers: { 'Content-Type': 'image/png' } });
}
