/**
 * The embed inside an iframe on another site (a page served from another
 * localhost port), in Chromium with JavaScript off: it renders, and a link
 * in it opens the guide in the whole window, not inside the frame.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outDirOf } from '../helpers/build.ts';
import { describeInBrowser, launch } from '../helpers/browser.ts';
import { serveStatic, type RunningServer } from '../../src/lib/static-server.ts';

describeInBrowser('the embed on another site', () => {
	let browser: Browser;
	let guides: RunningServer;
	let surgery: Server;
	let surgeryUrl: string;

	beforeAll(async () => {
		browser = await launch();
		guides = await serveStatic(outDirOf('fixture'), '/');
		// A surgery's page, on another origin, with the snippet from /for-surgeries/ pasted in.
		const snippet = `<iframe src="${guides.url}testwick/embed/" title="Testwick neighbourhood guide" width="100%" height="640"></iframe>`;
		surgery = createServer((_req, res) => {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(`<!doctype html><html lang="en-GB"><head><title>Fixture Surgery</title></head><body><h1>Fixture Surgery</h1><p>Local groups:</p>${snippet}</body></html>`);
		});
		await new Promise<void>((resolve) => surgery.listen(0, '127.0.0.1', resolve));
		const address = surgery.address();
		surgeryUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
	});
	afterAll(async () => {
		await browser?.close();
		await guides?.close();
		await new Promise<void>((resolve) => (surgery ? surgery.close(() => resolve()) : resolve()));
	});

	it('renders inside the iframe, from the guides\' own server, without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 900 } });
		const page = await context.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(surgeryUrl);
		expect(new URL(surgeryUrl).origin).not.toBe(guides.origin);
		const frame = page.frameLocator('iframe');
		await expect(frame.locator('h1').textContent()).resolves.toBe('Testwick: a guide by neighbours');
		await expect(frame.getByText('Connie Connector').count()).resolves.toBeGreaterThan(0);
		// The frame's stylesheet applied: its links are at least 44px tall.
		const height = await frame.getByRole('link', { name: 'Weekly Group' }).first().evaluate((el) => el.getBoundingClientRect().height);
		expect(height).toBeGreaterThanOrEqual(44);
		expect(requests.filter((url) => !url.startsWith(guides.origin) && !url.startsWith(surgeryUrl))).toEqual([]);
		await context.close();
	});

	it('opens a link in the whole window, leaving the surgery\'s page for the guide', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(surgeryUrl);
		await page.frameLocator('iframe').getByRole('link', { name: 'Weekly Group' }).first().click();
		await page.waitForURL(`${guides.url}testwick/assets/weekly-group/`);
		expect(page.url()).toBe(`${guides.url}testwick/assets/weekly-group/`);
		expect(await page.locator('h1').textContent()).toBe('Weekly Group');
		expect(page.frames()).toHaveLength(1);
		await context.close();
	});
});
