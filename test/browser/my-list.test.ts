/**
 * "My list" in a real Chromium: adding from entries, the link that carries
 * the list (the round trip to another browser), taking things off, old and
 * unknown slugs, consent, and what the page says with JavaScript off.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeInBrowser, openPage, useChromium, useServedSite } from '../helpers/browser.ts';

describeInBrowser('My list', () => {
	const chrome = useChromium();
	const server = useServedSite('fixtureUnderBase', '/guides/');

	const listTitles = (page: Page) => page.locator('[data-my-list-entries] .p-entry-title').allTextContents();

	it('adds entries from their pages and cards, and opens them as a list with a link that carries them', async () => {
		const { page, context, requests } = await openPage(chrome.browser, { width: 390 });
		await page.goto(`${server.url}testwick/assets/weekly-group/`);
		// Nothing on the list yet: no "See my list (0)".
		await page.getByRole('button', { name: 'Add Weekly Group to my list' }).waitFor();
		await expect(page.getByRole('link', { name: /See my list/ }).count()).resolves.toBe(0);
		await page.getByRole('button', { name: 'Add Weekly Group to my list' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Added to your list.' }).count()).resolves.toBe(1);
		await expect(page.getByRole('button', { name: 'Take Weekly Group off my list' }).count()).resolves.toBe(1);

		await page.goto(`${server.url}testwick/themes/company-and-a-cuppa/`);
		await page.getByRole('button', { name: 'Add Monthly Lunch to my list' }).click();
		// Every "See my list" on the page counts both.
		await expect(page.getByRole('link', { name: 'See my list (2)' }).first().isVisible()).resolves.toBe(true);
		await page.getByRole('link', { name: 'See my list (2)' }).first().click();

		await page.waitForSelector('[data-my-list-entries] .p-entry');
		expect(await listTitles(page)).toEqual(['Weekly Group', 'Monthly Lunch']);
		expect(new URL(page.url()).search).toBe('?e=weekly-group,monthly-lunch');
		const link = await page.getByLabel('Link to this list').inputValue();
		expect(link).toBe(page.url());
		expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
		await context.close();

		// The link, opened on another device (no storage), shows the same list.
		const other = await openPage(chrome.browser);
		await other.page.goto(link);
		await other.page.waitForSelector('[data-my-list-entries] .p-entry');
		expect(await listTitles(other.page)).toEqual(['Weekly Group', 'Monthly Lunch']);
		await other.context.close();
	});

	it('takes things off, keeping the address, the page and the device in step', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/my-list/?e=weekly-group,monthly-lunch,quiet-garden`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		await page.getByRole('button', { name: 'Take Monthly Lunch off my list' }).click();
		expect(await listTitles(page)).toEqual(['Weekly Group', 'Quiet Garden']);
		expect(new URL(page.url()).search).toBe('?e=weekly-group,quiet-garden');
		expect(await page.getByLabel('Link to this list').inputValue()).toBe(page.url());
		expect(await page.locator('[data-my-list-count]').textContent()).toBe('2 things on this list');
		// The keyboard stays on the list, not lost at the top of the page.
		expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Quiet Garden');

		// The device remembers: the entry page shows it is on the list, the list page without an address shows it.
		await page.goto(`${server.url}testwick/assets/quiet-garden/`);
		await expect(page.getByRole('button', { name: 'Take Quiet Garden off my list' }).count()).resolves.toBe(1);
		await page.goto(`${server.url}testwick/my-list/`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		expect(new URL(page.url()).search).toBe('?e=weekly-group,quiet-garden');
		await context.close();
	});

	it('keeps an earlier list when a link brings a different one, and can bring it back', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/my-list/?e=quiet-garden`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		await page.goto(`${server.url}testwick/my-list/?e=monthly-lunch`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		expect(await page.getByRole('status').first().textContent()).toContain('Your earlier list is kept aside');
		await page.getByRole('button', { name: 'Bring back my earlier list' }).click();
		expect(await listTitles(page)).toEqual(['Quiet Garden']);
		expect(new URL(page.url()).search).toBe('?e=quiet-garden');
		await context.close();
	});

	it('"Start a new list" keeps nothing on the device: it can be undone on the page, not by the next person at a shared computer', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/my-list/?e=quiet-garden,monthly-lunch`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		await page.getByRole('button', { name: 'Start a new list' }).click();
		expect(await page.getByRole('status').first().textContent()).toContain('nothing of it is kept on this device');
		expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => localStorage.getItem(key)))).toEqual([]);
		// Changed their mind at once: it comes back.
		await page.getByRole('button', { name: 'Bring back my earlier list' }).click();
		expect(await listTitles(page)).toEqual(['Quiet Garden', 'Monthly Lunch']);
		// Cleared again and left: the next person finds an empty list and nothing to bring back.
		await page.getByRole('button', { name: 'Start a new list' }).click();
		await page.goto(`${server.url}testwick/my-list/`);
		await page.waitForSelector('[data-my-list-empty]:not([hidden])');
		await expect(page.getByRole('button', { name: 'Bring back my earlier list' }).isVisible()).resolves.toBe(false);
		expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => localStorage.getItem(key)))).toEqual([]);
		await context.close();
	});

	it('follows a renamed entry, says when something has gone, and shows only what consent allows', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/my-list/?e=old-lunch,no-such-entry,knitting-first-name,joiner-via-connector`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		expect(await listTitles(page)).toEqual(['Monthly Lunch', "Margaret's knitting lessons", 'A retired joiner who fixes wobbly chairs']);
		expect(await page.getByRole('status').first().textContent()).toContain('One thing on this list is no longer in the guide');
		expect(new URL(page.url()).search).toBe('?e=monthly-lunch,knitting-first-name,joiner-via-connector');
		const text = await page.locator('main').innerText();
		for (const withheld of ['Zzholt', 'Qqlumb', 'Derek', '07700 900002', '07700 900003']) expect(text).not.toContain(withheld);
		expect(text).toContain('Someone to ask');
		expect(text).toContain('Connie Connector');
		await context.close();
	});

	it('prints as the entries, the people to ask and the link, without buttons', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/my-list/?e=weekly-group`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		await page.emulateMedia({ media: 'print' });
		const printed = await page.locator('body').innerText();
		expect(printed).toContain('Weekly Group');
		expect(printed).toContain('Every Tuesday, 10am to 12 noon');
		expect(printed).toMatch(/This list online: 127\.0\.0\.1:\d+\/guides\/testwick\/my-list\/\?e=weekly-group/);
		for (const screenOnly of ['Print my list', 'Copy the link', 'Take Weekly Group off my list', 'Start a new list', 'Suggest a change']) {
			expect(printed).not.toContain(screenOnly);
		}
		await context.close();
	});

	it('has no accessibility violations, with entries and when empty', async () => {
		const { page, context } = await openPage(chrome.browser);
		for (const path of ['testwick/my-list/?e=weekly-group,knitting-first-name', 'testwick/my-list/']) {
			await page.goto(`${server.url}${path}`);
			await page.waitForSelector('[data-my-list-full]:not([hidden]), [data-my-list-empty]:not([hidden])');
			expect(await axeViolations(page), path).toEqual([]);
		}
		await context.close();
	});

	it('fits 320px wide with its controls at least 44px tall', async () => {
		const { page, context } = await openPage(chrome.browser, { width: 320 });
		await page.goto(`${server.url}testwick/my-list/?e=weekly-group`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
		const small = await page.evaluate(() =>
			[...document.querySelectorAll('main button, main input, .add-to-list a')]
				.map((el) => ({ text: (el.textContent ?? '').trim(), height: el.getBoundingClientRect().height }))
				.filter((t) => t.height > 0 && t.height < 44),
		);
		expect(small).toEqual([]);
		await context.close();
	});

	it('without JavaScript: no "Add to my list" that could not work, and the list page says what it needs', async () => {
		const context = await chrome.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${server.url}testwick/assets/weekly-group/`);
		await expect(page.getByText('Add Weekly Group to my list').isVisible()).resolves.toBe(false);
		expect(await page.getByRole('link', { name: /to my list/ }).count()).toBe(0);
		await page.goto(`${server.url}testwick/my-list/?add=weekly-group`);
		expect(await page.locator('main').innerText()).toContain('Your list needs JavaScript, which is turned off or not working in this browser.');
		await expect(page.locator('[data-my-list]').isVisible()).resolves.toBe(false);
		await context.close();
	});

	it('with storage blocked, still works through the address alone', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('blocked', 'SecurityError');
				},
			});
		});
		await page.goto(`${server.url}testwick/assets/weekly-group/`);
		// No toggle without storage: the plain link adds through the address.
		await page.getByRole('link', { name: 'Add Weekly Group to my list' }).click();
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		expect(await listTitles(page)).toEqual(['Weekly Group']);
		expect(new URL(page.url()).search).toBe('?e=weekly-group');
		await context.close();
	});
});
