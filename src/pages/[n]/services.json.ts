/** `/<n>/services.json`: the neighbourhood's entries as Open Referral UK services (gifts never). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuide, neighbourhoodPaths, pageNeighbourhood } from '../../data/guide';
import { jsonFile, requirePublishedAt } from '../../data/published';
import { servicePage } from '../../lib/exports/open-referral';

export const getStaticPaths = (() => neighbourhoodPaths({ needsSite: true })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const guide = await getGuide();
	const page = servicePage(guide, [await pageNeighbourhood(params)], requirePublishedAt(site));
	return jsonFile(page);
};
