/**
 * sitemap.xml: every page a person should find from a search engine, and
 * nothing else. Listed: the home page, each guide, its week, its themes,
 * every entry and story, and the page for surgeries. Not listed: old
 * addresses (they only lead on), embeds and posters (made for other places),
 * print and search pages (the same entries again), and feeds and data files.
 * Old addresses, embeds, posters and the list's source also say `noindex`
 * (ScreenLayout's and PageHead's `noindex`).
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

/** The most URLs one sitemap may list (sitemaps.org); a national network has many more. */
export const SITEMAP_LIMIT = 50_000;

/**
 * `/sitemap.xml`: the sitemap itself when the site has at most `limit` pages
 * to list; otherwise an index of its parts, `/sitemaps/1.xml` and on, each
 * listing at most `limit`.
 */
export function sitemapXml(guide: Guide, at: PublishedAt, limit = SITEMAP_LIMIT): string {
	const parts = sitemapParts(guide, limit);
	if (parts.length === 1) return urlset(parts[0], at);
	const sitemaps = parts.map((_, i) => `  <sitemap><loc>${escapeXml(publicUrl(at, routes.sitemapPart(i + 1)))}</loc></sitemap>`);
	return ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...sitemaps, '</sitemapindex>', ''].join('\n');
}

/** The parts of a sitemap too big for one file: part 1 is `/sitemaps/1.xml`. None when one file holds it all. */
export function sitemapPartXml(guide: Guide, at: PublishedAt, limit = SITEMAP_LIMIT): string[] {
	const parts = sitemapParts(guide, limit);
	return parts.length === 1 ? [] : parts.map((paths) => urlset(paths, at));
}

function sitemapParts(guide: Guide, limit: number): string[][] {
	const paths = sitemapPaths(guide);
	return Array.from({ length: Math.max(1, Math.ceil(paths.length / limit)) }, (_, i) => paths.slice(i * limit, (i + 1) * limit));
}

function urlset(paths: readonly string[], at: PublishedAt): string {
	const urls = paths.map((path) => `  <url><loc>${escapeXml(publicUrl(at, path))}</loc></url>`);
	return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** robots.txt: everything may be read; the sitemap says where the pages are. */
export function robotsTxt(at: PublishedAt | undefined): string {
	return ['User-agent: *', 'Allow: /', ...(at ? ['', `Sitemap: ${publicUrl(at, routes.sitemap())}`] : []), ''].join('\n');
}
