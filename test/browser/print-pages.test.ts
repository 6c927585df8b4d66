/**
 * Paper from the browser: the print pages as a reader sees them on screen
 * (accessible, narrow screens, a Print button), printed from the browser
 * (the same pages as the PDF the build made), and every screen page printed
 * as a clean handout (an entry's page on one sheet, no navigation, its
 * address on it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';
import type { Page } from 'playwright-core';
import { SAMPLE_CONTENT, outDirOf } from '../helpers/build.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { axeViolations, describeInBrowser, openPage, useChromium, useServedSite } from '../helpers/browser.ts';
import { HOW_TO_GET_POPPLER, flat, hasPoppler, pageTexts, pdfInfo } from '../helpers/pdf.ts';

afterAll(removeScratch);

const PRINT_PAGES = ['lockside/print/', 'lockside/print/large/', 'lockside/print/week/'];
const scratch = scratchDir('print-pages-');

/** Print the page as a reader's browser would, and read the PDF back. */
async function printed(page: Page, name: string): Promise<{ file: string; pages: number; text: string[] }> {
	const file = path.join(scratch, `${name.replace(/[^a-z0-9]+/gi, '-')}.pdf`);
	// Chromium now and then answers "Printing failed" on a busy machine; once more is enough.
	const pdf = await page.pdf({ preferCSSPageSize: true }).catch(() => page.pdf({ preferCSSPageSize: true }));
	writeFileSync(file, pdf);
	return { file, pages: pdfInfo(file).pages, text: pageTexts(file) };
}

describeInBrowser('pages made for paper, in the browser', () => {
	const chrome = useChromium();
	const sample = useServedSite('sample');
	const fixture = useServedSite('fixtureUnderBase', '/guides/');

	for (const path of PRINT_PAGES) {
		it(`${path} has no accessibility violations, no outside requests, and fits 320px and 200% zoom`, async () => {
			const { page, context, requests } = await openPage(chrome.browser);
			await page.goto(`${sample.url}${path}`);
			expect(await axeViolations(page)).toEqual([]);
			expect(requests.filter((url) => !url.startsWith(sample.origin))).toEqual([]);
			for (const viewport of [{ width: 320 }, { width: 640, zoom: 2 }]) {
				await page.setViewportSize({ width: viewport.width, height: 800 });
				if (viewport.zoom) await page.evaluate((z) => ((document.body.style as unknown as { zoom: string }).zoom = String(z)), viewport.zoom);
				expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
			}
			await context.close();
		});
	}

	it('offers a Print button that prints, the PDF and the other editions, each easy to tap', async () => {
		const { page, context } = await openPage(chrome.browser, { width: 375 });
		await page.addInitScript(() => {
			(window as unknown as { printed: number }).printed = 0;
			window.print = () => void (window as unknown as { printed: number }).printed++;
		});
		await page.goto(`${sample.url}lockside/print/`);
		await page.getByRole('button', { name: 'Print it' }).click();
		expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
		expect(await page.getByText('use Print in your browser').isVisible()).toBe(false);
		const pdf = page.getByRole('link', { name: /^Download it as a PDF \(\d+\s+pages, \d+\s+KB\)$/ });
		expect(await pdf.getAttribute('href')).toBe('/lockside/guide.pdf');
		for (const name of ['Back to the Lockside guide', 'The whole guide in large print', "What's on each week, on one page"]) {
			const box = await page.getByRole('link', { name }).boundingBox();
			expect(box!.height, name).toBeGreaterThanOrEqual(44);
		}
		// On screen the contents are links to each part: each as easy to tap.
		const contents = await page.locator('.p-contents a').evaluateAll((links) => links.map((a) => ({ text: a.textContent?.trim(), height: a.getBoundingClientRect().height })));
		expect(contents.length).toBeGreaterThan(3);
		expect(contents.filter((link) => link.height < 44)).toEqual([]);
		await context.close();
	});

	it('prints My list of three entries on three sheets, each entry whole, not one entry to a sheet', async () => {
		const chosen = ['lockside-hub', 'stay-and-play', 'ruth-helps-with-phones'];
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${sample.url}lockside/my-list/?e=${chosen.join(',')}`);
		await page.waitForSelector('[data-my-list-entries] .p-entry');
		const entries = await page.locator('[data-my-list-entries] .p-entry').evaluateAll((articles) =>
			articles.map((a) => ({ title: a.querySelector('.p-entry-title')!.textContent!.trim(), last: (a.querySelector('.p-facts > div:last-child dd') as HTMLElement).innerText.trim().split('\n').at(-1)! })),
		);
		expect(entries.map((e) => e.title)).toEqual(['Lockside Hub', 'Stay and Play', 'Ruth helps you get the hang of your phone']);
		const pdf = await printed(page, 'my-list');
		// Each entry's title and its very last line are on the same sheet.
		for (const entry of entries) {
			const sheet = pdf.text.findIndex((text) => flat(text).includes(entry.title));
			expect(sheet, entry.title).toBeGreaterThanOrEqual(0);
			expect(flat(pdf.text[sheet]), entry.title).toContain(flat(entry.last).slice(0, 30));
		}
		expect(pdf.text.some((text) => flat(text).includes('Someone to ask'))).toBe(true);
		expect(pdf.pages).toBeLessThanOrEqual(3);
		await context.close();
	});

	it('without JavaScript, says how to print instead of showing a button that does nothing', async () => {
		const context = await chrome.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${sample.url}lockside/print/`);
		expect(await page.getByText('use Print in your browser').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Print it' }).isVisible()).toBe(false);
		await context.close();
	});

	it.runIf(hasPoppler)('printed from the browser, gives the same pages as the PDF the build made', async () => {
		const { page, context } = await openPage(chrome.browser);
		for (const [path, pdf] of [
			['lockside/print/', 'lockside/guide.pdf'],
			['lockside/print/large/', 'lockside/guide-large.pdf'],
			['lockside/print/week/', 'lockside/week.pdf'],
		]) {
			await page.goto(`${sample.url}${path}`);
			const fromBrowser = await printed(page, path);
			const fromBuild = pageTexts(`${outDirOf('sample')}/${pdf}`);
			expect(fromBrowser.pages, path).toBe(fromBuild.length);
			expect(fromBrowser.text.map(flat), path).toEqual(fromBuild.map(flat));
		}
		await context.close();
	});

	it.runIf(hasPoppler)('prints every entry’s page as one sheet, without navigation, with its address', async () => {
		const { page, context } = await openPage(chrome.browser);
		// Every published entry of the sample (not the pages that only lead on from an entry's old address).
		const entries = checkContent(SAMPLE_CONTENT)
			.loaded.assets.filter((a) => !a.data.draft)
			.map((a) => `${a.n}/assets/${a.slug}/`);
		expect(entries.length).toBeGreaterThan(40);
		const tooLong: string[] = [];
		for (const entry of entries) {
			await page.goto(`${sample.url}${entry}`);
			const sheet = await printed(page, entry);
			if (sheet.pages !== 1) tooLong.push(`${entry} (${sheet.pages} pages)`);
			// The address may wrap after a "/".
			const text = flat(sheet.text.join(' ')).replace(/\/ /g, '/');
			expect(text, entry).toContain(`Find this page again at guides.example.org/${entry.replace(/\/$/, '')}`);
			for (const screenOnly of ['All neighbourhoods', 'Suggest a change', 'Edit this page', 'to my list', 'Skip to main content', 'My list']) {
				expect(text, `${entry}: ${screenOnly}`).not.toContain(screenOnly);
			}
		}
		expect(tooLong).toEqual([]);
		await context.close();
	});

	it.runIf(hasPoppler)('prints the other screen pages without navigation, and without a first name’s surname', async () => {
		const { page, context } = await openPage(chrome.browser);
		for (const path of ['testwick/', 'testwick/whats-on/', 'testwick/themes/making-and-creating/', 'testwick/stories/singing-story/', 'testwick/assets/knitting-first-name/']) {
			await page.goto(`${fixture.url}${path}`);
			const sheet = await printed(page, `fixture-${path}`);
			const text = flat(sheet.text.join(' ')).replace(/\/ /g, '/');
			expect(text, path).toContain(`Find this page again at test.example.org/guides/${path.replace(/\/$/, '')}`);
			for (const screenOnly of ['All neighbourhoods', 'Suggest a change', 'to my list']) expect(text, path).not.toContain(screenOnly);
			for (const withheld of ['Zzholt', 'Qqlumb']) expect(text, path).not.toContain(withheld);
			const info = pdfInfo(sheet.file);
			expect(Math.round(info.width), path).toBe(595);
		}
		await context.close();
	});

	it('the week sheet keeps the type it was fitted with, 12pt at the smallest', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${sample.url}lockside/print/week/`);
		await page.emulateMedia({ media: 'print' });
		const smallest = await page.evaluate(() =>
			Math.min(
				...[...document.querySelectorAll('.w-sheet *')]
					.filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
					.map((el) => parseFloat(getComputedStyle(el).fontSize)),
			),
		);
		// 12pt is 16px.
		expect(smallest).toBeGreaterThanOrEqual(16);
		await context.close();
	});
});

if (!hasPoppler) console.warn(`Printed-page checks skipped: ${HOW_TO_GET_POPPLER}`);
