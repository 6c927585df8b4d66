/**
 * The public URLs of the guides: one place that knows them, and one helper
 * that puts the base path in front. Never join URLs by hand.
 *
 * Paths here start with "/" and are relative to the site's base; `withBase`
 * turns them into links. Surgeries print these URLs: they must not change.
 */

export const routes = {
	home: () => '/',
	neighbourhood: (n: string) => `/${n}/`,
	asset: (n: string, slug: string) => `/${n}/assets/${slug}/`,
	story: (n: string, slug: string) => `/${n}/stories/${slug}/`,
	whatsOn: (n: string) => `/${n}/whats-on/`,
	theme: (n: string, themeId: string) => `/${n}/themes/${themeId}/`,
	aToZ: (n: string) => `/${n}/a-to-z/`,
	print: (n: string) => `/${n}/print/`,
	printLarge: (n: string) => `/${n}/print/large/`,
	printWeek: (n: string) => `/${n}/print/week/`,
	myList: (n: string) => `/${n}/my-list/`,
	/** Every entry of a neighbourhood in its printed form, which the my-list page picks from. */
	myListEntries: (n: string) => `/${n}/my-list/entries/`,
	/** The printed guide's running footer (a stylesheet: CSS is the only way into a page's margins). */
	printPageStyle: (n: string) => `/${n}/print/page.css`,
	/** PDFs, written by the build when a Chromium is available. */
	pdf: (n: string) => `/${n}/guide.pdf`,
	pdfLarge: (n: string) => `/${n}/guide-large.pdf`,
	pdfWeek: (n: string) => `/${n}/week.pdf`,
	poster: (n: string) => `/${n}/poster/`,
	embed: (n: string) => `/${n}/embed/`,
	/** QR codes that lead to the neighbourhood's guide. */
	qrSvg: (n: string) => `/${n}/qr.svg`,
	qrPng: (n: string) => `/${n}/qr.png`,
	calendar: (n: string) => `/${n}/calendar.ics`,
	services: (n: string) => `/${n}/services.json`,
	/** Every neighbourhood's services, in pages: the first is `/services.json` (see SERVICES_PER_PAGE). */
	allServices: (page = 1) => (page === 1 ? '/services.json' : `/services/${page}.json`),
	/** RSS feeds of new stories: one neighbourhood's, and every neighbourhood's. */
	storiesFeed: (n: string) => `/${n}/stories.xml`,
	allStoriesFeed: () => '/stories.xml',
	/** The sitemap; on a site of more than 50,000 pages, an index of its parts. */
	sitemap: () => '/sitemap.xml',
	sitemapPart: (part: number) => `/sitemaps/${part}.xml`,
	robots: () => '/robots.txt',
	/** A picture, by its path inside the neighbourhood's folder: `images/garden.jpg`. */
	image: (n: string, pathInNeighbourhood: string) => `/${n}/${pathInNeighbourhood}`,
	search: () => '/search/',
	forSurgeries: () => '/for-surgeries/',
	privacy: () => '/privacy/',
} as const;

/** "/", "/guides/" — always with a leading and trailing slash. */
export function normaliseBase(base: string | undefined): string {
	const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The last base normalised and the last site's origin. A build has one of
 * each and asks for them for nearly every link of every page (hundreds of
 * thousands of times on a large network), so each is worked out once.
 */
let lastBase: { base: string; normal: string } | undefined;
let lastSite: { url: string; origin: string } | undefined;

/** Put the base path in front of a site path: ("/guides/", "/mill-lane/") → "/guides/mill-lane/". */
export function withBase(base: string, path: string): string {
	if (lastBase?.base !== base) lastBase = { base, normal: normaliseBase(base) };
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
	return `${lastBase.normal}${path.replace(/^\/+/, '')}`;
}

/** The full address of a page, for QR codes, feeds and printed guides. */
export function absoluteUrl(siteUrl: string, base: string, path: string): string {
	if (lastSite?.url !== siteUrl) lastSite = { url: siteUrl, origin: new URL(siteUrl).origin };
	return `${lastSite.origin}${withBase(base, path)}`;
}

/**
 * An address as people read it aloud or type it from a poster: no
 * "https://", no trailing slash. "https://guides.example.org/mill-lane/" →
 * "guides.example.org/mill-lane".
 */
export function addressInWords(url: string): string {
	return url.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

/** Where the built file for a site path lives inside `dist/`: "/mill-lane/" → "mill-lane/index.html". */
export function outputFileFor(path: string): string {
	const clean = path.replace(/^\/+/, '');
	if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
	return clean;
}

/** A phone number as a link a phone can ring: `tel:` and its digits (and a leading +), `0113 496 0518` → `tel:01134960518`. */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * The pages and files every published neighbourhood has (an entry's words may
 * link to them). Built only with a site address, or with Chromium, are some
 * of them (QR codes, PDFs): a link to one is still to an address of the guide.
 */
export const NEIGHBOURHOOD_PAGES: ReadonlyArray<(n: string) => string> = [
	routes.neighbourhood,
	routes.whatsOn,
	routes.aToZ,
	routes.print,
	routes.printLarge,
	routes.printWeek,
	routes.myList,
	routes.pdf,
	routes.pdfLarge,
	routes.pdfWeek,
	routes.poster,
	routes.embed,
	routes.qrSvg,
	routes.qrPng,
	routes.calendar,
	routes.services,
	routes.storiesFeed,
];

/** The site's own pages and files, outside any neighbourhood. */
export const SITE_PAGES: ReadonlyArray<() => string> = [
	routes.home,
	routes.search,
	routes.forSurgeries,
	routes.privacy,
	() => routes.allServices(1),
	routes.allStoriesFeed,
	routes.sitemap,
	routes.robots,
];
