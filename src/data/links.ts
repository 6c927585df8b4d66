/** Links for pages: the site paths of src/lib/urls.ts with this build's base path. */
import { absoluteUrl, withBase } from '../lib/urls.ts';

export { routes, telHref } from '../lib/urls.ts';

/** A site path as a link under the base path: `href(routes.asset(n, slug))`. */
export function href(path: string): string {
	return withBase(import.meta.env.BASE_URL, path);
}

/** The full address, for canonical links, QR codes and feeds; undefined without a site URL. */
export function fullUrl(path: string, site: URL | undefined): string | undefined {
	return site ? absoluteUrl(site.href, import.meta.env.BASE_URL, path) : undefined;
}

/** The full address printed or encoded for people to reach a page (QR codes, printed guides). */
export function guideAddress(path: string, site: URL | undefined): string {
	const url = fullUrl(path, site);
	if (!url) throw new Error('No site address: set url in content/site.yaml, or SITE_URL.');
	return url;
}
