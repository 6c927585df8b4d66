/**
 * Every page type in Chromium: it renders, axe-core finds no WCAG 2.2 A/AA
 * violation, focus is visible when tabbing, nothing is fetched from another
 * server, and the page fits a 320px screen.
 */
import { expect, it } from 'vitest';
import { axeViolations, describeInBrowser, openPage, useChromium, useServedSite } from '../helpers/browser.ts';

const PAGES = {
	home: '',
	neighbourhood: 'testwick/',
	asset: 'testwick/assets/weekly-group/',
	'first-name gift': 'testwick/assets/knitting-first-name/',
	story: 'testwick/stories/first-story/',
	'MDX story': 'testwick/stories/singing-story/',
	"what's on": 'testwick/whats-on/',
	theme: 'testwick/themes/company-and-a-cuppa/',
	'not found': 'no-such-page/',
};

describeInBrowser('pages in Chromium', () => {
	const chrome = useChromium();
	const server = useServedSite('fixtureUnderBase', '/guides/');

	for (const [name, path] of Object.entries(PAGES)) {
		it(`${name} page renders with no accessibility violations and no outside requests`, async () => {
			const { page, context, requests } = await openPage(chrome.browser);
			const response = await page.goto(`${server.url}${path}`);
			expect(response?.status()).toBe(name === 'not found' ? 404 : 200);
			await expect(page.locator('h1').count()).resolves.toBe(1);
			expect(await page.locator('link[rel=stylesheet]').count()).toBeGreaterThan(0);
			// The stylesheet applied: body text is 20px.
			expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('20px');
			expect(await axeViolations(page)).toEqual([]);
			expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
			await context.close();
		});
	}

	it('shows focus clearly when tabbing, starting with the skip link', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/assets/weekly-group/`);
		await page.keyboard.press('Tab');
		const first = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const style = getComputedStyle(el);
			return { text: el.textContent, background: style.backgroundColor, top: el.getBoundingClientRect().top };
		});
		expect(first.text).toBe('Skip to main content');
		expect(first.top).toBeGreaterThanOrEqual(0);
		for (let i = 0; i < 8; i++) {
			await page.keyboard.press('Tab');
			const focus = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				const style = getComputedStyle(el);
				return { tag: el.tagName, background: style.backgroundColor, outline: style.outlineStyle, outlineWidth: style.outlineWidth };
			});
			// Links, and the "Add to my list" button.
			expect(['A', 'BUTTON']).toContain(focus.tag);
			// Links get the yellow highlight; anything else a solid outline.
			expect(focus.background === 'rgb(255, 221, 0)' || (focus.outline === 'solid' && focus.outlineWidth !== '0px')).toBe(true);
		}
		await context.close();
	});

	it('skip link moves focus to the main content', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/`);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await context.close();
	});

	for (const [name, path] of Object.entries(PAGES)) {
		it(`${name} page fits 320px wide, and 200% zoom, without sideways scrolling`, async () => {
			for (const viewport of [{ width: 320 }, { width: 640, zoom: 2 }]) {
				const { page, context } = await openPage(chrome.browser, { width: viewport.width });
				await page.goto(`${server.url}${path}`);
				if (viewport.zoom) await page.evaluate((z) => ((document.body.style as unknown as { zoom: string }).zoom = String(z)), viewport.zoom);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow).toBeLessThanOrEqual(0);
				await context.close();
			}
		});
	}

	it("lines up what's on: every activity's name starts at the same place, on every day", async () => {
		const { page, context } = await openPage(chrome.browser, { width: 1280 });
		await page.goto(`${server.url}testwick/whats-on/`);
		const starts = await page.evaluate(() => [...document.querySelectorAll('.slot a')].map((a) => Math.round(a.getBoundingClientRect().left)));
		// Days with different times ("10am to 12 noon", "1:30pm to 3:30pm") on the page, all in one column.
		expect(starts.length).toBeGreaterThan(2);
		expect(new Set(starts).size).toBe(1);
		await context.close();
	});

	it('makes links and controls at least 44px tall, except links inside sentences', async () => {
		const { page, context } = await openPage(chrome.browser, { width: 375 });
		for (const path of ['testwick/', 'testwick/assets/weekly-group/', 'testwick/whats-on/']) {
			await page.goto(`${server.url}${path}`);
			const small = await page.evaluate(() =>
				[...document.querySelectorAll('a, button, input, select')]
					.filter((el) => !el.closest('p, .prose'))
					.filter((el) => !el.classList.contains('skip-link'))
					.map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 40), height: el.getBoundingClientRect().height }))
					.filter((t) => t.height > 0 && t.height < 44),
			);
			expect(small, path).toEqual([]);
		}
		await context.close();
	});
});
