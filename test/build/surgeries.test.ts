/**
 * The pages for surgeries as built: the page of links and snippets, the
 * embed, the poster, old addresses, and how shared links look.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outDirOf } from '../helpers/build.ts';
import { fileForPath, readPage } from '../helpers/dist.ts';

const SITE = 'https://test.example.org';
const dist = outDirOf('fixture');
const based = outDirOf('fixtureUnderBase');
const attr = (page: ReturnType<typeof readPage>, selector: string, name: string) => page.querySelector(selector)?.getAttribute(name);

/** Pages of ours that must work with no script and a strict Content-Security-Policy. */
const OUR_PAGES = ['/for-surgeries/', '/testwick/embed/', '/testwick/poster/', '/testwick/assets/old-lunch/'];

describe('the page for surgeries', () => {
	const page = readPage(dist, '/for-surgeries/');
	const text = (page.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ');

	it('explains the guides in a link worker\'s terms', () => {
		expect(page.querySelector('h1')?.textContent).toBe('For GP surgeries and link workers');
		expect(text).toContain('You do not need to refer anyone');
		expect(text).toContain('People to ask.');
		expect(text).toContain('Things to just turn up to.');
		expect(text).toContain('How entries are kept up to date');
		expect(text).toContain('more than 12 months');
	});

	it('gives each guide its link, QR codes, poster, embed snippet, keeper and open data', () => {
		for (const n of ['testwick', 'otherby']) {
			expect(page.querySelector(`#link-${n}`)?.textContent).toBe(`${SITE}/${n}/`);
			expect(page.querySelector(`#link-html-${n}`)?.textContent).toContain(`<a href="${SITE}/${n}/">`);
			const snippet = page.querySelector(`#embed-${n}`)?.textContent ?? '';
			expect(snippet).toMatch(new RegExp(`^<iframe src="${SITE}/${n}/embed/" title="[^"]+" width="100%" height="\\d+" loading="lazy"></iframe>$`));
			expect(page.querySelector(`label[for=embed-${n}]`)).not.toBeNull();
			for (const [href, download] of [
				[`/${n}/qr.svg`, `${n}-qr-code.svg`],
				[`/${n}/qr.png`, `${n}-qr-code.png`],
			]) {
				expect(attr(page, `a[href="${href}"]`, 'download')).toBe(download);
			}
			for (const href of [`/${n}/poster/`, `/${n}/embed/`, `/${n}/services.json`, `/${n}/calendar.ics`, `/${n}/stories.xml`]) {
				expect(page.querySelector(`a[href="${href}"]`), href).not.toBeNull();
			}
			expect(page.querySelector(`a[href="webcal://test.example.org/${n}/calendar.ics"]`)).not.toBeNull();
		}
		expect(text).toContain('Testwick Residents Association (residents@example.org)');
		expect(text).toContain('last checked between January 2025 and May 2026');
		expect(text).toContain('Connie Connector: 0113 496 0001');
		expect(page.querySelector('a[href="/services.json"]')).not.toBeNull();
		expect(page.querySelector('a[href="/stories.xml"]')).not.toBeNull();
	});

	it('uses the base path in every snippet and link under /guides/', () => {
		const under = readPage(based, '/for-surgeries/');
		expect(under.querySelector('#link-testwick')?.textContent).toBe(`${SITE}/guides/testwick/`);
		expect(under.querySelector('#embed-testwick')?.textContent).toContain(`src="${SITE}/guides/testwick/embed/"`);
		expect(under.querySelector('a[href="/guides/testwick/qr.png"]')).not.toBeNull();
	});

	it('is linked from every page\'s footer', () => {
		expect(readPage(dist, '/testwick/assets/weekly-group/').querySelector('footer a[href="/for-surgeries/"]')).not.toBeNull();
	});
});

describe('the embed', () => {
	const page = readPage(dist, '/testwick/embed/');

	it('opens every link in the whole window, and is not for search engines', () => {
		expect(attr(page, 'head base', 'target')).toBe('_top');
		expect(attr(page, 'link[rel=canonical]', 'href')).toBe(`${SITE}/testwick/`);
		expect(attr(page, 'meta[name=robots]', 'content')).toBe('noindex');
		// No in-page links: with target=_top they would reload the surgery's page.
		expect(page.querySelectorAll('a[href^="#"]')).toHaveLength(0);
	});

	it('shows someone to ask, what is on and entries by theme, linking to the full guide', () => {
		const text = page.textContent.replace(/\s+/g, ' ');
		expect(text).toContain('Connie Connector');
		expect(text).toContain("What's on each week");
		expect(page.querySelector('a[href="/testwick/assets/weekly-group/"]')).not.toBeNull();
		expect(page.querySelector('a[href="/testwick/"]')).not.toBeNull();
		expect(page.querySelectorAll('h3').map((h) => h.textContent)).toEqual(expect.arrayContaining(['Tuesday', 'Company and a cuppa']));
	});
});

describe('the poster', () => {
	const page = readPage(dist, '/testwick/poster/');

	it('has the guide, no referral needed, the QR code, the address in words, someone to ring and who keeps it', () => {
		const text = page.textContent.replace(/\s+/g, ' ');
		expect(attr(page, 'img.poster-qr', 'src')).toBe('/testwick/qr.svg');
		expect(attr(page, 'img.poster-qr', 'alt')).toBe('QR code for the Testwick guide');
		expect(page.querySelector('.poster-address')?.textContent).toBe('test.example.org/testwick');
		expect(text).toContain('No referral needed');
		expect(text).toContain('Connie Connector on 0113 496 0001');
		expect(text).toContain('Kept up to date by Testwick Residents Association');
		expect(attr(page, 'meta[name=robots]', 'content')).toBe('noindex');
	});

	it('puts the base path in the address under /guides/', () => {
		expect(readPage(based, '/testwick/poster/').querySelector('.poster-address')?.textContent).toBe('test.example.org/guides/testwick');
	});
});

describe('old addresses (aliases)', () => {
	it('leads from the old address to the entry, for browsers, people and search engines', () => {
		const page = readPage(dist, '/testwick/assets/old-lunch/');
		expect(attr(page, 'meta[http-equiv=refresh]', 'content')).toBe('0; url=/testwick/assets/monthly-lunch/');
		expect(attr(page, 'link[rel=canonical]', 'href')).toBe(`${SITE}/testwick/assets/monthly-lunch/`);
		expect(attr(page, 'meta[name=robots]', 'content')).toBe('noindex');
		const link = page.querySelector('main a[href="/testwick/assets/monthly-lunch/"]');
		expect(link?.textContent).toBe('Go to Monthly Lunch');
		const under = readPage(based, '/testwick/assets/old-lunch/');
		expect(attr(under, 'meta[http-equiv=refresh]', 'content')).toBe('0; url=/guides/testwick/assets/monthly-lunch/');
	});

	it('builds a page only for aliases, never over a live entry', () => {
		expect(existsSync(fileForPath(dist, '/testwick/assets/old-lunch/'))).toBe(true);
		expect(readPage(dist, '/testwick/assets/monthly-lunch/').querySelector('meta[http-equiv=refresh]')).toBeNull();
	});
});

describe("what's on in a calendar", () => {
	it('offers to subscribe to the calendar, and to download it', () => {
		const page = readPage(dist, '/testwick/whats-on/');
		expect(page.querySelector('a[href="webcal://test.example.org/testwick/calendar.ics"]')?.textContent).toBe('Add to your calendar');
		expect(page.querySelector('a[href="/testwick/calendar.ics"]')).not.toBeNull();
	});
});

describe('how shared links look', () => {
	it('gives pages Open Graph tags with their own address, and pictures only from the site', () => {
		const garden = readPage(dist, '/testwick/assets/quiet-garden/');
		expect(attr(garden, 'meta[property="og:title"]', 'content')).toBe('Quiet Garden');
		expect(attr(garden, 'meta[property="og:type"]', 'content')).toBe('article');
		expect(attr(garden, 'meta[property="og:url"]', 'content')).toBe(`${SITE}/testwick/assets/quiet-garden/`);
		expect(attr(garden, 'meta[property="og:image"]', 'content')).toBe(`${SITE}/testwick/images/garden.png`);
		expect(attr(garden, 'meta[property="og:image:alt"]', 'content')).toBe('Two wooden benches in a walled garden.');
		expect(attr(garden, 'meta[name="twitter:card"]', 'content')).toBe('summary_large_image');
		const home = readPage(dist, '/');
		expect(attr(home, 'meta[property="og:title"]', 'content')).toBe('Test Guides');
		expect(home.querySelector('meta[property="og:image"]')).toBeNull();
	});

	it('lets feed readers find the story feeds', () => {
		const hood = readPage(dist, '/testwick/');
		const feeds = hood.querySelectorAll('link[rel=alternate][type="application/rss+xml"]').map((l) => l.getAttribute('href'));
		expect(feeds).toEqual([`${SITE}/testwick/stories.xml`, `${SITE}/stories.xml`]);
	});
});

describe('no script and no inline style on the pages for surgeries', () => {
	for (const path of OUR_PAGES) {
		it(path, () => {
			const page = readPage(dist, path);
			expect(page.querySelectorAll('script')).toHaveLength(0);
			expect(page.querySelectorAll('[style]')).toHaveLength(0);
			expect(page.querySelectorAll('style')).toHaveLength(0);
			expect(page.querySelectorAll('link[rel=stylesheet]').length).toBeGreaterThan(0);
		});
	}
});
