/**
 * Search for real: the built Pagefind index, searched in Chromium from the
 * built pages on a local static server, under a base path (and once at the
 * root, from Python's plain http.server).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { outDirOf } from '../helpers/build.ts';
import { axeViolations, describeInBrowser, openPage, useChromium, useServedSite } from '../helpers/browser.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

const status = (page: Page) => page.locator('[data-search-status]');
const resultTitles = (page: Page) => page.locator('[data-search-list] .card-title a').allTextContents();
const resultLinks = (page: Page) => page.locator('[data-search-list] .card-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

/** Wait until the status line says `text` (the search has finished). */
async function waitForStatus(page: Page, text: string | RegExp) {
	await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toMatch(text);
}

describeInBrowser('search in Chromium', () => {
	const chrome = useChromium();
	const server = useServedSite('fixtureUnderBase', '/guides/');

	it('finds an entry by a word, with its neighbourhood, summary, and when and where in words', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/?q=knitting`);
		await waitForStatus(page, '1 result for “knitting”.');
		const card = page.locator('[data-search-list] > li').first();
		expect(await card.locator('h3 a').textContent()).toBe("Margaret's knitting lessons");
		expect(await card.locator('h3 a').getAttribute('href')).toBe('/guides/testwick/assets/knitting-first-name/');
		expect(await card.locator('.card-meta').textContent()).toBe("A neighbour's gift in Testwick");
		const text = (await card.textContent()) ?? '';
		expect(text).toContain('Margaret teaches beginners to knit.');
		expect(text).toContain('Second and fourth Monday of the month, 1:30pm to 3:30pm (in the library)');
		expect(text).toContain('Free');
		await card.locator('h3 a').click();
		await page.waitForURL('**/guides/testwick/assets/knitting-first-name/');
		expect(await page.locator('h1').textContent()).toBe("Margaret's knitting lessons");
		await context.close();
	});

	it('finds where and when too, in words: a place, a day, "free"', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/?q=Test+Hall`);
		await waitForStatus(page, /results? for “Test Hall”/);
		const hall = await resultTitles(page);
		expect(hall.slice(0, 2).sort()).toEqual(['Monthly Lunch', 'Weekly Group']);
		await page.goto(`${server.url}search/?q=tuesday`);
		await waitForStatus(page, /results? for “tuesday”/);
		expect(await resultTitles(page)).toContain('Weekly Group');
		await page.goto(`${server.url}search/?q=free`);
		await waitForStatus(page, /results? for “free”/);
		expect(await resultTitles(page)).toEqual(expect.arrayContaining(['Weekly Group', 'Quiet Garden', "Margaret's knitting lessons"]));
		await context.close();
	});

	it('finds the start of a word, and other forms of it (English stemming)', async () => {
		const { page, context } = await openPage(chrome.browser);
		for (const [query, title] of [
			['knit', "Margaret's knitting lessons"],
			// Neither is the start of the word on the page: only stemming finds these.
			['sings', 'Singing again'],
			['mends', 'A retired joiner who fixes wobbly chairs'],
		]) {
			await page.goto(`${server.url}search/?q=${query}`);
			await waitForStatus(page, new RegExp(`results? for “${query}”`));
			expect(await resultTitles(page), query).toContain(title);
		}
		await context.close();
	});

	it('finds each thing once: the guide that lists it and the story with its card are not results too', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/?q=knitting`);
		await waitForStatus(page, '1 result for “knitting”.');
		expect(await resultLinks(page)).toEqual(['/guides/testwick/assets/knitting-first-name/']);
		await context.close();
	});

	it('searches as you type, keeps the search in the address, and shows it again on reload', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/`);
		await page.locator('#search-q').pressSequentially('lunch');
		await waitForStatus(page, '1 result for “lunch”.');
		expect(new URL(page.url()).search).toBe('?q=lunch');
		await page.reload();
		await waitForStatus(page, '1 result for “lunch”.');
		expect(await page.locator('#search-q').inputValue()).toBe('lunch');
		expect(await resultTitles(page)).toEqual(['Monthly Lunch']);
		await context.close();
	});

	it('narrows results with filters, which live in the address too', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/?q=free`);
		await waitForStatus(page, /^\d+ results for “free”\.$/);
		const all = await resultTitles(page);
		expect(all.length).toBeGreaterThan(2);

		await page.locator('.search-filters summary').click();
		await page.locator('select[name=day]').selectOption('tuesday');
		await waitForStatus(page, '1 result for “free” (Tuesday).');
		expect(await resultTitles(page)).toEqual(['Weekly Group']);
		expect(new URL(page.url()).searchParams.get('day')).toBe('tuesday');

		await page.getByLabel('Hearing loop').check();
		await waitForStatus(page, '1 result for “free” (Tuesday, Hearing loop).');
		await page.getByLabel('Seating').check();
		await waitForStatus(page, 'No results for “free” (Tuesday, Hearing loop, Seating).');
		expect(await page.locator('.search-none').textContent()).toContain('take away some of your choices');
		expect(new URL(page.url()).searchParams.getAll('access')).toEqual(['hearing-loop', 'seating']);

		// The address holds it all: the same list comes back from a link.
		await page.goto(`${server.url}search/?q=free&day=tuesday&access=hearing-loop`);
		await waitForStatus(page, '1 result for “free” (Tuesday, Hearing loop).');
		expect(await page.locator('.search-filters summary').textContent()).toMatch(/Narrow your search\s+\(2 chosen\)/);
		expect(await page.getByLabel('Hearing loop').isChecked()).toBe(true);
		await page.locator('.search-filters summary').click();

		await page.getByRole('button', { name: 'Clear all choices' }).click();
		await waitForStatus(page, `${all.length} results for “free”.`);
		expect(new URL(page.url()).search).toBe('?q=free');
		await context.close();
	});

	it('lists everything a filter matches, with no words needed', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/?n=otherby`);
		await waitForStatus(page, '3 results (Otherby).');
		expect((await resultLinks(page)).sort()).toEqual(['/guides/otherby/', '/guides/otherby/assets/other-cafe/', '/guides/otherby/stories/next-door/']);
		await page.goto(`${server.url}search/?kind=story`);
		await waitForStatus(page, '3 results (Stories).');
		await context.close();
	});

	it("keeps a guide's box in its neighbourhood, with an obvious way to search them all", async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}otherby/`);
		await page.getByLabel('Search the Otherby guide').fill('tuesday');
		await waitForStatus(page, /results? for “tuesday” in Otherby\./);
		const scoped = await resultLinks(page);
		expect(scoped.length).toBeGreaterThan(0);
		for (const link of scoped) expect(link).toMatch(/^\/guides\/otherby\//);
		expect(new URL(page.url()).search).toBe('?q=tuesday');

		const widen = page.getByRole('link', { name: 'Search all neighbourhoods for “tuesday”' });
		expect(await widen.getAttribute('href')).toBe('/guides/search/?q=tuesday');
		await widen.click();
		await waitForStatus(page, /results for “tuesday”\./);
		const everywhere = await resultLinks(page);
		expect(everywhere.length).toBeGreaterThan(scoped.length);
		expect(everywhere.some((link) => link?.startsWith('/guides/testwick/'))).toBe(true);

		// Nothing here, but something elsewhere: the way out is right there.
		await page.goto(`${server.url}testwick/`);
		await page.getByLabel('Search the Testwick guide').fill('cafe');
		await waitForStatus(page, 'No results for “cafe” in Testwick.');
		await page.locator('.search-none').getByRole('link', { name: 'Search all neighbourhoods for “cafe”' }).click();
		await waitForStatus(page, '1 result for “cafe”.');
		expect(await resultTitles(page)).toEqual(['Other Cafe']);
		await context.close();
	});

	it('fetches nothing of Pagefind until someone uses the search box', async () => {
		for (const path of ['search/', 'testwick/', 'testwick/assets/weekly-group/', 'testwick/a-to-z/']) {
			const { page, context, requests } = await openPage(chrome.browser);
			await page.goto(`${server.url}${path}`);
			await page.waitForLoadState('networkidle');
			expect(requests.filter((url) => /pagefind|search-ui/.test(url)), path).toEqual([]);
			if (path === 'search/' || path === 'testwick/') {
				await page.locator('#search-q').focus();
				await expect.poll(() => requests.some((url) => url.endsWith('/guides/pagefind/pagefind.js'))).toBe(true);
				await expect.poll(() => requests.some((url) => url.includes('/guides/pagefind/wasm.'))).toBe(true);
			}
			expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
			await context.close();
		}
	});

	it('never finds a name or contact that consent withholds', async () => {
		const { page, context } = await openPage(chrome.browser);
		// The gift is in the index, by the first name it may show...
		await page.goto(`${server.url}search/?q=Margaret`);
		await waitForStatus(page, /results? for “Margaret”\./);
		expect(await resultTitles(page)).toContain("Margaret's knitting lessons");
		// ...but nothing finds the surname withheld from its page, or any of the via-connector gift's name or number.
		for (const secret of ['Zzholt', 'zzholt', 'Qqlumb', 'Derek', '900002', '900003']) {
			await page.goto(`${server.url}search/?q=${encodeURIComponent(secret)}`);
			await waitForStatus(page, `No results for “${secret}”.`);
			expect(await page.locator('[data-search-list] > li').count(), secret).toBe(0);
		}
		await context.close();
	});

	it('works by keyboard alone: labelled box, results announced, filters and results reachable', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/`);
		const input = page.getByLabel('What are you looking for?');
		expect(await input.getAttribute('id')).toBe('search-q');
		for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== 'search-q'; i++) await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
		await page.keyboard.press('Enter');
		await waitForStatus(page, 'Type what you are looking for, then press Search.');
		await page.keyboard.type('garden');
		await page.keyboard.press('Enter');
		await waitForStatus(page, '1 result for “garden”.');
		// The count is in a live region, so screen readers announce it.
		expect(await status(page).getAttribute('role')).toBe('status');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('n');
		// Past the filters to the result.
		for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.closest('[data-search-list]') === null)); i++) await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Quiet Garden');
		const focus = await page.evaluate(() => getComputedStyle(document.activeElement as Element).backgroundColor);
		expect(focus).toBe('rgb(255, 221, 0)');
		await context.close();
	});

	it('has no accessibility violations with results and filters showing', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}search/?q=free&cost=free`);
		await waitForStatus(page, /results? for “free” \(Free\)\./);
		await page.locator('.search-filters summary').click();
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(`${server.url}search/?q=xylophone`);
		await waitForStatus(page, /No results/);
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(`${server.url}testwick/?q=knit`);
		await waitForStatus(page, '1 result for “knit” in Testwick.');
		expect(await axeViolations(page)).toEqual([]);
		for (const path of ['search/', 'testwick/a-to-z/']) {
			await page.goto(`${server.url}${path}`);
			expect(await axeViolations(page), path).toEqual([]);
		}
		await context.close();
	});

	it('fits a 320px screen and 200% zoom, with controls at least 44px tall', async () => {
		for (const viewport of [{ width: 320 }, { width: 640, zoom: 2 }]) {
			const { page, context } = await openPage(chrome.browser, { width: viewport.width });
			await page.goto(`${server.url}search/?q=free&day=tuesday`);
			await waitForStatus(page, /result/);
			await page.locator('.search-filters summary').click();
			if (viewport.zoom) await page.evaluate((z) => ((document.body.style as unknown as { zoom: string }).zoom = String(z)), viewport.zoom);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `width ${viewport.width}`).toBeLessThanOrEqual(0);
			const small = await page.evaluate(() =>
				[...document.querySelectorAll('.search input:not([type=hidden]), .search select, .search button, .search summary, .search a, .letters a')]
					// A checkbox is chosen by its whole label.
					.map((el) => (el.matches('input[type=checkbox]') ? el.closest('label')! : el))
					.map((el) => ({ text: (el.textContent ?? el.tagName).trim().slice(0, 40), height: el.getBoundingClientRect().height }))
					.filter((t) => t.height > 0 && t.height < 44),
			);
			expect(small).toEqual([]);
			await context.close();
		}
	});

	it('shows more results on request, and moves focus to the first new one', async () => {
		const sample = await serveStatic(outDirOf('sample'), '/');
		try {
			const { page, context } = await openPage(chrome.browser);
			await page.goto(`${sample.url}search/?cost=free`);
			await waitForStatus(page, /^\d+ results \(Free\)\.$/);
			const total = Number((await status(page).textContent())?.match(/^\d+/)?.[0]);
			expect(total).toBeGreaterThan(10);
			expect(await page.locator('[data-search-list] > li').count()).toBe(10);
			await page.getByRole('button', { name: /^Show \d+ more/ }).click();
			await expect.poll(() => page.locator('[data-search-list] > li').count()).toBe(Math.min(20, total));
			const focused = await page.evaluate(() => [...document.querySelectorAll('[data-search-list] > li')].indexOf(document.activeElement!.closest('[data-search-list] > li')!));
			expect(focused).toBe(10);
			await context.close();
		} finally {
			await sample.close();
		}
	});

	it('without JavaScript, says so and leads to the A to Z of each neighbourhood', async () => {
		const context = await chrome.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		// The box on a guide is a real form: it goes to the search page.
		await page.goto(`${server.url}testwick/`);
		await page.getByLabel('Search the Testwick guide').fill('knit');
		await page.getByLabel('Search the Testwick guide').press('Enter');
		await page.waitForURL('**/guides/search/?q=knit&n=testwick');
		expect(await page.locator('noscript .notice').isVisible()).toBe(true);
		expect(await page.locator('noscript .notice').textContent()).toContain('Search needs JavaScript');
		// Filters need the script, so they are not offered without it.
		expect(await page.locator('.search-filters').isVisible()).toBe(false);
		await page.getByRole('link', { name: 'Testwick, A to Z' }).click();
		await page.waitForURL('**/guides/testwick/a-to-z/');
		expect(await page.locator('h1').textContent()).toBe('Testwick, A to Z');
		expect(await page.getByRole('link', { name: "Margaret's knitting lessons" }).getAttribute('href')).toBe('/guides/testwick/assets/knitting-first-name/');
		await context.close();
	});

	it('works under a strict Content-Security-Policy: only the site\'s own files, and WebAssembly', async () => {
		const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'";
		const context = await chrome.browser.newContext();
		const page = await context.newPage();
		const refused: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
		});
		await page.route('**/*', async (route) => {
			const response = await route.fetch();
			await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
		});
		await page.goto(`${server.url}testwick/`);
		await page.getByLabel('Search the Testwick guide').fill('knit');
		await waitForStatus(page, '1 result for “knit” in Testwick.');
		await page.goto(`${server.url}search/?q=free&day=tuesday`);
		await waitForStatus(page, '1 result for “free” (Tuesday).');
		expect(refused).toEqual([]);
		await context.close();
	});

	it('says so, and offers the A to Z, when search cannot load', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.route('**/pagefind/**', (route) => route.abort());
		await page.goto(`${server.url}testwick/`);
		await page.getByLabel('Search the Testwick guide').fill('knit');
		await waitForStatus(page, /search is not working/);
		expect(await status(page).locator('a').getAttribute('href')).toBe('/guides/testwick/a-to-z/');
		// When the connection comes back, the next try works without reloading the page.
		await page.unroute('**/pagefind/**');
		await page.getByLabel('Search the Testwick guide').fill('knitting');
		await waitForStatus(page, '1 result for “knitting” in Testwick.');
		await context.close();
	});
});

describeInBrowser('search on a plain static host, at the root', () => {
	const chrome = useChromium();
	let host: { url: string; close: () => Promise<void> };

	beforeAll(async () => {
		host = (await pythonServer(outDirOf('fixture'))) ?? (await serveStatic(outDirOf('fixture'), '/'));
	});
	afterAll(async () => {
		await host?.close();
	});

	it('finds and links results with no base path', async () => {
		const { page, context, requests } = await openPage(chrome.browser);
		await page.goto(`${host.url}search/?q=knitting`);
		await waitForStatus(page, '1 result for “knitting”.');
		expect(await resultLinks(page)).toEqual(['/testwick/assets/knitting-first-name/']);
		expect(requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
		await context.close();
	});
});

/** `python3 -m http.server` over a folder: the plainest static host there is. Undefined without Python. */
async function pythonServer(dir: string): Promise<{ url: string; close: () => Promise<void> } | undefined> {
	if (spawnSync('python3', ['--version']).status !== 0) return undefined;
	const child: ChildProcess = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
	const port = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /port (\d+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.on('exit', (code) => reject(new Error(`python3 http.server exited (${code}): ${out}`)));
	});
	return {
		url: `http://127.0.0.1:${port}/`,
		close: async () => {
			child.kill();
		},
	};
}
