/** An entry's old address (`aliases: [old-lunch]`) leads to its page in a real browser, with or without JavaScript. */
import { expect, it } from 'vitest';
import { describeInBrowser, useChromium, useServedSite } from '../helpers/browser.ts';

describeInBrowser('old addresses in Chromium', () => {
	const chrome = useChromium();
	const root = useServedSite('fixture');
	const based = useServedSite('fixtureUnderBase', '/guides/');

	for (const javaScriptEnabled of [true, false]) {
		it(`an old address reaches the entry's page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
			const context = await chrome.browser.newContext({ javaScriptEnabled });
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
		const context = await chrome.browser.newContext();
		const page = await context.newPage();
		const response = await page.goto(`${root.url}testwick/assets/never-was/`);
		expect(response?.status()).toBe(404);
		await context.close();
	});
});
