/** An entry's old address (`aliases: [old-lunch]`) leads to its page in a real browser, with or without JavaScript. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outDirOf } from '../helpers/build.ts';
import { describeInBrowser, launch } from '../helpers/browser.ts';
import { serveStatic, type RunningServer } from '../../src/lib/static-server.ts';

describeInBrowser('old addresses in Chromium', () => {
	let browser: Browser;
	let root: RunningServer;
	let based: RunningServer;

	beforeAll(async () => {
		browser = await launch();
		root = await serveStatic(outDirOf('fixture'), '/');
		based = await serveStatic(outDirOf('fixtureUnderBase'), '/guides/');
	});
	afterAll(async () => {
		await browser?.close();
		await root?.close();
		await based?.close();
	});

	for (const javaScriptEnabled of [true, false]) {
		it(`an old address reaches the entry's page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
			const context = await browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			for (const server of [root, based]) {
				await page.goto(`${server.url}testwick/assets/old-lunch/`);
				await page.waitForURL(`${server.url}testwick/assets/monthly-lunch/`);
				expect(await page.locator('h1').textContent()).toBe('Monthly Lunch');
			}
			await context.close();
		});
	}

	it('an address that was never an alias is still "not found"', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const response = await page.goto(`${root.url}testwick/assets/never-was/`);
		expect(response?.status()).toBe(404);
		await context.close();
	});
});
