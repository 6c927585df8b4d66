/**
 * The Content-Security-Policy in a real browser, enforced (the other browser
 * tests bypass it to inject axe-core): every page loads with no violation,
 * the search works under it, and it really blocks what it should.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { outDirOf } from '../helpers/build.ts';
import { describeInBrowser, useChromium, useServedSite } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/dist.ts';

interface Watched {
	page: Page;
	violations: () => Promise<string[]>;
	close: () => Promise<void>;
}

describeInBrowser('the Content-Security-Policy in Chromium', () => {
	const chrome = useChromium();
	const servers = {
		fixtureUnderBase: useServedSite('fixtureUnderBase', '/guides/'),
		hostileHtml: useServedSite('hostileHtml'),
	};

	/** A page that records every CSP violation, with the policy enforced. */
	async function open(): Promise<Watched> {
		const context = await chrome.browser.newContext({ bypassCSP: false });
		// Init scripts come from the test, not the page, so the page's policy does not apply to them.
		await context.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { __violations: string[] }).__violations = seen;
			document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
		});
		const page = await context.newPage();
		return {
			page,
			violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
			close: () => context.close(),
		};
	}

	for (const site of ['fixtureUnderBase', 'hostileHtml'] as const) {
		it(`loads every page of the ${site} site with no violation`, async () => {
			const server = servers[site];
			const { page, violations, close } = await open();
			const pages = htmlFiles(outDirOf(site)).filter((file) => !file.startsWith('_'));
			expect(pages.length).toBeGreaterThan(5);
			for (const file of pages) {
				const url = `${server.url}${file.replace(/index\.html$/, '')}`;
				await page.goto(url);
				// An old address moves on at once (meta refresh): check the page it leads to.
				if (/http-equiv="refresh"/.test(readFileSync(path.join(outDirOf(site), file), 'utf8'))) await page.waitForURL((next) => next.href !== url);
				await page.waitForLoadState('load');
				expect({ file, violations: await violations() }).toEqual({ file, violations: [] });
				// The site's own stylesheets loaded, and none was blocked.
				expect(await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length)).toBeGreaterThan(0);
			}
			await close();
		});
	}

	it('blocks an inline script, an outside picture and an outside stylesheet', async () => {
		const { page, violations, close } = await open();
		await page.goto(`${servers.fixtureUnderBase.url}testwick/`);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__ran = true';
			document.body.append(script);
			const img = document.createElement('img');
			img.src = 'https://evil.example/pixel.png';
			document.body.append(img);
			const link = document.createElement('link');
			link.rel = 'stylesheet';
			link.href = 'https://evil.example/x.css';
			document.head.append(link);
		});
		await page.waitForTimeout(200);
		expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
		expect((await violations()).map((v) => v.split(' ')[0]).sort()).toEqual(['img-src', 'script-src-elem', 'style-src-elem']);
		await close();
	});

	it('lets the search run its WebAssembly and find an entry, with the policy as every page carries it', async () => {
		expect(existsSync(path.join(outDirOf('fixtureUnderBase'), 'search/index.html'))).toBe(true);
		const { page, violations, close } = await open();
		await page.goto(`${servers.fixtureUnderBase.url}search/?q=knitting`);
		await page.waitForFunction(() => /\d+ results? for/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 20_000 });
		expect(await page.locator('main').innerText()).toMatch(/knitting lessons/i);
		expect(await violations()).toEqual([]);
		await close();
	});
});
