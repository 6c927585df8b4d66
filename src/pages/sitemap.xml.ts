/** `/sitemap.xml`: the pages search engines should list (see src/lib/exports/sitemap.ts for which, and why). */
import type { APIRoute } from 'astro';
import { getGuide } from '../data/guide';
import { notBuilt, publishedAt } from '../data/published';
import { sitemapXml } from '../lib/exports/sitemap';

export const GET: APIRoute = async ({ site }) => {
	const at = publishedAt(site);
	if (!at) return notBuilt();
	return new Response(sitemapXml(await getGuide(), at), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
