/** `/<n>/stories.xml`: new stories from one neighbourhood, as RSS. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuide, neighbourhoodPaths, pageNeighbourhood } from '../../data/guide';
import { routes } from '../../data/links';
import { requirePublishedAt } from '../../data/published';
import { storiesFeedOptions } from '../../lib/exports/feeds';

export const getStaticPaths = (() => neighbourhoodPaths({ needsSite: true })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const guide = await getGuide();
	const hood = await pageNeighbourhood(params);
	return rss(
		storiesFeedOptions(
			guide,
			{
				title: `Stories from ${hood.data.name} | ${guide.site.title}`,
				description: `New stories from neighbours in ${hood.data.name}, in their own words.`,
				pagePath: hood.path,
				feedPath: routes.storiesFeed(hood.n),
				stories: hood.stories,
			},
			requirePublishedAt(site),
		),
	);
};
