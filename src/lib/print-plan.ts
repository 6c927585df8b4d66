/**
 * How a neighbourhood's guide is laid out on paper: which entries go under
 * which theme, what the contents and the A to Z list, and the anchors that
 * page numbers are found for. Pure, so the booklet, the large-print edition
 * and the tests all agree on one plan.
 *
 * On paper every entry appears exactly once, under its first theme (the one
 * its writers put first); the other themes it belongs to point to it with a
 * page number, so nobody reads the same entry twice or misses it under a
 * theme they look up.
 */
import { byFirstLetter } from './a-to-z.ts';
import type { GuideAsset, GuideNeighbourhood, GuideStory } from './guide.ts';
import type { DayPlan } from './schedule.ts';
import { type ThemeOnce, themesOnce } from './theme-groups.ts';

/** Anchors in the print pages: the targets of contents, index and cross references. */
export const anchors = {
	section: (id: PrintSectionId) => `section-${id}`,
	theme: (themeId: string) => `theme-${themeId}`,
	entry: (slug: string) => `entry-${slug}`,
	story: (slug: string) => `story-${slug}`,
};

export type PrintSectionId = 'about' | 'someone-to-ask' | 'whats-on' | 'what-matters' | 'stories' | 'a-to-z';

/** A theme in the printed guide: its entries printed once each (src/lib/theme-groups.ts). */
export type PrintTheme = ThemeOnce;

export interface ContentsLine {
	label: string;
	target: string;
	/** Themes are listed under "What matters to you?". */
	level: 1 | 2;
}

export interface IndexItem {
	label: string;
	/** Anchor of what it points to; places point to their entries instead. */
	target?: string;
	/** "a story". */
	note?: string;
	/** For a place: the entries that happen there. */
	children?: { label: string; target: string }[];
}

export interface IndexLetter {
	letter: string;
	items: IndexItem[];
}

export interface PrintPlan {
	themes: PrintTheme[];
	contents: ContentsLine[];
	index: IndexLetter[];
	/** Whether there are regular times to show as a week. */
	hasWeek: boolean;
	/** Entries with only a note about when ("ring first"), for under the week. */
	otherTimes: GuideAsset[];
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function planPrint(hood: GuideNeighbourhood): PrintPlan {
	const themes: PrintTheme[] = themesOnce(hood.byTheme);
	const hasWeek = hood.week.some((day) => day.slots.length > 0);

	const contents: ContentsLine[] = [];
	if (hood.data.connectors.length > 0) contents.push({ label: 'Someone to ask', target: anchors.section('someone-to-ask'), level: 1 });
	if (hasWeek) contents.push({ label: "What's on each day", target: anchors.section('whats-on'), level: 1 });
	if (themes.length > 0) {
		contents.push({ label: 'What matters to you?', target: anchors.section('what-matters'), level: 1 });
		for (const t of themes) contents.push({ label: t.theme.label, target: anchors.theme(t.theme.id), level: 2 });
	}
	if (hood.stories.length > 0) contents.push({ label: 'Stories from neighbours', target: anchors.section('stories'), level: 1 });
	if (hood.assets.length > 0 || hood.stories.length > 0) contents.push({ label: 'A to Z', target: anchors.section('a-to-z'), level: 1 });

	return {
		themes,
		contents,
		index: indexOf(hood.assets, hood.stories),
		hasWeek,
		otherTimes: hood.otherTimes.filter((a) => a.data.when_note),
	};
}

/**
 * The A to Z: every entry and story by title, and the places where more than
 * one thing happens, with what happens there ("what is on at St Anne's
 * hall?"). A place that is itself an entry, or is only named in its entries'
 * titles, would only repeat them, so it is left out.
 */
export function indexOf(assets: readonly GuideAsset[], stories: readonly GuideStory[]): IndexLetter[] {
	const items: IndexItem[] = [
		...assets.map((a) => ({ label: a.data.title, target: anchors.entry(a.slug) })),
		...stories.map((s) => ({ label: s.data.title, target: anchors.story(s.slug), note: 'a story' })),
	];
	const titles = new Set(assets.map((a) => normalise(a.data.title)));
	const places = new Map<string, IndexItem>();
	for (const asset of assets) {
		const place = placeLabel(asset);
		if (!place) continue;
		const key = normalise(place);
		const item = places.get(key) ?? { label: place, children: [] };
		item.children!.push({ label: asset.data.title, target: anchors.entry(asset.slug) });
		places.set(key, item);
	}
	items.push(...[...places].filter(([key, item]) => item.children!.length > 1 && !titles.has(key)).map(([, item]) => item));
	items.sort((a, b) => collator.compare(a.label, b.label) || (a.note ? 1 : 0) - (b.note ? 1 : 0));

	return byFirstLetter(items, (item) => item.label);
}

/**
 * Where an entry happens, in a few words for a list (the place's name, or
 * its address), or nothing when the title already says it: "The Tea Boat,
 * at The Tea Boat" helps nobody.
 */
export function placeLabel(asset: Pick<GuideAsset, 'data'>): string | undefined {
	const place = (asset.data.where?.place ?? asset.data.where?.address)?.trim();
	if (!place) return undefined;
	const title = normalise(asset.data.title);
	const where = normalise(place);
	return title.includes(where) || where.includes(title) ? undefined : place;
}

/**
 * Words that already say where, at the start of a place: "Outside Lockside
 * Hub", "Behind the church", "At the back of the hall". Such a place is not
 * given another "at".
 */
const SAYS_WHERE =
	/^(?:at|in|on|by|near|outside|inside|behind|opposite|beside|next to|in front of|across|along|around|round|under|underneath|beneath|above|below|between|within|upstairs|downstairs|alongside)\b/i;

/**
 * "at Test Hall", or the place as it is when it already says where:
 * "outside Lockside Hub" (its first word in small letters, as it now comes
 * mid-sentence). For "Buggy walk, at Test Hall"; `capitalise` it to start a line.
 */
export function atPlace(place: string): string {
	const trimmed = place.trim();
	const match = SAYS_WHERE.exec(trimmed);
	if (!match) return `at ${trimmed}`;
	return match[0].toLowerCase() + trimmed.slice(match[0].length);
}

function normalise(value: string): string {
	return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Any text as a CSS string, safe in a stylesheet whatever it contains: quotes, backslashes and non-ASCII escaped. */
export function cssString(text: string): string {
	let out = '"';
	for (const char of text) {
		const code = char.codePointAt(0)!;
		out += code < 0x20 || code > 0x7e || char === '"' || char === '\\' || char === '<' ? `\\${code.toString(16)} ` : char;
	}
	return `${out}"`;
}

/** An entry on at least this many days of the week is listed once, under "On most days", not on every day. */
export const MOST_DAYS = 4;

export interface PaperDay<T> extends DayPlan<T> {
	/**
	 * Entries from "On most days" that are on this day too, A to Z: a day
	 * whose own list is empty names them, and never says nothing is on.
	 */
	alsoOn: T[];
}

export interface PaperWeek<T> {
	/** Entries on most days (a launderette, a community centre's opening hours), A to Z. */
	mostDays: T[];
	/** The rest, day by day. */
	week: PaperDay<T>[];
}

/**
 * The week as paper shows it: what is on most days once, then each day's
 * own activities. Listing a launderette's hours seven times would push the
 * week sheet onto a second page and bury the Tuesday lunch club. The guide
 * page and the embed show their week the same way (WeekPlan's compact
 * view), where the hours of shops filled half of a 50-entry guide's week; the
 * what's-on page gives every day in full.
 */
export function paperWeek<T extends { data: { title: string } }>(week: readonly DayPlan<T>[]): PaperWeek<T> {
	const days = new Map<T, Set<string>>();
	for (const day of week) for (const slot of day.slots) days.set(slot.item, (days.get(slot.item) ?? new Set()).add(day.day));
	const mostDays = [...days]
		.filter(([, on]) => on.size >= MOST_DAYS)
		.map(([item]) => item)
		.sort((a, b) => collator.compare(a.data.title, b.data.title));
	const often = new Set(mostDays);
	return {
		mostDays,
		week: week.map((day) => ({
			...day,
			slots: day.slots.filter((slot) => !often.has(slot.item)),
			alsoOn: mostDays.filter((item) => day.slots.some((slot) => slot.item === item)),
		})),
	};
}
