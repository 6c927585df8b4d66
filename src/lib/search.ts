/**
 * What search knows about each page: the filters it can be found by and the
 * details a result shows. Made from the query layer, so consent is already
 * applied: nothing withheld from a page can reach the index.
 *
 * Filter values are ids (`tuesday`, `step-free`), so links to a search stay
 * the same when wording changes; the search page turns them into words with
 * `searchFilters()`. The keys are also the URL's query parameters:
 * `/search/?q=knit&n=weavers-row&day=monday&cost=free`.
 */
import { ACCESS_FEATURES, ASSET_KINDS, COSTS, DAYS, type AssetKind } from '../schema/asset.ts';
import type { Guide, GuideAsset, GuideNeighbourhood, GuideStory } from './guide.ts';
import { ACCESS_LABELS, BOOKING_NEEDED, COST_LABELS, DAY_NAMES, JUST_TURN_UP, KIND_LABELS, KIND_PLURALS, whereInOneLine } from './labels.ts';
import { whenInWords } from './schedule.ts';

/** Kinds of page in the index: the five kinds of asset, stories and neighbourhood guides. */
export type SearchKind = AssetKind | 'story' | 'neighbourhood';

export const FILTER_KEYS = ['n', 'kind', 'theme', 'day', 'cost', 'turnup', 'access'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The value of the `turnup` filter for entries you can just turn up to. */
export const TURN_UP_VALUE = 'yes';

export interface SearchRecord {
	/** Filter values by key; a page can have several values for one key (themes, days, access). */
	filters: Partial<Record<FilterKey, string[]>>;
	/** Details shown with a result, in words. */
	meta: SearchMeta;
}

/** Result details; the keys are what the search script reads. */
export interface SearchMeta {
	title: string;
	/** The neighbourhood's name. */
	place: string;
	/** "Group", "Story", "Neighbourhood guide". */
	kind: string;
	summary: string;
	/** One line per regular time, then any note, separated by newlines. */
	when?: string;
	/** Place, address and postcode, in one line. */
	where?: string;
	cost?: string;
	/** "Just turn up" or "Ask first". */
	join?: string;
}

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
	...KIND_LABELS,
	story: 'Story',
	neighbourhood: 'Neighbourhood guide',
};

export function assetSearchRecord(asset: GuideAsset, hood: GuideNeighbourhood): SearchRecord {
	const data = asset.data;
	const days = [...new Set((data.when ?? []).map((w) => w.day))];
	const whenLines = whenInWords(data.when).map((line) => (line.note ? `${line.text} (${line.note})` : line.text));
	if (data.when_note) whenLines.push(data.when_note);
	const where = whereInOneLine(data.where);
	return {
		filters: {
			n: [hood.n],
			kind: [data.kind],
			theme: [...data.themes],
			day: DAYS.filter((d) => days.includes(d)),
			cost: [data.cost],
			turnup: data.just_turn_up ? [TURN_UP_VALUE] : [],
			access: [...data.access],
		},
		meta: {
			title: data.title,
			place: hood.data.name,
			kind: KIND_LABELS[data.kind],
			summary: data.summary,
			...(whenLines.length ? { when: whenLines.join('\n') } : {}),
			...(where ? { where } : {}),
			cost: COST_LABELS[data.cost],
			join: data.just_turn_up ? JUST_TURN_UP : BOOKING_NEEDED,
		},
	};
}

export function storySearchRecord(story: GuideStory, hood: GuideNeighbourhood): SearchRecord {
	return {
		filters: { n: [hood.n], kind: ['story'], theme: [...story.data.themes] },
		meta: {
			title: story.data.title,
			place: hood.data.name,
			kind: `Story by ${story.data.author}`,
			summary: story.data.summary,
		},
	};
}

export function neighbourhoodSearchRecord(hood: GuideNeighbourhood): SearchRecord {
	return {
		filters: { n: [hood.n], kind: ['neighbourhood'] },
		meta: {
			title: `${hood.data.name} guide`,
			place: hood.data.name,
			kind: SEARCH_KIND_LABELS.neighbourhood,
			summary: hood.data.summary,
		},
	};
}

export interface FilterChoice {
	value: string;
	label: string;
}

export interface SearchFilter {
	key: FilterKey;
	/** The question, as a label: "Which day?" */
	label: string;
	/** The choice that means "no filter": "Any day". Absent for checkboxes. */
	any?: string;
	choices: FilterChoice[];
	/** One choice (a list) or several (checkboxes, all must match). */
	type: 'select' | 'checkboxes';
}

/**
 * The filters the search page offers, in words, with only the choices that
 * can find something in this guide: in all its neighbourhoods, whichever this
 * build makes pages for, as the search covers them all.
 */
export function searchFilters(guide: Guide): SearchFilter[] {
	const assets = guide.allNeighbourhoods.flatMap((hood) => hood.assets);
	const stories = guide.allNeighbourhoods.flatMap((hood) => hood.stories);
	const usedKinds = new Set(assets.map((a) => a.data.kind));
	const usedThemes = new Set([...assets.flatMap((a) => a.data.themes), ...stories.flatMap((s) => s.data.themes)]);
	const usedDays = new Set(assets.flatMap((a) => (a.data.when ?? []).map((w) => w.day)));
	const usedCosts = new Set(assets.map((a) => a.data.cost));
	const usedAccess = new Set(assets.flatMap((a) => a.data.access));
	const filters: SearchFilter[] = [
		{
			key: 'n',
			label: 'Which neighbourhood?',
			any: 'All neighbourhoods',
			type: 'select',
			choices: guide.allNeighbourhoods.map((hood) => ({ value: hood.n, label: hood.data.name })),
		},
		{
			key: 'kind',
			label: 'What kind of thing?',
			any: 'Anything',
			type: 'select',
			choices: [
				...ASSET_KINDS.filter((k) => usedKinds.has(k)).map((k) => ({ value: k, label: KIND_PLURALS[k] })),
				...(stories.length ? [{ value: 'story', label: 'Stories' }] : []),
				{ value: 'neighbourhood', label: 'Neighbourhood guides' },
			],
		},
		{
			key: 'theme',
			label: 'What matters to you?',
			any: 'Anything',
			type: 'select',
			choices: guide.themes.filter((t) => usedThemes.has(t.id)).map((t) => ({ value: t.id, label: t.label })),
		},
		{
			key: 'day',
			label: 'Which day?',
			any: 'Any day',
			type: 'select',
			choices: DAYS.filter((d) => usedDays.has(d)).map((d) => ({ value: d, label: DAY_NAMES[d] })),
		},
		{
			key: 'cost',
			label: 'Cost',
			any: 'Any cost',
			type: 'select',
			choices: COSTS.filter((c) => usedCosts.has(c)).map((c) => ({ value: c, label: COST_LABELS[c] })),
		},
		{
			key: 'turnup',
			label: 'Booking',
			type: 'checkboxes',
			choices: assets.some((a) => a.data.just_turn_up) ? [{ value: TURN_UP_VALUE, label: `${JUST_TURN_UP}: no booking or referral needed` }] : [],
		},
		{
			key: 'access',
			label: 'Access: show only places with all of these',
			type: 'checkboxes',
			choices: ACCESS_FEATURES.filter((f) => usedAccess.has(f)).map((f) => ({ value: f, label: ACCESS_LABELS[f] })),
		},
	];
	return filters.filter((f) => f.choices.length > 0);
}
