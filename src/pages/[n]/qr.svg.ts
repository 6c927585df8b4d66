/** `/<n>/qr.svg`: a QR code for the neighbourhood's guide, for print and for surgeries to download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { neighbourhoodPaths } from '../../data/guide';
import { guideAddress } from '../../data/links';
import type { GuideNeighbourhood } from '../../lib/guide';
import { qrSvg } from '../../lib/qr';

export const getStaticPaths = (() => neighbourhoodPaths({ needsSite: true })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) =>
	new Response(await qrSvg(guideAddress((props.hood as GuideNeighbourhood).path, site)), {
		headers: { 'content-type': 'image/svg+xml' },
	});
