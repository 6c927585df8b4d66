/**
 * Where the site is published. Every export needs it: open data and feeds
 * carry full addresses, and stable ids are made from it (src/lib/ids.ts).
 */
import { absoluteUrl } from '../urls.ts';

export interface PublishedAt {
	/** The site's address, e.g. "https://guides.example.org/" (SITE_URL or `url` in site.yaml). */
	siteUrl: string;
	/** The base path, e.g. "/" or "/guides/". */
	base: string;
}

/** The full address of a site path. */
export function publicUrl(at: PublishedAt, path: string): string {
	return absoluteUrl(at.siteUrl, at.base, path);
}

/** The address of the site's home page: the namespace of its ids. */
export function siteAddress(at: PublishedAt): string {
	return publicUrl(at, '/');
}

/** "2026-03-14": content dates are calendar dates, kept as UTC midnight. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
