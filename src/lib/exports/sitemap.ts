/**
 * sitemap.xml: every page a person should find from a search engine, and
 * nothing else. Listed: the home page, each guide, its week, its themes,
 * every entry and story, and the page for surgeries. Not listed: old
 * addresses (they only lead on), embeds and posters (made for other places),
 * print and search pages (the same entries again), and feeds and data files.
 * Those pages say `noindex` themselves where they are HTML.
 *
 * No `lastmod`: when an entry was last checked is not when its page changed,
 * and search engines ignore dates they cannot trust.
 */
import type { Guide } from '../guide.ts';
import { routes } from '../urls.ts';
import { publicUrl, type PublishedAt } from './context.ts';
import { escapeXml } from './feeds.ts';

/** The site paths listed in the sitemap, in a stable order. */
export function sitemapPaths(guide: Guide): string[] {
	return [
		routes.home(),
		routes.forSurgeries(),
		...guide.allNeighbourhoods.flatMap((hood) => [
			hood.path,
			routes.whatsOn(hood.n),
			...hood.byTheme.map((group) => routes.theme(hood.n, group.theme.id)),
			...hood.stories.map((story) => story.path),
			...hood.assets.map((asset) => asset.path),
		]),
	];
}

export function sitemapXml(guide: Guide, at: PublishedAt): string {
	const urls = sitemapPaths(guide).map((path) => `  <url><loc>${escapeXml(publicUrl(at, path))}</loc></url>`);
	return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** robots.txt: everything may be read; the sitemap says where the pages are. */
export function robotsTxt(at: PublishedAt | undefined): string {
	return ['User-agent: *', 'Allow: /', ...(at ? ['', `Sitemap: ${publicUrl(at, routes.sitemap())}`] : []), ''].join('\n');
}
