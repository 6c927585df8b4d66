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

	it('an address cut short after a neighbourhood ("not found") points to its guide, and offers search', async () => {
		const context = await chrome.browser.newContext();
		const page = await context.newPage();
		for (const server of [root, based]) {
			const response = await page.goto(`${server.url}testwick/stories/`);
			expect(response?.status()).toBe(404);
			const guess = page.locator('[data-not-found-guess] a');
			await expect(guess.isVisible()).resolves.toBe(true);
			expect(await guess.textContent()).toBe('Testwick guide');
			expect(new URL((await guess.getAttribute('href'))!, server.url).href).toBe(`${server.url}testwick/`);
			await expect(page.getByRole('searchbox').isVisible()).resolves.toBe(true);
			// An address that names no neighbourhood guesses nothing.
			await page.goto(`${server.url}no-such-place/`);
			await expect(page.locator('[data-not-found-guess]').isVisible()).resolves.toBe(false);
		}
		await context.close();
		// Without JavaScript: no guess, but the search box (a form to the search page) and every guide.
		const plain = await chrome.browser.newContext({ javaScriptEnabled: false });
		const noScript = await plain.newPage();
		await noScript.goto(`${based.url}testwick/stories/`);
		await expect(noScript.getByRole('searchbox').isVisible()).resolves.toBe(true);
		await expect(noScript.getByRole('link', { name: 'Testwick', exact: true }).isVisible()).resolves.toBe(true);
		await plain.close();
	});

	it('an address that was never an alias is still "not found"', async () => {
		const context = await chrome.browser.newContext();
		const page = await context.newPage();
		const response = await page.goto(`${root.url}testwick/assets/never-was/`);
		expect(response?.status()).toBe(404);
		await context.close();
	});
});
