/**
 * RSS feeds of residents' stories: one per neighbourhood and one for all,
 * for newsletters, surgery websites and feed readers. Stories are published
 * with their authors' consent, and carry only what their pages show: the
 * title, the summary and the name the author chose.
 */
import type { RSSOptions } from '@astrojs/rss';
import type { Guide, GuideStory } from '../guide.ts';
import { publicUrl, type PublishedAt } from './context.ts';

export interface StoriesFeed {
	title: string;
	description: string;
	/** Site path of the page the feed belongs to. */
	pagePath: string;
	/** Site path of the feed itself. */
	feedPath: string;
	stories: readonly GuideStory[];
}

/**
 * Stories in a feed: the newest. Feed readers only show what is new, and a
 * network's feed of every story would be megabytes fetched again and again.
 */
export const FEED_ITEMS = 50;

/** Options for @astrojs/rss: absolute links, the newest FEED_ITEMS first, the author as dc:creator. */
export function storiesFeedOptions(guide: Guide, feed: StoriesFeed, at: PublishedAt): RSSOptions {
	const language = guide.site.language.toLowerCase();
	return {
		title: feed.title,
		description: feed.description,
		site: publicUrl(at, feed.pagePath),
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData: [
			`<language>${escapeXml(language)}</language>`,
			`<atom:link href="${escapeXml(publicUrl(at, feed.feedPath))}" rel="self" type="application/rss+xml"/>`,
		].join(''),
		items: [...feed.stories]
			.sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
			.slice(0, FEED_ITEMS)
			.map((story) => ({
				title: story.data.title,
				link: publicUrl(at, story.path),
				pubDate: story.data.date,
				description: story.data.summary,
				categories: story.data.themes.map((id) => guide.themeById.get(id)?.label).filter((label): label is string => !!label),
				customData: `<dc:creator>${escapeXml(story.data.author)}</dc:creator>`,
			})),
	};
}

export function escapeXml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
