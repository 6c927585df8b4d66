/**
 * `/<n>/print/page.css`: the printed guide's running footer, "Lockside guide"
 * at the foot of every page. Text can only reach a page's margins through
 * CSS (`@page` margin boxes), and an inline style would break the site's
 * Content-Security-Policy, so each neighbourhood gets this small stylesheet.
 * The page number and the footer's type are in src/styles/print.css.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { neighbourhoodPaths, pageNeighbourhood } from '../../../data/guide';
import { cssString } from '../../../lib/print-plan';

export const getStaticPaths = (() => neighbourhoodPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
	new Response(`@page {\n\t@bottom-left {\n\t\tcontent: ${cssString(`${(await pageNeighbourhood(params)).data.name} guide`)};\n\t}\n}\n`, {
		headers: { 'content-type': 'text/css; charset=utf-8' },
	});
