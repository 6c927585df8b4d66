/** Where this build is published, for exports (src/lib/exports/); undefined without a site address. */
import type { PublishedAt } from '../lib/exports/context.ts';

export function publishedAt(site: URL | undefined): PublishedAt | undefined {
	return site ? { siteUrl: site.href, base: import.meta.env.BASE_URL } : undefined;
}

/** Exports need the site's address; the build warns once when it is missing (src/integrations/guide.ts). */
export function requirePublishedAt(site: URL | undefined): PublishedAt {
	const at = publishedAt(site);
	if (!at) throw new Error('No site address: set url in content/site.yaml, or SITE_URL.');
	return at;
}

/** An empty response: Astro writes no file for it. For site-wide exports when there is no site address. */
export function notBuilt(): Response {
	return new Response(null, { status: 404 });
}

/**
 * Open data as a JSON file. Written without indentation: laid out, a
 * network's services (per neighbourhood and for the whole site) took 40% more
 * bytes, 38.0 MB against 26.9 MB on 80 neighbourhoods, for the build to write
 * and a host to serve; the programs that read it need no layout, and a
 * browser's JSON viewer lays it out for a person who opens it.
 */
export function jsonFile(value: unknown): Response {
	return new Response(`${JSON.stringify(value)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
