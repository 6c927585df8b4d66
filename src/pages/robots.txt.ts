/**
 * `/robots.txt`: everything may be read, and where the sitemap is. Crawlers
 * only read it at the root of a host, so under a base path it is for the
 * host's own robots.txt to copy from.
 */
import type { APIRoute } from 'astro';
import { publishedAt } from '../data/published';
import { robotsTxt } from '../lib/exports/sitemap';

export const GET: APIRoute = ({ site }) =>
	new Response(robotsTxt(publishedAt(site)), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
