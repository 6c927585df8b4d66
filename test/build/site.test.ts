/**
 * The fixture site, built for real, inspected in dist/: every entry has its
 * page, drafts and "_" files have none, links resolve, consent is respected.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, outDirOf } from '../helpers/build.ts';
import { htmlFiles, listFiles, mainText, readPage } from '../helpers/dist.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { FIXTURE_TODAY } from '../helpers/build.ts';

const dist = outDirOf('fixture');
const content = checkContent(FIXTURE_CONTENT, { today: new Date(`${FIXTURE_TODAY}T00:00:00Z`) });

describe('pages for entries', () => {
	it('reads the fixture content without errors', () => {
		expect(content.errors).toEqual([]);
	});

	it('gives every published entry its page', () => {
		const drafts = new Set(content.loaded.neighbourhoods.filter((n) => n.data.draft).map((n) => n.n));
		const expected = [
			...content.loaded.neighbourhoods.filter((n) => !n.data.draft).flatMap((n) => [`${n.n}/index.html`, `${n.n}/whats-on/index.html`]),
			...content.loaded.assets.filter((a) => !a.data.draft && !drafts.has(a.n)).map((a) => `${a.n}/assets/${a.slug}/index.html`),
			...content.loaded.stories.filter((s) => !s.data.draft && !drafts.has(s.n)).map((s) => `${s.n}/stories/${s.slug}/index.html`),
		];
		expect(expected.length).toBeGreaterThan(10);
		const files = listFiles(dist);
		for (const file of expected) expect(files).toContain(file);
	});

	it('has a home page listing every published neighbourhood, and a 404 page', () => {
		const home = mainText(readPage(dist, '/'));
		expect(home).toContain('Testwick');
		expect(home).toContain('Otherby');
		expect(existsSync(path.join(dist, '404.html'))).toBe(true);
	});

	it('names its icon on every page, so no browser asks for a /favicon.ico that is not there', () => {
		expect(existsSync(path.join(dist, 'favicon.svg'))).toBe(true);
		const without = htmlFiles(dist).filter((file) => readPage(dist, `/${file}`).querySelector('link[rel="icon"]')?.getAttribute('href') !== '/favicon.svg');
		expect(without).toEqual([]);
	});

	it('publishes nothing from drafts or "_" files', () => {
		const files = listFiles(dist);
		expect(files.filter((f) => /secret-draft|draft-story|draftham|_template|_old|old-thing/.test(f))).toEqual([]);
		const everything = htmlFiles(dist).map((f) => readPage(dist, `/${f}`).textContent).join('\n');
		for (const text of ['Secret Draft Entry', 'Draft Story Title', 'Draftham', 'Underscore Template Entry', 'Old Underscore Folder Entry']) {
			expect(everything).not.toContain(text);
		}
	});

	it('publishes only the pictures entries use', () => {
		const files = listFiles(dist);
		expect(files).toContain('testwick/images/garden.png');
		expect(files.filter((f) => f.includes('unused-private'))).toEqual([]);
	});
});

describe('links', () => {
	it('resolves every internal link, image and stylesheet', () => {
		expect(brokenLinks(dist, '/')).toEqual([]);
	});

	it('resolves every internal link under a base path, and none escapes it', () => {
		const based = outDirOf('fixtureUnderBase');
		expect(brokenLinks(based, '/guides/')).toEqual([]);
		expect(htmlFiles(based).length).toBe(htmlFiles(dist).length);
	});
});

describe('asset pages', () => {
	it('says when in words', () => {
		expect(mainText(readPage(dist, '/testwick/assets/weekly-group/'))).toContain('Every Tuesday, 10am to 12 noon');
		expect(mainText(readPage(dist, '/testwick/assets/monthly-lunch/'))).toContain('First and third Thursday of the month, 12 noon to 2pm');
		expect(mainText(readPage(dist, '/testwick/assets/joiner-via-connector/'))).toContain('Most Saturdays, by arrangement.');
	});

	it('shows the stale notice only when an entry is older than stale_after_months', () => {
		const stale = mainText(readPage(dist, '/testwick/assets/weekly-group/'));
		expect(stale).toContain('This may have changed');
		expect(stale).toContain('Last checked January 2025');
		expect(mainText(readPage(dist, '/testwick/assets/monthly-lunch/'))).not.toContain('This may have changed');
	});

	it('shows a public gift with name and contact', () => {
		const text = mainText(readPage(dist, '/testwick/assets/piano-gift/'));
		expect(text).toContain('Pat Public');
		expect(text).toContain('07700 900001');
		expect(text).toContain('pat@example.org');
	});

	it('shows a first-name gift with no surname and no contact', () => {
		const page = readPage(dist, '/testwick/assets/knitting-first-name/');
		const html = page.toString();
		expect(mainText(page)).toContain('Margaret');
		for (const secret of ['Zzholt', 'zzholt', '07700 900002', '07700900002']) expect(html).not.toContain(secret);
		expect(mainText(page)).toContain('Connie Connector');
	});

	it('shows a via-connector gift with no name and no contact', () => {
		const page = readPage(dist, '/testwick/assets/joiner-via-connector/');
		const html = page.toString();
		for (const secret of ['Derek', 'Qqlumb', '07700 900003', '07700900003']) expect(html).not.toContain(secret);
		expect(mainText(page)).toContain('Connie Connector');
	});

	it('never shows withheld names or contacts on any page', () => {
		const all = htmlFiles(dist).map((f) => readPage(dist, `/${f}`).toString()).join('\n');
		for (const secret of ['Zzholt', 'Qqlumb', 'Derek', '07700 900002', '07700 900003']) expect(all).not.toContain(secret);
	});

	it('lists stories that mention the asset', () => {
		expect(mainText(readPage(dist, '/testwick/assets/weekly-group/'))).toContain('How I found the Weekly Group');
		// A story in another neighbourhood that links here.
		expect(mainText(readPage(dist, '/testwick/assets/weekly-group/'))).toContain('Next door');
	});

	it('links to edit the file and to suggest a change', () => {
		const page = readPage(dist, '/testwick/assets/weekly-group/');
		const links = page.querySelectorAll('footer a').map((a) => a.getAttribute('href'));
		expect(links).toContain('https://github.com/example/guides/edit/main/content/neighbourhoods/testwick/assets/weekly-group.md');
		expect(links.some((l) => l?.startsWith('mailto:hello@example.org?subject='))).toBe(true);
	});
});

describe('story and guide pages', () => {
	it('renders an MDX story with its components and cards for the assets it mentions', () => {
		const page = readPage(dist, '/testwick/stories/singing-story/');
		expect(page.querySelector('.pull-quote')?.textContent).toContain('Pat played and I sang.');
		expect(page.querySelectorAll('main a[href="/testwick/assets/piano-gift/"]').length).toBeGreaterThanOrEqual(1);
	});

	it('shows each asset of a story once: a card in its words is not repeated below it', () => {
		const cardsFor = (page: ReturnType<typeof readPage>, slug: string) => page.querySelectorAll(`main .card-title a[href$="/assets/${slug}/"]`).length;
		// Its only asset is a card in its words: no list below.
		const fixture = readPage(dist, '/testwick/stories/singing-story/');
		expect(cardsFor(fixture, 'piano-gift')).toBe(1);
		expect(fixture.querySelector('#in-this-story')).toBeNull();
		// One in its words, one not: the other is listed below, as "also".
		const sample = readPage(outDirOf('sample'), '/abbey-fields/stories/ken-still-knows-every-word/');
		expect(cardsFor(sample, 'singing-together')).toBe(1);
		expect(sample.querySelector('#in-this-story')?.textContent).toBe('Also in this story');
		expect(sample.querySelectorAll('section[aria-labelledby="in-this-story"] .card-title').map((t) => t.textContent.trim())).toHaveLength(1);
		expect(cardsFor(sample, 'carers-evening')).toBe(1);
	});

	it('puts stories first, then people to ask, the week and themes', () => {
		const headings = readPage(dist, '/testwick/')
			.querySelectorAll('main h2')
			.map((h) => h.textContent.trim());
		expect(headings.filter((h) => h !== 'On this page').slice(0, 4)).toEqual([
			'Stories from neighbours',
			'Someone to ask',
			"What's on each day",
			'What matters to you?',
		]);
	});

	it("lists what's on Monday to Sunday", () => {
		const page = readPage(dist, '/testwick/whats-on/');
		expect(page.querySelectorAll('main h2').map((h) => h.textContent.trim()).slice(0, 7)).toEqual([
			'Monday',
			'Tuesday',
			'Wednesday',
			'Thursday',
			'Friday',
			'Saturday',
			'Sunday',
		]);
		expect(mainText(page)).toContain('Weekly Group');
	});

	it('narrows the guide by theme', () => {
		const text = mainText(readPage(dist, '/testwick/themes/music-and-singing/'));
		expect(text).toContain('Pat plays piano');
		expect(text).not.toContain('Weekly Group');
	});

	it('ships JavaScript only where a feature needs it (search, My list, Print it, the guess on the not-found page), each as one small external file', () => {
		for (const file of htmlFiles(dist)) {
			const page = readPage(dist, `/${file}`);
			const scripts = page.querySelectorAll('script');
			const features = ['[data-search]', '[data-my-list-add]', '[data-my-list]', '[data-print]', '[data-not-found-guides]'].filter((f) => page.querySelector(f)).length;
			if (features === 0) expect(scripts, file).toHaveLength(0);
			expect(scripts.length, file).toBeLessThanOrEqual(features);
			for (const script of scripts) {
				const src = script.getAttribute('src') ?? '';
				expect(src, `${file}: inline script`).toMatch(/^\/_astro\/[^/]+\.js$/);
				expect(script.textContent.trim(), file).toBe('');
				// A few kilobytes at most (search loads Pagefind itself, only when someone searches).
				expect(statSync(path.join(dist, src)).size, src).toBeLessThan(8000);
			}
		}
	});
});

/** Every href and src on every page that points into the site, which does not resolve to a built file. */
function brokenLinks(dir: string, base: string): string[] {
	const files = new Set(listFiles(dir));
	const broken: string[] = [];
	for (const file of htmlFiles(dir)) {
		const page = readPage(dir, `/${file}`);
		for (const element of page.querySelectorAll('[href], [src]')) {
			const link = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
			if (/^(https?:|mailto:|tel:|#|data:)/.test(link)) continue;
			const url = new URL(link, `http://site${base}${file}`);
			if (!url.pathname.startsWith(base)) {
				broken.push(`${file}: ${link} is outside the base ${base}`);
				continue;
			}
			const inSite = decodeURIComponent(url.pathname.slice(base.length));
			const target = inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite;
			if (!files.has(target)) broken.push(`${file}: ${link}`);
			if (url.hash && target.endsWith('.html')) {
				const id = decodeURIComponent(url.hash.slice(1));
				if (!readPage(dir, `/${target}`).querySelector(`[id="${id}"]`)) broken.push(`${file}: ${link} (no #${id})`);
			}
		}
	}
	return broken;
}
