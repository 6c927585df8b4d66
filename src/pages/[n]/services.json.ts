/** `/<n>/services.json`: the neighbourhood's entries as Open Referral UK services (gifts never). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuide, neighbourhoodPaths, pageNeighbourhood } from '../../data/guide';
import { requirePublishedAt } from '../../data/published';
import { servicePage } from '../../lib/exports/open-referral';

export const getStaticPaths = (() => neighbourhoodPaths({ needsSite: true })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const guide = await getGuide();
	const page = servicePage(guide, [await pageNeighbourhood(params)], requirePublishedAt(site));
	return new Response(`${JSON.stringify(page, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
