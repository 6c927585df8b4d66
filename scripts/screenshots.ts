/**
 * Screenshots of built pages at phone and desktop widths, for looking at
 * what we make: `npm run screenshots -- [dist] [path ...]`.
 * Pictures go to .cache/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../src/lib/chromium.ts';
import { serveStatic } from '../src/lib/static-server.ts';
import { basePath } from '../src/lib/settings.ts';

const [distArg = 'dist', ...paths] = process.argv.slice(2);
const executablePath = findChromium();
if (!executablePath) {
	console.error(`No Chromium found. ${HOW_TO_GET_CHROMIUM}`);
	process.exit(1);
}
const outDir = path.resolve('.cache/screenshots');
mkdirSync(outDir, { recursive: true });
const base = basePath();
const server = await serveStatic(path.resolve(distArg), base);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
	for (const width of [375, 1280]) {
		const page = await browser.newPage({ viewport: { width, height: 900 } });
		for (const pagePath of paths.length ? paths : ['']) {
			await page.goto(`${server.url}${pagePath.replace(/^\//, '')}`);
			const name = `${(pagePath.replace(/\/$/, '').replace(/[^a-z0-9]+/gi, '_') || 'home').replace(/^_/, '')}-${width}.png`;
			// Long pages are cut into parts a person (or an image viewer) can read.
			const height = await page.evaluate(() => document.documentElement.scrollHeight);
			const part = width < 600 ? 1400 : 1600;
			for (let y = 0, i = 1; y < height; y += part, i++) {
				const file = path.join(outDir, height > part ? name.replace(/\.png$/, `-part${i}.png`) : name);
				await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: Math.min(part, height - y) } });
				console.log(file);
			}
		}
		await page.close();
	}
} finally {
	await browser.close();
	await server.close();
}
