/**
 * The guide query layer: from validated entries to the guide every output is
 * made from. Drafts are dropped, consent is applied, entries are sorted and
 * cross-linked here, once; routes and exports only map what this returns.
 *
 * It is pure: Astro pages feed it collections (`src/data/guide.ts`), scripts
 * and tests feed it files read from disk (`content-files.ts`).
 */
import { posix } from 'node:path';
import { assetKey, type Asset, type Neighbourhood, type Site, type Story, type Theme, type When } from '../schema/index.ts';
import { applyConsent, type PublicAsset } from './consent.ts';
import { weekPlan, type DayPlan } from './schedule.ts';
import { isStale } from './staleness.ts';
import { routes } from './urls.ts';

export interface InputEntry<T> {
	n: string;
	data: T;
	/** Path under `content/`, for "Edit this page". */
	contentPath: string;
	/** Whatever the caller needs to render the body (an Astro collection entry, or the raw Markdown). */
	entry?: unknown;
}

export interface GuideInput {
	site: Site;
	themes: readonly Theme[];
	neighbourhoods: readonly InputEntry<Neighbourhood>[];
	assets: readonly (InputEntry<Asset> & { slug: string })[];
	stories: readonly (InputEntry<Story> & { slug: string })[];
	today: Date;
	/**
	 * The neighbourhoods this build makes pages for (`--only`, `--shard`); all
	 * when absent. The others are still part of the guide: the home page, the
	 * sitemap and open data list them, and stories may link to their assets.
	 */
	builds?: (n: string) => boolean;
}

export interface GuideImage {
	/** Site path of the picture, e.g. `/mill-lane/images/garden.jpg`. */
	path: string;
	/** Path of the picture's file under `content/`. */
	contentPath: string;
	alt: string;
}

export interface GuideAsset {
	n: string;
	slug: string;
	/** Site path: `/mill-lane/assets/knit-and-natter/`. */
	path: string;
	/** The entry with consent applied: only what may be shown. */
	data: PublicAsset;
	contentPath: string;
	entry?: unknown;
	image?: GuideImage;
	/** Not checked for longer than the site's `stale_after_months`. */
	stale: boolean;
	/** Stories that mention this asset, newest first. */
	stories: GuideStory[];
}

export interface GuideStory {
	n: string;
	slug: string;
	path: string;
	data: Story;
	contentPath: string;
	entry?: unknown;
	image?: GuideImage;
	/** The assets it mentions that are published, in the order the story lists them. */
	assets: GuideAsset[];
}

export interface ThemeGroup {
	theme: Theme;
	assets: GuideAsset[];
}

export interface GuideNeighbourhood {
	n: string;
	path: string;
	data: Neighbourhood;
	contentPath: string;
	entry?: unknown;
	/** A to Z by title. */
	assets: GuideAsset[];
	/** Newest first. */
	stories: GuideStory[];
	/** In the order of themes.yaml; only themes that have entries. */
	byTheme: ThemeGroup[];
	/** Monday to Sunday. */
	week: DayPlan<GuideAsset>[];
	/** Entries with no regular weekly time (only a `when_note`, or none). */
	otherTimes: GuideAsset[];
	/** Old slugs that lead to an asset: `{ from, to }`. */
	aliases: { from: string; to: GuideAsset }[];
	/** The most recent `last_checked` of its entries. */
	checkedUpTo?: Date;
	/** The oldest `last_checked` of its entries. */
	oldestCheck?: Date;
}

export interface Guide {
	site: Site;
	themes: readonly Theme[];
	themeById: Map<string, Theme>;
	/**
	 * The neighbourhoods this build makes pages for, by name: every one, unless
	 * the build is a preview (`--only`) or one shard of the site (`--shard`).
	 * Routes of a neighbourhood's own pages map these.
	 */
	neighbourhoods: GuideNeighbourhood[];
	/**
	 * Every neighbourhood of the site, by name, whichever this build makes pages
	 * for: for the pages that list or export them all (home, sitemap, open data,
	 * feeds, the page for surgeries), so those come out the same in every shard.
	 */
	allNeighbourhoods: GuideNeighbourhood[];
	/** Any neighbourhood of the site, built by this build or not. */
	get(n: string): GuideNeighbourhood | undefined;
	/** A published asset by its key `<n>/<slug>` (`assetKey` turns a story's reference into one). */
	asset(key: string): GuideAsset | undefined;
	today: Date;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * The asset a story's `<AssetCard slug="..." />` names, from the story's
 * neighbourhood `n`. The check reports a wrong name with its file and line
 * first; this only guards the build.
 */
export function storyAsset(guide: Guide, slug: string, n: string): GuideAsset {
	const key = assetKey(slug, n);
	const asset = guide.asset(key);
	if (!asset) {
		throw new Error(`<AssetCard slug="${slug}" /> names an asset that is not published in ${key.split('/')[0]} (use the name of a file in its assets/ folder).`);
	}
	return asset;
}

/**
 * The last word in every sort: names are unique where titles are not (two
 * "Knit and natter"s), so the order never depends on the order the files
 * were read in. A shard reads its own neighbourhoods through Astro and the
 * others from disk; pages that list every neighbourhood must come out the
 * same in each.
 */
export function byCode(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function buildGuide(input: GuideInput): Guide {
	const themeById = new Map(input.themes.map((t) => [t.id, t]));
	const published = <T extends { data: { draft?: boolean } }>(list: readonly T[]) => list.filter((e) => !e.data.draft);

	const neighbourhoods = published(input.neighbourhoods)
		.map((entry) => entry)
		.sort((a, b) => collator.compare(a.data.name, b.data.name) || byCode(a.n, b.n));
	const liveN = new Set(neighbourhoods.map((n) => n.n));

	const assetsByKey = new Map<string, GuideAsset>();
	for (const entry of published(input.assets)) {
		if (!liveN.has(entry.n)) continue;
		const asset: GuideAsset = {
			n: entry.n,
			slug: entry.slug,
			path: routes.asset(entry.n, entry.slug),
			data: applyConsent(entry.data),
			contentPath: entry.contentPath,
			entry: entry.entry,
			image: entry.data.image ? resolveImage(entry.n, entry.contentPath, entry.data.image) : undefined,
			stale: isStale(entry.data.last_checked, input.site.stale_after_months, input.today),
			stories: [],
		};
		assetsByKey.set(`${entry.n}/${entry.slug}`, asset);
	}

	const stories: GuideStory[] = published(input.stories)
		.filter((entry) => liveN.has(entry.n))
		.map((entry) => ({
			n: entry.n,
			slug: entry.slug,
			path: routes.story(entry.n, entry.slug),
			data: entry.data,
			contentPath: entry.contentPath,
			entry: entry.entry,
			image: entry.data.image ? resolveImage(entry.n, entry.contentPath, entry.data.image) : undefined,
			assets: entry.data.assets
				.map((ref) => assetsByKey.get(assetKey(ref, entry.n)))
				.filter((a): a is GuideAsset => a !== undefined),
		}))
		.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || collator.compare(a.data.title, b.data.title) || byCode(a.path, b.path));

	for (const story of stories) {
		for (const asset of story.assets) {
			if (!asset.stories.includes(story)) asset.stories.push(story);
		}
	}

	// Grouped once: a national network has thousands of neighbourhoods and hundreds of thousands of entries.
	const assetsByN = Map.groupBy(assetsByKey.values(), (a) => a.n);
	const storiesByN = Map.groupBy(stories, (s) => s.n);
	const guideNeighbourhoods: GuideNeighbourhood[] = neighbourhoods.map((entry) => {
		const assets = (assetsByN.get(entry.n) ?? []).sort((a, b) => collator.compare(a.data.title, b.data.title) || byCode(a.slug, b.slug));
		const checks = assets.map((a) => a.data.last_checked.getTime());
		return {
			n: entry.n,
			path: routes.neighbourhood(entry.n),
			data: entry.data,
			contentPath: entry.contentPath,
			entry: entry.entry,
			assets,
			stories: storiesByN.get(entry.n) ?? [],
			byTheme: input.themes
				.map((theme) => ({ theme, assets: assets.filter((a) => a.data.themes.includes(theme.id)) }))
				.filter((group) => group.assets.length > 0),
			week: weekPlan(assets, (a) => a.data.when as When[] | undefined),
			otherTimes: assets.filter((a) => !a.data.when?.length),
			aliases: assets.flatMap((to) => (to.data.aliases ?? []).map((from) => ({ from, to }))),
			checkedUpTo: checks.length ? new Date(Math.max(...checks)) : undefined,
			oldestCheck: checks.length ? new Date(Math.min(...checks)) : undefined,
		};
	});
	const byN = new Map(guideNeighbourhoods.map((g) => [g.n, g]));
	const builds = input.builds;

	return {
		site: input.site,
		themes: input.themes,
		themeById,
		neighbourhoods: builds ? guideNeighbourhoods.filter((g) => builds(g.n)) : guideNeighbourhoods,
		allNeighbourhoods: guideNeighbourhoods,
		get: (n) => byN.get(n),
		asset: (key) => assetsByKey.get(key),
		today: input.today,
	};
}

/**
 * Where a picture lives, from `src` relative to its entry. Pictures must be
 * inside the neighbourhood's `images/` folder; anything else is refused (the
 * check reports it), so no other file of the machine can be published.
 */
export function resolveImage(n: string, entryContentPath: string, image: { src: string; alt: string }): GuideImage | undefined {
	const contentPath = imageContentPath(entryContentPath, image.src);
	const prefix = `neighbourhoods/${n}/images/`;
	if (!contentPath?.startsWith(prefix)) return undefined;
	return {
		path: routes.image(n, contentPath.slice(`neighbourhoods/${n}/`.length)),
		contentPath,
		alt: image.alt,
	};
}

/** `src` resolved against the entry's folder, as a path under `content/`; undefined if it leaves `content/`. */
export function imageContentPath(entryContentPath: string, src: string): string | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
	const joined = posix.normalize(posix.join(posix.dirname(entryContentPath), src));
	if (joined.startsWith('..') || posix.isAbsolute(joined)) return undefined;
	return joined;
}
