/** `/sitemaps/1.xml` and on: the parts of a sitemap with more pages than one file may list (see src/lib/exports/sitemap.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuide } from '../../data/guide';
import { publishedAt } from '../../data/published';
import { sitemapPartXml } from '../../lib/exports/sitemap';

export const getStaticPaths = (async () => {
	const at = publishedAt(import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined);
	if (!at) return [];
	return sitemapPartXml(await getGuide(), at).map((xml, i) => ({ params: { part: String(i + 1) }, props: { xml } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.xml as string, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
