/**
 * What a first search costs a reader: the bytes their browser fetches from
 * the moment they search to the moment the first results can be shown.
 *
 * A real Chromium loads the built site from a plain static server (no
 * compression added: Pagefind's index files are compressed already, so this
 * is close to what a host sends), runs one query through Pagefind's own
 * JavaScript API as the search page does, and loads the first page of
 * results. Every request made for that is counted: Pagefind's script, its
 * WebAssembly, the index entry and metadata, the index chunks for the
 * words, and each result's fragment.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, findChromium } from '../../src/lib/chromium.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

export interface SearchCost {
	term: string;
	/** Bytes fetched for the search (headers and bodies). */
	bytes: number;
	requests: number;
	/** How many pages matched. */
	matches: number;
	/** Results whose fragments were loaded (a first page of them). */
	shown: number;
}

/** Results a first page of search shows. */
export const FIRST_PAGE = 10;

export async function firstSearchCost(siteDir: string, term: string, base = '/'): Promise<SearchCost> {
	if (!existsSync(path.join(siteDir, 'pagefind', 'pagefind.js'))) {
		throw new Error(`${siteDir} has no search index (pagefind/pagefind.js): the build did not run the search index stage`);
	}
	const executablePath = findChromium();
	if (!executablePath) throw new Error(`Measuring a search needs Chromium. ${HOW_TO_GET_CHROMIUM}`);
	const server = await serveStatic(siteDir, base);
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		await page.goto(server.url, { waitUntil: 'load' });
		let bytes = 0;
		let requests = 0;
		const counted: Promise<void>[] = [];
		page.on('requestfinished', (request) => {
			counted.push(
				request.sizes().then((sizes) => {
					bytes += sizes.responseHeadersSize + sizes.responseBodySize;
					requests++;
				}),
			);
		});
		const result = await page.evaluate(
			async ({ bundle, base, term, firstPage }) => {
				// A variable, so that bundlers leave this import alone: the file exists only in the built site.
				const pagefind = await import(/* @vite-ignore */ `${bundle}pagefind.js`);
				await pagefind.options({ baseUrl: base });
				const search = await pagefind.search(term);
				const shown = await Promise.all(search.results.slice(0, firstPage).map((r: { data(): Promise<unknown> }) => r.data()));
				return { matches: search.results.length as number, shown: shown.length };
			},
			{ bundle: `${server.url}pagefind/`, base, term, firstPage: FIRST_PAGE },
		);
		await Promise.all(counted);
		return { term, bytes, requests, ...result };
	} finally {
		await browser.close();
		await server.close();
	}
}
