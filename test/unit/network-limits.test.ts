/**
 * Site-wide files on a national network: the sitemap splits into parts of at
 * most 50,000 addresses behind an index, the site's open data comes in pages
 * of 1,000 services, and the site's story feed carries the newest 50. Checked
 * here with small limits on the test fixtures, since a real network is too
 * big for a unit test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { FEED_ITEMS, storiesFeedOptions } from '../../src/lib/exports/feeds.ts';
import { SERVICES_PER_PAGE, servicePage, servicePages } from '../../src/lib/exports/open-referral.ts';
import { SITEMAP_LIMIT, sitemapPartXml, sitemapPaths, sitemapXml } from '../../src/lib/exports/sitemap.ts';
import { routes } from '../../src/lib/urls.ts';
import { guideFrom } from '../helpers/guide.ts';

const guide = guideFrom('test/fixtures/surgeries', '2026-06-01');
const at = { siteUrl: 'https://guides.example.org/', base: '/' };
const parser = new XMLParser({ ignoreAttributes: false });
const list = <T>(value: T | T[]) => [value].flat();

describe('sitemap of a big network', () => {
	it('is one file up to the limit, as sitemaps.org allows', () => {
		expect(SITEMAP_LIMIT).toBe(50_000);
		expect(sitemapPartXml(guide, at)).toEqual([]);
		expect(parser.parse(sitemapXml(guide, at)).urlset).toBeDefined();
	});

	it('beyond it, is an index of parts that together list every page once, in order', () => {
		const paths = sitemapPaths(guide);
		const limit = 4;
		const index = sitemapXml(guide, at, limit);
		expect(XMLValidator.validate(index)).toBe(true);
		const parts = list(parser.parse(index).sitemapindex.sitemap as { loc: string } | { loc: string }[]).map((s) => s.loc);
		expect(parts).toEqual(Array.from({ length: Math.ceil(paths.length / limit) }, (_, i) => `https://guides.example.org${routes.sitemapPart(i + 1)}`));
		const files = sitemapPartXml(guide, at, limit);
		expect(files).toHaveLength(parts.length);
		const locs = files.flatMap((xml) => {
			expect(XMLValidator.validate(xml)).toBe(true);
			const urls = list(parser.parse(xml).urlset.url as { loc: string } | { loc: string }[]);
			expect(urls.length).toBeLessThanOrEqual(limit);
			return urls.map((u) => u.loc);
		});
		expect(locs).toEqual(paths.map((p) => `https://guides.example.org${p}`));
	});
});

describe('open data of a big network', () => {
	const all = servicePage(guide, guide.allNeighbourhoods, at).contents;

	it('is one page when it fits', () => {
		expect(SERVICES_PER_PAGE).toBe(1000);
		expect(servicePages(guide, guide.allNeighbourhoods, at)).toEqual([servicePage(guide, guide.allNeighbourhoods, at)]);
	});

	it('otherwise comes in numbered pages that together hold every service once, in order', () => {
		expect(all.length).toBeGreaterThan(3);
		const pages = servicePages(guide, guide.allNeighbourhoods, at, 2);
		expect(pages.map((p) => [p.page_number, p.total_pages, p.first_page, p.last_page, p.size])).toEqual(
			pages.map((_, i) => [i + 1, Math.ceil(all.length / 2), i === 0, i === pages.length - 1, Math.min(2, all.length - i * 2)]),
		);
		expect(pages.every((p) => p.total_items === all.length)).toBe(true);
		expect(pages.flatMap((p) => p.contents.map((s) => s.id))).toEqual(all.map((s) => s.id));
		expect(routes.allServices(1)).toBe('/services.json');
		expect(routes.allServices(2)).toBe('/services/2.json');
	});
});

describe('story feed of a big network', () => {
	const temp = mkdtempSync(path.join(os.tmpdir(), 'feed-test-'));
	afterAll(() => rmSync(temp, { recursive: true, force: true }));

	it('carries the newest stories only', async () => {
		const corpus = generateCorpus({ dir: path.join(temp, 'content'), neighbourhoods: 8, assetsPerNeighbourhood: 2, storiesPerNeighbourhood: 9 });
		const big = guideFrom(corpus.dir, '2026-06-01');
		const stories = big.allNeighbourhoods.flatMap((hood) => hood.stories);
		expect(stories.length).toBeGreaterThan(FEED_ITEMS);
		const xml = await getRssString(storiesFeedOptions(big, { title: 'Stories', description: 'New', pagePath: '/', feedPath: '/stories.xml', stories }, at));
		const dates = list(parser.parse(xml).rss.channel.item as { pubDate: string }[]).map((item) => new Date(item.pubDate).getTime());
		expect(dates).toHaveLength(FEED_ITEMS);
		const newest = stories.map((s) => s.data.date.getTime()).sort((a, b) => b - a).slice(0, FEED_ITEMS);
		expect(dates).toEqual(newest);
	});
});
