/**
 * The pages for surgeries in Chromium: accessible (axe-core), nothing from
 * other servers, fit for 320px and 200% zoom, big enough to tap; QR codes
 * that decode to the guide's address once drawn; and a poster that prints on
 * one sheet of A4.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';
import { outDirOf } from '../helpers/build.ts';
import { axeViolations, describeInBrowser, openPage, useChromium, useServedSite } from '../helpers/browser.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

afterAll(removeScratch);

const PAGES = {
	'for surgeries': 'for-surgeries/',
	embed: 'testwick/embed/',
	poster: 'testwick/poster/',
};
const SITE = 'https://test.example.org';

async function decodeScreenshot(page: Page, selector: string): Promise<string | undefined> {
	const png = PNG.sync.read(await page.locator(selector).screenshot());
	return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

describeInBrowser('pages for surgeries in Chromium', () => {
	const chrome = useChromium();
	const server = useServedSite('fixtureUnderBase', '/guides/');

	for (const [name, path] of Object.entries(PAGES)) {
		it(`${name}: no accessibility violations, no outside requests, no script`, async () => {
			const { page, context, requests } = await openPage(chrome.browser);
			const response = await page.goto(`${server.url}${path}`);
			expect(response?.status()).toBe(200);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await axeViolations(page)).toEqual([]);
			expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
			expect(requests.filter((url) => url.endsWith('.js'))).toEqual([]);
			await context.close();
		});

		it(`${name}: fits 320px wide and 200% zoom, with targets 44px tall`, async () => {
			for (const viewport of [{ width: 320 }, { width: 640, zoom: 2 }]) {
				const { page, context } = await openPage(chrome.browser, { width: viewport.width });
				await page.goto(`${server.url}${path}`);
				if (viewport.zoom) await page.evaluate((z) => ((document.body.style as unknown as { zoom: string }).zoom = String(z)), viewport.zoom);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, `${path} at ${viewport.width}px`).toBeLessThanOrEqual(0);
				await context.close();
			}
			const { page, context } = await openPage(chrome.browser, { width: 375 });
			await page.goto(`${server.url}${path}`);
			const small = await page.evaluate(() =>
				[...document.querySelectorAll('a, button, input, select, textarea')]
					.filter((el) => !el.closest('p, .prose'))
					.filter((el) => !el.classList.contains('skip-link'))
					.map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 40), height: el.getBoundingClientRect().height }))
					.filter((t) => t.height > 0 && t.height < 44),
			);
			expect(small).toEqual([]);
			await context.close();
		});
	}

	it('shows focus on the text boxes to copy from, and they cannot be changed', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}for-surgeries/`);
		const box = page.locator('#embed-testwick');
		await box.focus();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Shift+Tab');
		const style = await box.evaluate((el) => {
			const s = getComputedStyle(el);
			return { outline: s.outlineStyle, width: s.outlineWidth, readOnly: (el as HTMLTextAreaElement).readOnly };
		});
		expect(style).toEqual({ outline: 'solid', width: '3px', readOnly: true });
		expect(await box.inputValue()).toContain(`src="${SITE}/guides/testwick/embed/"`);
		await context.close();
	});

	it('qr.svg, drawn by the browser, decodes to the guide\'s address', async () => {
		const { page, context } = await openPage(chrome.browser, { width: 800, height: 800 });
		await page.goto(`${server.url}testwick/qr.svg`);
		await page.setViewportSize({ width: 400, height: 400 });
		const png = PNG.sync.read(await page.screenshot());
		const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
		expect(decoded?.data).toBe(`${SITE}/guides/testwick/`);
		await context.close();
	});

	it('the QR codes on the poster and the page for surgeries decode to the guide\'s address', async () => {
		const { page, context } = await openPage(chrome.browser, { width: 1000 });
		await page.goto(`${server.url}testwick/poster/`);
		expect(await decodeScreenshot(page, 'img.poster-qr')).toBe(`${SITE}/guides/testwick/`);
		await page.goto(`${server.url}for-surgeries/`);
		expect(await decodeScreenshot(page, 'img[src$="/otherby/qr.svg"]')).toBe(`${SITE}/guides/otherby/`);
		await context.close();
	});

	/** Prints the page to PDF and reads it back with poppler: how many pages, what size, what text. */
	async function printed(page: Page) {
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		const file = path.join(scratchDir('poster-'), 'poster.pdf');
		writeFileSync(file, pdf);
		const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
		if (info.error) throw new Error('pdfinfo is missing: install poppler-utils (sudo apt-get install poppler-utils).');
		const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
		return { info: info.stdout, text };
	}

	it('the poster prints on one sheet of A4, with the help for screens left out', async () => {
		const { page, context } = await openPage(chrome.browser);
		await page.goto(`${server.url}testwick/poster/`);
		const { info, text } = await printed(page);
		expect(info).toMatch(/^Pages:\s+1$/m);
		expect(info).toMatch(/^Page size:.* pts \(A4\)$/m);
		expect(text).toContain('Testwick');
		expect(text).toContain('No referral needed');
		expect(text).not.toContain('To print, use your browser');
		// A long address may break before a slash, as addresses are written across lines.
		expect(text.replace(/ \//g, '/')).toContain('test.example.org/guides/testwick');
		await context.close();
	});

	it('every sample guide\'s poster, with its longer names and two people to ring, fits one sheet', async () => {
		const sample = await serveStatic(outDirOf('sample'), '/');
		try {
			const { page, context } = await openPage(chrome.browser);
			for (const n of ['abbey-fields', 'lockside', 'weavers-row']) {
				await page.goto(`${sample.url}${n}/poster/`);
				const { info, text } = await printed(page);
				expect(info, n).toMatch(/^Pages:\s+1$/m);
				expect(text, n).toContain('Not online? Ring someone');
			}
			await context.close();
		} finally {
			await sample.close();
		}
	});
});
