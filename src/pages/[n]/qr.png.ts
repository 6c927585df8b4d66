/** `/<n>/qr.png`: the same QR code as a picture, for documents that cannot take SVG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuide } from '../../data/guide';
import { guideAddress } from '../../data/links';
import { qrPng } from '../../lib/qr';

export const getStaticPaths = (async () => {
	// Without the site's address there is nothing to encode; the build warns about it once (src/integrations/guide.ts).
	if (!import.meta.env.SITE) return [];
	const guide = await getGuide();
	return guide.neighbourhoods.map((hood) => ({ params: { n: hood.n }, props: { path: hood.path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) =>
	new Response(new Uint8Array(await qrPng(guideAddress(props.path as string, site))), {
		headers: { 'content-type': 'image/png' },
	});
