/** `/<n>/qr.svg`: a QR code for the neighbourhood's guide, for print and for surgeries to download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { neighbourhoodPaths, pageNeighbourhood } from '../../data/guide';
import { guideAddress } from '../../data/links';
import { qrSvg } from '../../lib/qr';

export const getStaticPaths = (() => neighbourhoodPaths({ needsSite: true })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
	new Response(await qrSvg(guideAddress((await pageNeighbourhood(params)).path, site)), {
		headers: { 'content-type': 'image/svg+xml' },
	});
