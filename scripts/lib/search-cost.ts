/**
 * What searching costs a reader, measured in Chromium on the real search
 * page: the bytes fetched and the time from Enter to results, query after
 * query, from a plain static server that does not compress (the worst case);
 * "gzip" is what a host that compresses text would send for the same files.
 * Used by `npm run measure:search` and `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../src/lib/static-server.ts';

export interface Fetched {
	bytes: number;
	gzip: number;
}

export interface QueryCost extends Fetched {
	query: string;
	/** What the page says it found. */
	status: string | null;
	/** From Enter to results on the page. */
	ms: number;
	files: number;
	list: string[];
}

export interface SearchCost {
	/** Fetched to open /search/, before anyone types. */
	pageLoad: Fetched;
	/** One per query, in order: the first is "a first search". */
	perQuery: QueryCost[];
}

/** Open `/search/` of the built site in `siteDir` and run `queries` one after another. */
export async function searchCost(browser: Browser, siteDir: string, queries: readonly string[]): Promise<SearchCost> {
	const server = await serveStatic(siteDir, '/');
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		const fetched: { url: string; bytes: number; gzip: number }[] = [];
		page.on('requestfinished', async (request) => {
			const url = new URL(request.url());
			const file = path.join(siteDir, decodeURIComponent(url.pathname));
			const raw = existsSync(file) && !file.endsWith('/') ? readFileSync(file) : undefined;
			// Chromium reports 0 for a worker's own script; the server sends files as they are on disk.
			const bytes = (await request.sizes()).responseBodySize || raw?.length || 0;
			fetched.push({ url: url.pathname, bytes, gzip: raw ? Math.min(bytes, gzipSync(raw).length) : bytes });
		});
		await page.goto(`${server.url}search/`);
		await page.waitForLoadState('networkidle');
		const pageLoad = sum(fetched);
		fetched.length = 0;

		const perQuery: QueryCost[] = [];
		for (const query of queries) {
			const before = fetched.length;
			await page.locator('#search-q').fill(query);
			const started = performance.now();
			await page.locator('#search-q').press('Enter');
			await page.waitForFunction((q) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${q}”`), query, { timeout: 60_000, polling: 10 });
			const ms = Math.round(performance.now() - started);
			await page.waitForLoadState('networkidle');
			const status = await page.locator('[data-search-status]').textContent();
			const files = fetched.slice(before);
			perQuery.push({ query, status, ms, files: files.length, ...sum(files), list: files.map((f) => `${f.url} ${f.bytes}`) });
		}
		await context.close();
		return { pageLoad, perQuery };
	} finally {
		await server.close();
	}
}

function sum(files: readonly Fetched[]): Fetched {
	return { bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}
