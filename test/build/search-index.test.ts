/**
 * The search index as built: what is in it, what is not, and how the pages
 * that use it are put together. The browser tests search it for real; these
 * read the built files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, FIXTURE_TODAY, outDirOf } from '../helpers/build.ts';
import { htmlFiles, listFiles, mainText, readPage } from '../helpers/dist.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { searchIndex, searchablePageCount } from '../../src/integrations/search-index.ts';

const dist = outDirOf('fixture');
const content = checkContent(FIXTURE_CONTENT, { today: new Date(`${FIXTURE_TODAY}T00:00:00Z`) }).loaded;

/** Every file of the index, decompressed where Pagefind compressed it, as text. */
function indexText(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const file of listFiles(path.join(dir, 'pagefind'))) {
		const bytes = readFileSync(path.join(dir, 'pagefind', file));
		let text: string;
		try {
			text = gunzipSync(bytes).toString('utf8');
		} catch {
			text = bytes.toString('utf8');
		}
		out.set(file, text);
	}
	return out;
}

/** The pages Pagefind indexed, from its fragments: one per page. */
function indexedPages(dir: string): { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> }[] {
	return [...indexText(dir)]
		.filter(([file]) => file.startsWith('fragment/'))
		.map(([, text]) => JSON.parse(text.slice(text.indexOf('{'))));
}

describe('the search index', () => {
	it('indexes exactly the neighbourhood, asset and story pages, each once', () => {
		const urls = indexedPages(dist)
			.map((p) => p.url)
			.sort();
		expect(urls).toHaveLength(searchablePageCount(content));
		expect(new Set(urls).size).toBe(urls.length);
		for (const url of urls) expect(url).toMatch(/^\/[a-z0-9-]+\/(?:(?:assets|stories)\/[a-z0-9-]+\/)?$/);
		expect(urls).toContain('/testwick/');
		expect(urls).toContain('/testwick/assets/weekly-group/');
		expect(urls).toContain('/otherby/stories/next-door/');
		// No list, search or other page; nothing from drafts.
		expect(urls.filter((u) => /whats-on|themes|a-to-z|search|draft|secret/.test(u))).toEqual([]);
	});

	it('marks only those pages for indexing in the HTML', () => {
		const marked = htmlFiles(dist).filter((file) => readPage(dist, `/${file}`).querySelector('[data-pagefind-body]'));
		expect(marked).toHaveLength(searchablePageCount(content));
		for (const file of marked) expect(file).toMatch(/^[a-z0-9-]+\/((assets|stories)\/[a-z0-9-]+\/)?index\.html$/);
	});

	it('indexes each entry on its own page only: lists and cards of other entries are left out', () => {
		const pages = indexedPages(dist);
		const withKnitting = pages.filter((p) => /knitting/i.test(p.content)).map((p) => p.url);
		// The guide page lists it, and a story has its card, but only its own page is found.
		expect(withKnitting).toEqual(['/testwick/assets/knitting-first-name/']);
		const guide = pages.find((p) => p.url === '/testwick/');
		expect(guide?.content).toContain('Connie Connector');
		expect(guide?.content).not.toContain('Weekly Group');
	});

	it('indexes what an entry says, not the buttons around it', () => {
		const group = indexedPages(dist).find((p) => p.url === '/testwick/assets/weekly-group/');
		expect(group?.content).toContain('Weekly Group');
		expect(readPage(dist, '/testwick/assets/weekly-group/').querySelector('main')?.textContent).toContain('to my list');
		expect(group?.content).not.toContain('to my list');
	});

	it('gives each page its filters and the details a result shows', () => {
		const group = indexedPages(dist).find((p) => p.url === '/testwick/assets/weekly-group/');
		expect(group?.filters).toEqual({
			n: ['testwick'],
			kind: ['group'],
			theme: ['company-and-a-cuppa'],
			day: ['tuesday'],
			cost: ['free'],
			turnup: ['yes'],
			access: ['step-free', 'hearing-loop'],
		});
		expect(group?.meta).toMatchObject({
			title: 'Weekly Group',
			place: 'Testwick',
			kind: 'Group',
			summary: 'Meets every Tuesday morning. Last checked long ago, so it shows a notice.',
			when: 'Every Tuesday, 10am to 12 noon',
			where: 'Test Hall, 1 Test Street, KV1 1AA',
			cost: 'Free',
			join: 'Just turn up',
		});
		const knitting = indexedPages(dist).find((p) => p.url === '/testwick/assets/knitting-first-name/');
		expect(knitting?.meta.when).toBe('Second and fourth Monday of the month, 1:30pm to 3:30pm (in the library)');
		const story = indexedPages(dist).find((p) => p.url === '/testwick/stories/first-story/');
		expect(story?.filters).toEqual({ n: ['testwick'], kind: ['story'], theme: ['company-and-a-cuppa'] });
	});

	it('holds nothing that consent withholds, in any file', () => {
		const everything = [...indexText(dist).values()].join('\n').toLowerCase();
		// The first-name gift is there, by its first name...
		expect(everything).toContain('margaret');
		// ...but not its surname, its contact, or anything of the via-connector gift's name.
		for (const secret of ['zzholt', 'qqlumb', 'derek', '07700 900002', '07700 900003', '900002', '900003']) {
			expect(everything).not.toContain(secret);
		}
	});

	it('publishes only the files search uses', () => {
		const files = listFiles(path.join(dist, 'pagefind'));
		expect(files).toContain('pagefind.js');
		expect(files).toContain('pagefind-entry.json');
		expect(files.filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight|worker)/.test(f))).toEqual([]);
		expect(files.filter((f) => f.includes('playground'))).toEqual([]);
	});

	it('keeps base paths out of the index, so one index works under any base', () => {
		const based = indexedPages(outDirOf('fixtureUnderBase')).map((p) => p.url);
		expect(based.sort()).toEqual(indexedPages(dist).map((p) => p.url).sort());
	});
});

describe('pages that search', () => {
	it('loads no Pagefind file from any page: it is fetched only when someone searches', () => {
		for (const file of htmlFiles(dist)) {
			const html = readFileSync(path.join(dist, file), 'utf8');
			expect(html, file).not.toMatch(/<(script|link)[^>]+pagefind/);
		}
		const scripts = listFiles(path.join(dist, '_astro')).filter((f) => f.endsWith('.js'));
		for (const file of scripts) {
			const code = readFileSync(path.join(dist, '_astro', file), 'utf8');
			// Never a static import of the index: only a dynamic import of a URL made at run time.
			expect(code, file).not.toMatch(/(^|[;\s])import\s*[^(]*pagefind/);
		}
	});

	it('has no inline script or style anywhere, for a strict Content-Security-Policy', () => {
		for (const file of htmlFiles(dist)) {
			const page = readPage(dist, `/${file}`);
			for (const script of page.querySelectorAll('script')) expect(script.getAttribute('src'), `${file}: inline script`).toBeTruthy();
			expect(page.querySelectorAll('[style]').length, `${file}: style attribute`).toBe(0);
			expect(page.querySelectorAll('style').length, `${file}: style element`).toBe(0);
		}
	});

	it('makes the search page a real form that works as a link without JavaScript', () => {
		const page = readPage(dist, '/search/');
		const form = page.querySelector('form[role=search]');
		expect(form?.getAttribute('action')).toBe('/search/');
		expect(form?.getAttribute('method')).toBe('get');
		expect(page.querySelector('label[for=search-q]')?.textContent.trim()).toBe('What are you looking for?');
		expect(page.querySelector('input#search-q')?.getAttribute('name')).toBe('q');
		expect(page.querySelector('noscript')?.textContent).toContain('Search needs JavaScript');
		const aToZ = page.querySelectorAll('#a-to-z ~ ul a').map((a) => a.getAttribute('href'));
		expect(aToZ).toEqual(['/otherby/a-to-z/', '/testwick/a-to-z/']);
	});

	it("gives each guide a box limited to its neighbourhood, with a way to search them all", () => {
		const page = readPage(dist, '/testwick/');
		const form = page.querySelector('main form[role=search]');
		expect(form?.getAttribute('action')).toBe('/search/');
		expect(form?.querySelector('input[type=hidden][name=n]')?.getAttribute('value')).toBe('testwick');
		expect(page.querySelector('label[for=search-q]')?.textContent.trim()).toBe('Search the Testwick guide');
		expect(page.querySelector('[data-search-widen]')?.getAttribute('href')).toBe('/search/');
	});

	it('offers only filter choices that can find something', () => {
		const page = readPage(dist, '/search/');
		const options = (name: string) => page.querySelectorAll(`select[name=${name}] option`).map((o) => o.textContent.trim());
		expect(options('n')).toEqual(['All neighbourhoods', 'Otherby', 'Testwick']);
		expect(options('day')).toEqual(['Any day', 'Monday', 'Tuesday', 'Thursday', 'Saturday', 'Sunday']);
		expect(options('kind')).toContain('Stories');
		const access = page.querySelectorAll('input[name=access]').map((i) => i.getAttribute('value'));
		expect(access).toEqual(['step-free', 'hearing-loop', 'seating', 'quiet-space']);
	});

	it('tells link workers how to search with someone and share the results', () => {
		const page = readPage(dist, '/for-surgeries/');
		expect(page.querySelectorAll('#find ~ p a').map((a) => a.getAttribute('href'))).toContain('/search/');
		expect(mainText(page)).toContain('The address of the results holds the search.');
	});

	it('has a link to search in the main navigation of every page that has one', () => {
		const withNav = htmlFiles(dist).filter((file) => readPage(dist, `/${file}`).querySelector('nav[aria-label=Main]'));
		// Embeds and posters have no navigation; every other page does.
		expect(withNav.length).toBeGreaterThan(20);
		for (const file of withNav) {
			const links = readPage(dist, `/${file}`).querySelectorAll('nav[aria-label=Main] a');
			expect(links.find((a) => a.textContent.trim() === 'Search')?.getAttribute('href'), file).toBe('/search/');
		}
	});
});

describe('A to Z', () => {
	it('lists every published entry and story of the neighbourhood, by letter', () => {
		const page = readPage(dist, '/testwick/a-to-z/');
		const titles = page.querySelectorAll('main .entry-title').map((a) => a.textContent.trim());
		const expected = [
			...content.assets.filter((a) => a.n === 'testwick' && !a.data.draft).map((a) => a.data.title),
			...content.stories.filter((s) => s.n === 'testwick' && !s.data.draft).map((s) => s.data.title),
		].sort((a, b) => a.localeCompare(b, 'en-GB'));
		expect(titles).toEqual(expected);
		expect(page.querySelectorAll('main h2.letter-heading').map((h) => h.textContent.trim())).toEqual(['A', 'H', 'M', 'P', 'Q', 'S', 'W']);
		expect(mainText(page)).toContain('Story by Jean, Test Street');
		expect(mainText(page)).not.toMatch(/Secret Draft|Draft Story/);
	});

	it('is linked from the guide', () => {
		expect(readPage(dist, '/testwick/').querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain('/testwick/a-to-z/');
	});
});

describe('the indexing stage', () => {
	const temp = mkdtempSync(path.join(os.tmpdir(), 'search-stage-'));
	afterAll(() => rmSync(temp, { recursive: true, force: true }));
	const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: 'test', options: {} } as never;

	it('fails, saying what to do, when the pages marked for search are not the guide pages', async () => {
		// A guide page marked, one not, and a marked page where no searchable page lives (a print page): the guides have 12.
		const page = (file: string, body: string) => {
			mkdirSync(path.dirname(path.join(temp, file)), { recursive: true });
			writeFileSync(path.join(temp, file), `<html lang="en"><body>${body}</body></html>`);
		};
		page('one/index.html', '<main data-pagefind-body><h1>One</h1><p>Words</p></main>');
		page('two/index.html', '<h1>Two</h1>');
		page('one/print/index.html', '<main data-pagefind-body><h1>One in print</h1><p>Words</p></main>');
		await expect(searchIndex.run({ outDir: temp, base: '/', content, logger })).rejects.toThrow(
			/Building the search index failed: indexed 1 page, but the guides have 12 neighbourhood, asset and story pages\.\n.*ScreenLayout searchable.*\n.*SEARCHABLE_PAGES/,
		);
	});
});
