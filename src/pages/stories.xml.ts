/** `/stories.xml`: new stories from every neighbourhood, as RSS. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getGuide } from '../data/guide';
import { routes } from '../data/links';
import { notBuilt, publishedAt } from '../data/published';
import { storiesFeedOptions } from '../lib/exports/feeds';

export const GET: APIRoute = async ({ site }) => {
	const at = publishedAt(site);
	if (!at) return notBuilt();
	const guide = await getGuide();
	return rss(
		storiesFeedOptions(
			guide,
			{
				title: `Stories | ${guide.site.title}`,
				description: `New stories from neighbours in every guide, in their own words.`,
				pagePath: routes.home(),
				feedPath: routes.allStoriesFeed(),
				stories: guide.allNeighbourhoods.flatMap((hood) => hood.stories),
			},
			at,
		),
	);
};
