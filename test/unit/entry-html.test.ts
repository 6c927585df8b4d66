/**
 * The markup written as strings (src/lib/html.ts, src/components/entry-html.ts):
 * escaped exactly as Astro escapes the same values, and read back by a real
 * HTML parser as the words that went in, whatever they hold. That whole pages come out as before is the build
 * tests'; this is the escaping and the shape of each part.
 */
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { addAttribute } from 'astro/runtime/server/index.js';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { addToListHtml, assetCardHtml, assetListItemHtml, badgesHtml, entryWhenHtml, searchRecordHtml, slotsHtml, whenLinesHtml } from '../../src/components/entry-html.ts';
import type { GuideAsset } from '../../src/lib/guide.ts';
import { attribute, text } from '../../src/lib/html.ts';
import { KIND_LABELS } from '../../src/lib/labels.ts';
import { guideFrom } from '../helpers/guide.ts';

/** Words that would break markup written without escaping, or escaped twice. */
const AWKWARD = [
	'Tom & Jerry\'s "Big" <Supper>',
	'</p><script>alert(1)</script>',
	'&amp; already an entity',
	'a " onmouseover="x',
	"O'Neill's café — 10am–2pm",
	'plain words',
	'',
];

const guide = guideFrom('content', '2026-12-04');
const assets = guide.neighbourhoods.flatMap((hood) => hood.assets);

/** A real entry of the sample, with some of its words replaced. */
function withWords(asset: GuideAsset, words: string): GuideAsset {
	return { ...asset, data: { ...asset.data, title: words || 'x', summary: words, when_note: words || undefined, where: { ...asset.data.where, place: words || 'x' } } };
}

const one = (html: string, selector: string): HTMLElement => {
	const found = parse(html).querySelector(selector);
	if (!found) throw new Error(`no ${selector} in ${html}`);
	return found;
};

describe('escaping', () => {
	it('escapes words as Astro escapes {value}, and attributes as Astro escapes name={value}', () => {
		for (const words of AWKWARD) {
			expect(text(words)).toBe(escapeHTML(words));
			// Astro writes an empty value as a bare name (` title`), which HTML reads as the same empty value.
			if (words) expect(` title="${attribute(words)}"`).toBe(String(addAttribute(words, 'title')));
		}
	});

	it('reads back as the words that went in', () => {
		for (const words of AWKWARD) {
			const p = one(`<p title="${attribute(words)}">${text(words)}</p>`, 'p');
			expect(p.text).toBe(words);
			expect(p.getAttribute('title')).toBe(words);
		}
	});
});

describe('an entry card', () => {
	it('holds every entry of the sample guides, with its title as the link to its page', () => {
		expect(assets.length).toBeGreaterThan(30);
		for (const asset of assets) {
			const card = parse(`<article>${assetCardHtml(asset, 2)}</article>`);
			const link = card.querySelector('h2.card-title a');
			expect(link?.text).toBe(asset.data.title);
			expect(link?.getAttribute('href')).toBe(asset.path);
			expect(card.querySelector('p:not(.card-meta)')?.text).toBe(asset.data.summary);
			expect(card.querySelectorAll('ul.badges li.badge').length).toBe(2 + Math.min(asset.data.access.length, 3));
		}
	});

	it('keeps awkward words as words, in the title, the place, the summary and the note on times', () => {
		for (const words of AWKWARD.filter(Boolean)) {
			const html = assetCardHtml(withWords(assets[0], words), 3);
			const card = parse(`<article>${html}</article>`);
			expect(card.querySelector('h3 a')?.text).toBe(words);
			expect(card.querySelector('.card-meta')?.text).toContain(` · ${words}`);
			expect(card.querySelector('p:not(.card-meta)')?.text).toBe(words);
			expect(card.querySelectorAll('script')).toHaveLength(0);
			expect(card.querySelector('.when-lines li:last-child')?.text).toBe(words);
		}
	});

	it('says how many more access features there are than the badges name', () => {
		const many = assets.find((asset) => asset.data.access.length > 3);
		expect(many, 'the sample has an entry with more than three access features').toBeDefined();
		const more = many!.data.access.length - 3;
		expect(one(badgesHtml(many!.data), '.badges-more').text).toBe(`and ${more} more for access`);
		const few = assets.find((asset) => asset.data.access.length <= 3)!;
		expect(parse(badgesHtml(few.data)).querySelector('.badges-more')).toBeNull();
	});
});

describe('times', () => {
	it('writes nothing for an entry with no times and no note', () => {
		expect(whenLinesHtml(undefined, undefined)).toBe('');
		expect(whenLinesHtml([], '')).toBe('');
		expect(entryWhenHtml([])).toBe('');
	});

	it('lists each time, then the note, in the class asked for', () => {
		const timed = assets.find((asset) => (asset.data.when?.length ?? 0) > 0)!;
		const list = one(whenLinesHtml(timed.data.when, 'Not in August', 'when-lines'), 'ul.when-lines');
		const items = list.querySelectorAll('li').map((li) => li.text);
		expect(items.at(-1)).toBe('Not in August');
		expect(items.length).toBeGreaterThan(1);
		expect(one(whenLinesHtml(timed.data.when, undefined), 'ul').classList.contains('plain-list')).toBe(true);
	});

	it('marks every time after the first in a compact list, each after a space', () => {
		const html = entryWhenHtml(['Every Monday, 10am', 'Every <Friday>']);
		expect(html.startsWith(' <span class="entry-when">')).toBe(true);
		const spans = parse(html).querySelectorAll('span');
		expect(spans.map((s) => [s.text, s.classList.contains('entry-when-more')])).toEqual([
			['Every Monday, 10am', false],
			['Every <Friday>', true],
		]);
	});

	it('lists a day of the week with its times, links and notes', () => {
		const day = guide.neighbourhoods.flatMap((hood) => hood.week).find((d) => d.slots.length > 1)!;
		const items = parse(slotsHtml(day.slots)).querySelectorAll('li.slot');
		expect(items).toHaveLength(day.slots.length);
		items.forEach((li, i) => {
			expect(li.querySelector('.slot-time')?.text).toBe(day.slots[i].time || 'Times vary');
			expect(li.querySelector('a')?.getAttribute('href')).toBe(day.slots[i].item.path);
		});
	});
});

describe('the other parts', () => {
	it('a line in a compact list: title, what it is with its times, badges', () => {
		const asset = withWords(assets[0], 'Knit & "Natter"');
		const li = one(assetListItemHtml(asset), 'li.entry');
		expect(li.querySelector('a.entry-title')?.text).toBe('Knit & "Natter"');
		expect(li.querySelector('.entry-meta')?.text.startsWith(`${KIND_LABELS[asset.data.kind]}.`)).toBe(true);
		expect(li.querySelector('ul.badges')).not.toBeNull();
	});

	it('"Add to my list" names the entry for screen readers and links to the list with it added', () => {
		const asset = withWords(assets[0], 'Tea & "Toast"');
		const p = one(addToListHtml(asset), 'p.add-to-list');
		expect(p.hasAttribute('hidden')).toBe(true);
		expect(p.getAttribute('data-title')).toBe('Tea & "Toast"');
		expect(p.getAttribute('data-slug')).toBe(asset.slug);
		expect(p.querySelector('.visually-hidden')?.text).toBe('Tea & "Toast"');
		expect(p.querySelector('a')?.getAttribute('href')).toBe(`/${asset.n}/my-list/?add=${asset.slug}`);
	});

	it('a search record keeps every filter value and detail, awkward or not', () => {
		const html = searchRecordHtml({
			filters: { theme: ['food', 'a "b" & c'], day: [] },
			meta: { title: '<Lunch> & "Co"', place: 'Mill Lane', kind: 'Group', summary: 'Soup, 1–2pm', when: undefined },
		});
		const data = parse(html).querySelectorAll('data');
		expect(data.map((d) => [d.getAttribute('value'), d.getAttribute('data-pagefind-filter') ?? d.getAttribute('data-pagefind-meta')])).toEqual([
			['food', 'theme[value]'],
			['a "b" & c', 'theme[value]'],
			['<Lunch> & "Co"', 'title[value]'],
			['Mill Lane', 'place[value]'],
			['Group', 'kind[value]'],
			['Soup, 1–2pm', 'summary[value]'],
		]);
		expect(parse(html).querySelector('div')?.hasAttribute('hidden')).toBe(true);
	});
});
