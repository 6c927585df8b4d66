/** Story feeds, sitemap and robots.txt, made from the query layer and parsed back. */
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { storiesFeedOptions } from '../../src/lib/exports/feeds.ts';
import { robotsTxt, sitemapPaths, sitemapXml } from '../../src/lib/exports/sitemap.ts';
import { guideFrom } from '../helpers/guide.ts';

const guide = guideFrom('test/fixtures/surgeries', '2026-06-01');
const fernley = guide.get('fernley')!;
const at = { siteUrl: 'https://surgeries.example.org/', base: '/guides/' };
const parser = new XMLParser({ ignoreAttributes: false });

describe('stories feed', () => {
	it('is valid RSS 2.0 with absolute links, newest first, authors escaped', async () => {
		const xml = await getRssString(
			storiesFeedOptions(guide, { title: 'Stories', description: 'New stories', pagePath: fernley.path, feedPath: '/fernley/stories.xml', stories: fernley.stories }, at),
		);
		expect(XMLValidator.validate(xml)).toBe(true);
		const channel = parser.parse(xml).rss.channel;
		expect(channel.link).toBe('https://surgeries.example.org/guides/fernley/');
		expect(channel.language).toBe('en-gb');
		expect(channel['atom:link']['@_href']).toBe('https://surgeries.example.org/guides/fernley/stories.xml');
		const items = channel.item as Array<Record<string, unknown>>;
		expect(items.map((i) => i.title)).toEqual(['Market day', 'My first tea dance']);
		expect(items[1]).toMatchObject({
			link: 'https://surgeries.example.org/guides/fernley/stories/first-dance/',
			description: 'I had not danced since 1975 & I was nervous.',
			'dc:creator': 'Ann & Bob <Fernley>',
			category: 'Music, dancing and singing',
			pubDate: 'Mon, 20 Apr 2026 00:00:00 GMT',
		});
	});
});

describe('sitemap and robots.txt', () => {
	it('lists the pages people should find, and not old addresses, embeds, posters or data', () => {
		const paths = sitemapPaths(guide);
		expect(paths).toEqual(
			expect.arrayContaining(['/', '/for-surgeries/', '/fernley/', '/fernley/whats-on/', '/fernley/assets/tea-dance/', '/fernley/stories/first-dance/', '/fernley/themes/company-and-a-cuppa/']),
		);
		expect(paths.filter((p) => /embed|poster|print|\.json|\.ics|\.xml/.test(p))).toEqual([]);
		expect(new Set(paths).size).toBe(paths.length);
	});

	it('is a valid sitemap of full addresses under the base path', () => {
		const xml = sitemapXml(guide, at);
		expect(XMLValidator.validate(xml)).toBe(true);
		const locs = (parser.parse(xml).urlset.url as Array<{ loc: string }>).map((u) => u.loc);
		expect(locs[0]).toBe('https://surgeries.example.org/guides/');
		expect(locs.every((loc) => loc.startsWith('https://surgeries.example.org/guides/'))).toBe(true);
		expect(locs.length).toBe(sitemapPaths(guide).length);
	});

	it('robots.txt allows everything and points at the sitemap when the address is known', () => {
		expect(robotsTxt(at)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://surgeries.example.org/guides/sitemap.xml\n');
		expect(robotsTxt(undefined)).toBe('User-agent: *\nAllow: /\n');
	});
});
