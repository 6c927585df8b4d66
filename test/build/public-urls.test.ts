/**
 * The public URLs in docs/content-model.md are a promise to surgeries and
 * link workers. Every address the table lists is built, for the sample
 * guides; and every kind of page the sample builds is in the table, so a new
 * one cannot appear without being written down.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, outDirOf } from '../helpers/build.ts';
import { listFiles } from '../helpers/dist.ts';
import { NEIGHBOURHOOD_PAGES, SITE_PAGES } from '../../src/lib/urls.ts';

/** Addresses that only exist on a network too big for a sample (tested with small limits in test/unit/network-limits.test.ts). */
const ONLY_AT_SCALE = ['/services/<page>.json', '/sitemaps/<part>.xml'];
/** An entry's old address is a page of its own only where an entry has `aliases` (the fixture has one: test/browser/aliases.test.ts). */
const ONLY_WITH_ALIASES = ['/<n>/assets/<old-slug>/'];

/** Every address in the table's first column (a cell may hold several: `/<n>/qr.svg`, `/<n>/qr.png`). */
function documentedUrls(): string[] {
	const doc = readFileSync(path.join(ROOT, 'docs/content-model.md'), 'utf8');
	const table = doc.slice(doc.indexOf('## Public URLs'));
	const urls: string[] = [];
	for (const line of table.split('\n')) {
		const first = /^\| (.+?) \|/.exec(line)?.[1];
		if (!first || first === 'URL' || first.startsWith('---')) continue;
		urls.push(...[...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
	}
	return urls;
}

/** The files an address stands for, as a pattern over dist/: a placeholder is one path segment. */
function pattern(url: string): RegExp {
	const file = url.endsWith('/') ? `${url}index.html` : url;
	const source = file
		.slice(1)
		.split(/(<[^>]+>)/)
		.map((part) => (part.startsWith('<') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`);
}

const dist = outDirOf('sample');
const files = listFiles(dist);
const urls = documentedUrls();

describe('the public URLs of the contract', () => {
	it('are read from the table (the test can fail)', () => {
		expect(urls.length).toBeGreaterThan(20);
		expect(urls).toContain('/<n>/assets/<slug>/');
	});

	for (const url of urls.filter((u) => !ONLY_AT_SCALE.includes(u) && !ONLY_WITH_ALIASES.includes(u))) {
		it(`${url} is built`, () => {
			const re = pattern(url);
			expect(files.some((f) => re.test(f)), `no file in dist/ for ${url} (${re})`).toBe(true);
		});
	}

	it('covers every page the sample builds', () => {
		const patterns = urls.map(pattern);
		// Not addresses to link to: the build's assets, the search index, host settings, the 404 page, the site's icon,
		// the printed guide's footer, the entries My list reads, and the pictures entries show (content/neighbourhoods/<n>/images/).
		const internal = /^(_astro\/|pagefind\/|_headers$|404\.html$|favicon\.svg$|[^/]+\/print\/page\.css$|[^/]+\/my-list\/entries\/index\.html$|[^/]+\/images\/)/;
		const undocumented = files.filter((f) => !internal.test(f) && !patterns.some((re) => re.test(f)));
		expect(undocumented).toEqual([]);
	});

	it('are each a page that a link in an entry\u2019s words may lead to (the content check\u2019s list)', () => {
		// Addresses with a placeholder other than the neighbourhood (an entry, a theme, a page of data) are looked up one by one.
		const fixed = documentedUrls().filter((url) => !/<(?!n>)[^>]+>/.test(url));
		expect(fixed.length).toBeGreaterThan(15);
		const known = new Set([...NEIGHBOURHOOD_PAGES.map((route) => route('lockside')), ...SITE_PAGES.map((route) => route())]);
		expect(fixed.map((url) => url.replace('<n>', 'lockside')).filter((url) => !known.has(url))).toEqual([]);
	});
});
