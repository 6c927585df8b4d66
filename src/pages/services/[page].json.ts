/** `/services/2.json` and on: the pages after `/services.json` on a network with more entries than one page holds. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuide } from '../../data/guide';
import { jsonFile, publishedAt } from '../../data/published';
import { servicePages, type OrukServicePage } from '../../lib/exports/open-referral';

export const getStaticPaths = (async () => {
	// Open data carries full addresses; without the site's address it is not built (the build says so).
	const at = publishedAt(import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined);
	if (!at) return [];
	const guide = await getGuide();
	return servicePages(guide, guide.allNeighbourhoods, at)
		.slice(1)
		.map((page) => ({ params: { page: String(page.page_number) }, props: { page } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonFile(props.page as OrukServicePage);
