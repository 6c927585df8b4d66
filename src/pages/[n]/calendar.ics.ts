/** `/<n>/calendar.ics`: the neighbourhood's regular activities, to subscribe to in a calendar app. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuide, neighbourhoodPaths, pageNeighbourhood } from '../../data/guide';
import { requirePublishedAt } from '../../data/published';
import { neighbourhoodCalendar } from '../../lib/exports/icalendar';

export const getStaticPaths = (() => neighbourhoodPaths({ needsSite: true })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const guide = await getGuide();
	const ics = neighbourhoodCalendar(guide, await pageNeighbourhood(params), requirePublishedAt(site));
	return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
