import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byFirstLetter, firstLetter } from '../../src/lib/a-to-z.ts';
import { loadContent } from '../../src/lib/content-files.ts';
import { buildGuide, type GuideAsset } from '../../src/lib/guide.ts';
import {
	anchors,
	atPlace,
	cssString,
	indexOf,
	paperWeek,
	placeLabel,
	planPrint,
} from '../../src/lib/print-plan.ts';
import { weekPlan } from '../../src/lib/schedule.ts';
import { primaryTheme } from '../../src/lib/theme-groups.ts';
import type { When } from '../../src/schema/index.ts';

const today = new Date('2026-06-01T00:00:00Z');
const loaded = loadContent(path.resolve('test/fixtures/site'), { today });
const guide = buildGuide({
	site: loaded.site!,
	themes: loaded.themes,
	neighbourhoods: loaded.neighbourhoods,
	assets: loaded.assets,
	stories: loaded.stories,
	today,
});
const testwick = guide.get('testwick')!;

/** A made-up asset with only what the plan looks at. */
function asset(slug: string, title: string, themes: string[], extra: Partial<GuideAsset['data']> = {}): GuideAsset {
	return { n: 'x', slug, path: `/x/assets/${slug}/`, data: { title, themes, ...extra } as GuideAsset['data'], contentPath: '', stale: false, stories: [] };
}

describe('the printed guide plan', () => {
	it('prints every entry exactly once, under its first theme', () => {
		const plan = planPrint(testwick);
		const printed = plan.themes.flatMap((t) => t.assets.map((a) => a.slug));
		expect([...printed].sort()).toEqual(testwick.assets.map((a) => a.slug).sort());
		expect(new Set(printed).size).toBe(printed.length);
		for (const t of plan.themes) for (const a of t.assets) expect(a.data.themes[0]).toBe(t.theme.id);
	});

	it('points from an entry’s other themes to where it is printed', () => {
		const plan = planPrint(testwick);
		for (const t of plan.themes) {
			for (const a of t.alsoHere) {
				expect(a.data.themes).toContain(t.theme.id);
				expect(primaryTheme(a, plan.themes.map((p) => p.theme.id))).not.toBe(t.theme.id);
			}
		}
	});

	it('takes the first theme the guide has, when an earlier one is not in it', () => {
		expect(primaryTheme(asset('a', 'A', ['gone', 'food', 'moving']), ['moving', 'food'])).toBe('food');
	});

	it('lists the sections in the contents, themes under "What matters to you?"', () => {
		const plan = planPrint(testwick);
		expect(plan.contents.map((c) => `${c.level}:${c.label}`)).toEqual([
			'1:Someone to ask',
			"1:What's on each day",
			'1:What matters to you?',
			...testwick.byTheme.map((g) => `2:${g.theme.label}`),
			'1:Stories from neighbours',
			'1:A to Z',
		]);
		expect(plan.contents[0].target).toBe(anchors.section('someone-to-ask'));
	});

	it('leaves out sections a neighbourhood has nothing for', () => {
		const otherby = guide.get('otherby')!;
		const labels = planPrint({ ...otherby, data: { ...otherby.data, connectors: [] }, stories: [] }).contents.map((c) => c.label);
		expect(labels).not.toContain('Someone to ask');
		expect(labels).not.toContain('Stories from neighbours');
	});
});

describe('the A to Z', () => {
	it('has every entry and story, by letter, in order', () => {
		const letters = planPrint(testwick).index;
		const labels = letters.flatMap((l) => l.items.map((i) => i.label));
		for (const a of testwick.assets) expect(labels).toContain(a.data.title);
		for (const s of testwick.stories) expect(labels).toContain(s.data.title);
		expect(letters.map((l) => l.letter)).toEqual([...letters.map((l) => l.letter)].sort());
		expect(letters.find((l) => l.letter === 'H')?.items[0]).toMatchObject({ note: 'a story', target: anchors.story('first-story') });
	});

	it('lists a place where more than one thing happens, with what happens there', () => {
		const index = indexOf(
			[
				asset('lunch', 'Lunch club', ['food'], { where: { place: "St Anne's hall" } }),
				asset('bingo', 'Bingo', ['company'], { where: { place: "St Anne's Hall" } }),
				asset('hall', 'The Hub', ['company'], { where: { place: 'The Hub' } }),
				asset('walk', 'Walk', ['moving'], { where: { place: 'The Hub' } }),
				asset('once', 'Quiz', ['company'], { where: { place: 'The Anchor' } }),
			],
			[],
		);
		const items = index.flatMap((l) => l.items);
		expect(items.find((i) => i.label === "St Anne's hall")?.children?.map((c) => c.label)).toEqual(['Lunch club', 'Bingo']);
		// A place that is an entry itself, or has only one thing on, would only repeat.
		expect(items.filter((i) => i.children).map((i) => i.label)).toEqual(["St Anne's hall"]);
	});

	it('files names under their first letter, accents and numbers included', () => {
		expect(['Éclair club', '“Quoted” group', '4th Scouts', 'apple'].map(firstLetter)).toEqual(['E', 'Q', '0 to 9', 'A']);
	});

	it('keeps each letter together, wherever the sort puts a title that starts with a quote or a bracket', () => {
		// The collator sorts punctuation first: "‘Quoted’ tea" and "(The) Hub" come before "3 Towns".
		const sorted = ['Quilting', 'Art club', '(The) Hub', '3 Towns', '‘Quoted’ tea', 'Éclair'].sort(new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true }).compare);
		expect(sorted[0]).not.toBe('3 Towns');
		const letters = byFirstLetter(sorted, (title) => title);
		expect(letters.map((l) => l.letter)).toEqual(['0 to 9', 'A', 'E', 'Q', 'T']);
		expect(letters.find((l) => l.letter === 'Q')?.items.sort()).toEqual(['Quilting', '‘Quoted’ tea'].sort());
	});
});

describe('words on paper', () => {
	it('leaves out a place the title already names', () => {
		expect(placeLabel(asset('a', 'The Tea Boat', ['food'], { where: { place: 'The Tea Boat' } }))).toBeUndefined();
		expect(placeLabel(asset('a', 'Suds launderette', ['food'], { where: { place: 'Suds' } }))).toBeUndefined();
		expect(placeLabel(asset('a', 'Lunch club', ['food'], { where: { place: 'Brigg Mill' } }))).toBe('Brigg Mill');
		expect(placeLabel(asset('a', 'Lunch club', ['food'], { where: { address: '2 Mill Lane' } }))).toBe('2 Mill Lane');
		expect(placeLabel(asset('a', 'Lunch club', ['food']))).toBeUndefined();
	});

	it('says "at" a place only when the place does not already say where', () => {
		expect(atPlace('Test Hall')).toBe('at Test Hall');
		expect(atPlace('Outside Lockside Hub')).toBe('outside Lockside Hub');
		expect(atPlace('Behind the church')).toBe('behind the church');
		expect(atPlace('At the back of the hall')).toBe('at the back of the hall');
		expect(atPlace('Next to the post office')).toBe('next to the post office');
		expect(atPlace('In front of the library')).toBe('in front of the library');
		// Words that only start like one: still "at".
		expect(atPlace('Inn on the Green')).toBe('at Inn on the Green');
		expect(atPlace('Byways Café')).toBe('at Byways Café');
		expect(atPlace('Opposite Corner Café')).toBe('opposite Corner Café');
	});

	it('makes any name safe inside a stylesheet', () => {
		expect(cssString('Lockside')).toBe('"Lockside"');
		expect(cssString('St "Anne\'s" \\ </style>')).toBe('"St \\22 Anne\'s\\22  \\5c  \\3c /style>"');
		expect(cssString('Café')).toBe('"Caf\\e9 "');
	});
});

describe('the week on paper', () => {
	const when = (days: string[], start = '10:00'): When[] => days.map((day) => ({ day, start }) as When);
	const items = [
		asset('laundry', 'Launderette', ['x'], { when: when(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']) }),
		asset('lunch', 'Lunch club', ['x'], { when: when(['tuesday']) }),
		asset('choir', 'Choir', ['x'], { when: when(['monday', 'thursday', 'saturday']) }),
	];
	const week = weekPlan(items, (a) => a.data.when as When[]);

	it('lists what is on most days once, and the rest day by day', () => {
		const paper = paperWeek(week);
		expect(paper.mostDays.map((a) => a.slug)).toEqual(['laundry']);
		expect(paper.week.flatMap((d) => d.slots.map((s) => `${d.day}:${s.item.slug}`))).toEqual([
			'monday:choir',
			'tuesday:lunch',
			'thursday:choir',
			'saturday:choir',
		]);
	});

	it('tells each day which of the things on most days are on it too, so no day reads as empty when something is on', () => {
		const paper = paperWeek(week);
		expect(paper.week.map((d) => `${d.day}:${d.alsoOn.map((a) => a.slug).join(',')}`)).toEqual([
			'monday:laundry',
			'tuesday:laundry',
			'wednesday:laundry',
			'thursday:laundry',
			'friday:laundry',
			'saturday:',
			'sunday:',
		]);
	});
});
