/**
 * The guide, from Astro's collections. Pages call `getGuide()` and map what it
 * returns; all the rules live in the pure query layer (src/lib/guide.ts).
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { wholeContent } from '../lib/build-scope.ts';
import { loadContent, ofNeighbourhoods } from '../lib/content-files.ts';
import { buildGuide, type Guide, type GuideInput, type GuideNeighbourhood } from '../lib/guide.ts';
import { selects, type Selection } from '../lib/selection.ts';
import { contentDir, selection } from '../lib/settings.ts';
import { today } from '../lib/today.ts';

let cached: Promise<Guide> | undefined;

/**
 * The whole guide, built once: per production build, and in development
 * until the content changes. Every page and layout asks for it, so building
 * it afresh per call would cost the dev server seconds per page on a large
 * network.
 */
export function getGuide(): Promise<Guide> {
	if (!cached) {
		const loading = load();
		cached = loading;
		// A failed load (content being edited) is not kept: the next request tries again.
		loading.catch(() => {
			if (cached === loading) cached = undefined;
		});
	}
	return cached;
}

// Astro's dev server says when it has reloaded content from disk; code changes re-run this module anyway.
if (import.meta.hot) {
	import.meta.hot.on('astro:content-changed', () => {
		cached = undefined;
	});
}

/**
 * `getStaticPaths` for a page per neighbourhood that this build builds
 * (`/<n>/...`). With `needsSite`, none when the site's address is unknown: QR
 * codes, posters, open data, calendars and feeds carry full addresses (the
 * build warns about it once, in src/integrations/guide.ts).
 *
 * Paths carry only their address, never the neighbourhood itself as a prop:
 * the page looks it up (`pageNeighbourhood`). Astro's parallel renderer
 * (GUIDE_RENDER_THREADS) copies every path's props to its worker threads: a
 * neighbourhood with all its entries, copied for each of a network's 6,685
 * pages, took 7.9 GiB and three times as long as rendering on one thread.
 */
export async function neighbourhoodPaths({ needsSite = false } = {}) {
	if (needsSite && !import.meta.env.SITE) return [];
	const guide = await getGuide();
	return guide.neighbourhoods.map((hood) => ({ params: { n: hood.n } }));
}

type Params = Readonly<Record<string, string | undefined>>;

/** The neighbourhood of a page at `/<n>/...`, from the page's address (`Astro.params`). */
export async function pageNeighbourhood(params: Params): Promise<GuideNeighbourhood> {
	const guide = await getGuide();
	const hood = params.n === undefined ? undefined : guide.get(params.n);
	if (!hood) throw new Error(`There is no neighbourhood "${params.n}" in this guide (a page asked for it by its address)`);
	return hood;
}

/** A page's neighbourhood and the one thing in it that its address names (`pick` returns undefined when there is none). */
export async function pageItem<T>(params: Params, name: string, pick: (hood: GuideNeighbourhood, key: string) => T | undefined): Promise<{ hood: GuideNeighbourhood; item: T }> {
	const hood = await pageNeighbourhood(params);
	const key = params[name];
	const item = key === undefined ? undefined : pick(hood, key);
	if (item === undefined) throw new Error(`There is no ${name} "${key}" in ${hood.n} (a page asked for it by its address)`);
	return { hood, item };
}

async function load(): Promise<Guide> {
	const [siteEntries, themes, neighbourhoods, assets, stories] = await Promise.all([
		getCollection('site'),
		getCollection('themes'),
		getCollection('neighbourhoods'),
		getCollection('assets'),
		getCollection('stories'),
	]);
	const site = siteEntries[0]?.data;
	if (!site) throw new Error('content/site.yaml is missing (create it with at least a title)');
	const chosen = selection();
	const elsewhere = otherNeighbourhoods(chosen);
	return buildGuide({
		site,
		themes: themes.map((t) => t.data),
		neighbourhoods: [
			...neighbourhoods.map((entry) => ({ n: entry.id, data: entry.data, contentPath: contentPathOf(entry), entry })),
			...elsewhere.neighbourhoods,
		],
		assets: [...assets.map((entry) => ({ ...split(entry.id), data: entry.data, contentPath: contentPathOf(entry), entry })), ...elsewhere.assets],
		stories: [...stories.map((entry) => ({ ...split(entry.id), data: entry.data, contentPath: contentPathOf(entry), entry })), ...elsewhere.stories],
		today: today(),
		builds: chosen.kind === 'all' ? undefined : (n) => selects(chosen, n),
	});
}

/**
 * The neighbourhoods this build does not make pages for (`--only`, `--shard`),
 * read from their files' frontmatter: no Markdown is rendered, so this costs
 * little, and the pages that list every neighbourhood still list them all.
 * The Astro collections hold only the neighbourhoods that are built.
 */
let elsewhere: Pick<GuideInput, 'neighbourhoods' | 'assets' | 'stories'> | undefined;
function otherNeighbourhoods(chosen: Selection): Pick<GuideInput, 'neighbourhoods' | 'assets' | 'stories'> {
	if (chosen.kind === 'all') return { neighbourhoods: [], assets: [], stories: [] };
	// Read once: the dev server does not watch the neighbourhoods a preview leaves out.
	elsewhere ??= readOtherNeighbourhoods(chosen);
	return elsewhere;
}

function readOtherNeighbourhoods(chosen: Selection): Pick<GuideInput, 'neighbourhoods' | 'assets' | 'stories'> {
	// What the build's content check read (src/integrations/preflight.ts); from disk only if there is none.
	const whole = wholeContent();
	const loaded = whole ? ofNeighbourhoods(whole, (n) => !selects(chosen, n)) : loadContent(root, { only: (n) => !selects(chosen, n), today: today() });
	return {
		neighbourhoods: loaded.neighbourhoods.map(({ n, data, contentPath }) => ({ n, data, contentPath })),
		assets: loaded.assets.map(({ n, slug, data, contentPath }) => ({ n, slug, data, contentPath })),
		stories: loaded.stories.map(({ n, slug, data, contentPath }) => ({ n, slug, data, contentPath })),
	};
}

function split(id: string) {
	const [n, slug] = id.split('/');
	return { n, slug };
}

const root = contentDir();

function contentPathOf(entry: CollectionEntry<'neighbourhoods' | 'assets' | 'stories'>): string {
	const file = entry.filePath ?? '';
	return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}
