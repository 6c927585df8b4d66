/** `/services.json`: every neighbourhood's entries as Open Referral UK services (gifts never); the first page when there are many. */
import type { APIRoute } from 'astro';
import { getGuide } from '../data/guide';
import { jsonFile, notBuilt, publishedAt } from '../data/published';
import { servicePages } from '../lib/exports/open-referral';

export const GET: APIRoute = async ({ site }) => {
	const at = publishedAt(site);
	// Open data carries full addresses; without the site's address it is not built (the build says so).
	if (!at) return notBuilt();
	const guide = await getGuide();
	const [first] = servicePages(guide, guide.allNeighbourhoods, at);
	return jsonFile(first);
};
