/** `/<n>/qr.png`: the same QR code as a picture, for documents that cannot take SVG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { neighbourhoodPaths, pageNeighbourhood } from '../../data/guide';
import { guideAddress } from '../../data/links';
import { qrPng } from '../../lib/qr';

export const getStaticPaths = (() => neighbourhoodPaths({ needsSite: true })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
	new Response(new Uint8Array(await qrPng(guideAddress((await pageNeighbourhood(params)).path, site))), {
		headers: { 'content-type': 'image/png' },
	});
