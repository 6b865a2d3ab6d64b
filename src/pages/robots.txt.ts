import type { APIRoute } from 'astro';
import { absoluteUrl, pagePath } from '../lib/register/urls.ts';

export const GET: APIRoute = () =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(pagePath('sitemap'))}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
