/**
 * The guide, from Astro's collections. Pages call `getGuide()` and map what it
 * returns; all the rules live in the pure query layer (src/lib/guide.ts).
 */
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildGuide, type Guide } from '../lib/guide.ts';
import { contentDir } from '../lib/settings.ts';
import { today } from '../lib/today.ts';

let cached: Promise<Guide> | undefined;

/** The whole guide. Built once per production build; afresh on each request in development. */
export function getGuide(): Promise<Guide> {
	if (import.meta.env.DEV) return load();
	cached ??= load();
	return cached;
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
	return buildGuide({
		site,
		themes: themes.map((t) => t.data),
		neighbourhoods: neighbourhoods.map((entry) => ({ n: entry.id, data: entry.data, contentPath: contentPathOf(entry), entry })),
		assets: assets.map((entry) => ({ ...split(entry.id), data: entry.data, contentPath: contentPathOf(entry), entry })),
		stories: stories.map((entry) => ({ ...split(entry.id), data: entry.data, contentPath: contentPathOf(entry), entry })),
		today: today(),
	});
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
