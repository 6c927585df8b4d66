/**
 * The markup of the parts every entry shows in many places: its card, its
 * line in a compact list, its badges, its times, its "Add to my list", its
 * times on a day of the week (WeekPlan.astro) and its page's search record.
 * The components of the same names insert these with `set:html`
 * (src/lib/html.ts says why they are strings, and how values are escaped).
 * Change the markup here, not in the components.
 */
import { href, routes } from '../data/links';
import type { GuideAsset } from '../lib/guide';
import type { PublicAsset } from '../lib/consent';
import { attribute, text } from '../lib/html';
import { ACCESS_LABELS, BOOKING_NEEDED, COST_LABELS, JUST_TURN_UP, KIND_LABELS } from '../lib/labels';
import { ADD_PARAM } from '../lib/my-list';
import { whenInShort, whenInWords, type DaySlot } from '../lib/schedule';
import type { SearchRecord } from '../lib/search';
import type { When } from '../schema';

/** How many access features a badge list names; the entry's page lists them all. */
const ACCESS_BADGES = 3;

/** The facts people decide on at a glance, as words: just turn up, cost, access. */
export function badgesHtml(asset: PublicAsset): string {
	let html = '<ul class="badges" aria-label="At a glance">';
	html += asset.just_turn_up ? `<li class="badge badge-go">${text(JUST_TURN_UP)}</li>` : `<li class="badge">${text(BOOKING_NEEDED)}</li>`;
	html += `<li class="badge badge-cost">${text(COST_LABELS[asset.cost])}</li>`;
	for (const feature of asset.access.slice(0, ACCESS_BADGES)) html += `<li class="badge">${text(ACCESS_LABELS[feature])}</li>`;
	const more = asset.access.length - ACCESS_BADGES;
	if (more > 0) html += `<li class="badges-more">and ${more} more for access</li>`;
	return `${html}</ul>`;
}

/** Every time an entry is on, a line each, with the entry's note on its times last. Empty when it has neither. */
export function whenLinesHtml(when: readonly When[] | undefined, whenNote: string | undefined, className = 'plain-list'): string {
	const lines = whenInWords(when);
	if (lines.length === 0 && !whenNote) return '';
	let html = `<ul class="${attribute(className)}">`;
	for (const line of lines) {
		// The space keeps "3:30pm" and "in the library" two words when the text is copied or indexed.
		html += `<li>${text(line.text)}${line.note ? ` <span class="slot-note">${text(line.note)}</span>` : ''}</li>`;
	}
	if (whenNote) html += `<li>${text(whenNote)}</li>`;
	return `${html}</ul>`;
}

/**
 * Every time an entry is on, for a compact list: the first time on the line
 * that says what it is ("Group. Every Tuesday, 10am to 12 noon"), any more
 * each on a line of its own beneath, so none is missed.
 */
export function entryWhenHtml(lines: readonly string[]): string {
	let html = '';
	// The space keeps "Group." and the time two words when the text is copied or indexed.
	lines.forEach((line, i) => {
		html += ` <span class="${i > 0 ? 'entry-when entry-when-more' : 'entry-when'}">${text(line)}</span>`;
	});
	return html;
}

/**
 * "Add to my list": a plain link to the list page with this entry added,
 * which src/scripts/add-to-list.ts turns into a button (AddToList.astro
 * brings the script).
 */
export function addToListHtml(asset: GuideAsset): string {
	const title = asset.data.title;
	const link = `${href(routes.myList(asset.n))}?${ADD_PARAM}=${asset.slug}`;
	return (
		`<p class="add-to-list" hidden data-pagefind-ignore data-my-list-add data-n="${attribute(asset.n)}" data-slug="${attribute(asset.slug)}" data-title="${attribute(title)}">` +
		`<a href="${attribute(link)}"><span>Add <span class="visually-hidden">${text(title)}</span> to my list</span></a></p>`
	);
}

/** A card's words, inside its `<article>` and before its "Add to my list": title as the link, what it is, when, where, badges. */
export function assetCardHtml(asset: GuideAsset, level: 2 | 3 | 4): string {
	const data = asset.data;
	const place = data.where?.place ?? data.where?.address;
	return (
		`<h${level} class="card-title"><a href="${attribute(href(asset.path))}">${text(data.title)}</a></h${level}>` +
		`<p class="card-meta">${text(KIND_LABELS[data.kind])}${place ? ` · ${text(place)}` : ''}</p>` +
		`<p>${text(data.summary ?? '')}</p>` +
		whenLinesHtml(data.when, data.when_note, 'when-lines') +
		badgesHtml(data)
	);
}

/** One entry in a compact list (a guide's themes): the title, every time it is on in a few words, and the badges. */
export function assetListItemHtml(asset: GuideAsset): string {
	const data = asset.data;
	return (
		`<li class="entry"><a class="entry-title" href="${attribute(href(asset.path))}">${text(data.title)}</a>` +
		`<span class="entry-meta">${text(KIND_LABELS[data.kind])}.${entryWhenHtml(whenInShort(data.when, data.when_note))}</span>` +
		`${badgesHtml(data)}</li>`
	);
}

/** One day's times on the week (WeekPlan.astro): the time, the entry as a link, and which weeks and any note. */
export function slotsHtml(slots: readonly DaySlot<GuideAsset>[]): string {
	let html = '<ul class="slots">';
	for (const slot of slots) {
		html += `<li class="slot"><span class="slot-time">${text(slot.time || 'Times vary')}</span><span><a href="${attribute(href(slot.item.path))}">${text(slot.item.data.title)}</a>`;
		if (slot.weeks) html += `<span class="slot-note">${text(slot.weeks)}</span>`;
		if (slot.when.note) html += `<span class="slot-note">${text(slot.when.note)}</span>`;
		html += '</span></li>';
	}
	return `${html}</ul>`;
}

/**
 * What search knows about a page beyond its words (SearchRecord.astro): the
 * filters it can be found by and the details a result shows, as empty `<data>`
 * elements, so they add nothing to what the page says or to the words indexed.
 */
export function searchRecordHtml(record: SearchRecord): string {
	let html = '<div hidden data-pagefind-ignore>';
	for (const [key, values] of Object.entries(record.filters)) {
		for (const value of values ?? []) html += `<data value="${attribute(value)}" data-pagefind-filter="${attribute(key)}[value]"></data>`;
	}
	for (const [key, value] of Object.entries(record.meta)) {
		if (typeof value === 'string') html += `<data value="${attribute(value)}" data-pagefind-meta="${attribute(key)}[value]"></data>`;
	}
	return `${html}</div>`;
}
