/**
 * What search knows about each page, and the A to Z, from the query layer:
 * filters as ids, details in words, consent already applied.
 */
import { describe, expect, it } from 'vitest';
import { aToZ } from '../../src/lib/a-to-z.ts';
import { buildGuide, type GuideInput } from '../../src/lib/guide.ts';
import { assetSearchRecord, neighbourhoodSearchRecord, searchFilters, storySearchRecord } from '../../src/lib/search.ts';
import type { Asset, Neighbourhood, Story } from '../../src/schema/index.ts';

const today = new Date('2026-06-01T00:00:00Z');
const hood: Neighbourhood = {
	name: 'Mill Lane',
	summary: 'Streets round the old mill.',
	area: 'Mill Lane and the park.',
	connectors: [],
	surgeries: [],
	maintained_by: { name: 'Mill Lane Residents' },
	draft: false,
};
const asset = (over: Partial<Asset>): Asset => ({
	title: 'Knit and Natter',
	summary: 'Knitting and a chat.',
	kind: 'group',
	themes: ['making'],
	cost: 'free',
	just_turn_up: true,
	access: [],
	last_checked: today,
	draft: false,
	...over,
});
const story = (over: Partial<Story>): Story => ({
	title: 'How I learned to knit',
	summary: 'A story.',
	author: 'Jean, Mill Lane',
	date: today,
	themes: ['making'],
	assets: [],
	consent: { given: true, date: today },
	draft: false,
	...over,
});

function guide(assets: Record<string, Asset>, stories: Record<string, Story> = {}) {
	const input: GuideInput = {
		site: { title: 'Guides', language: 'en-GB', timezone: 'Europe/London', stale_after_months: 12 } as GuideInput['site'],
		themes: [
			{ id: 'making', label: 'Making and creating' },
			{ id: 'music', label: 'Music and singing' },
		],
		neighbourhoods: [{ n: 'mill-lane', data: hood, contentPath: 'neighbourhoods/mill-lane/index.md' }],
		assets: Object.entries(assets).map(([slug, data]) => ({ n: 'mill-lane', slug, data, contentPath: `neighbourhoods/mill-lane/assets/${slug}.md` })),
		stories: Object.entries(stories).map(([slug, data]) => ({ n: 'mill-lane', slug, data, contentPath: `neighbourhoods/mill-lane/stories/${slug}.md` })),
		today,
	};
	return buildGuide(input);
}

describe('search records', () => {
	it('gives an asset its filters as ids and its details in words', () => {
		const g = guide({
			knit: asset({
				when: [
					{ day: 'thursday', start: '14:00', end: '16:00' },
					{ day: 'monday', start: '10:00', end: '12:00', weeks: [1, 3], note: 'in the library' },
				],
				when_note: 'Not in August.',
				where: { place: 'Mill Hall', address: '1 Mill Lane', postcode: 'KV1 1AA' },
				access: ['seating', 'step-free'],
				cost: 'donation',
			}),
		});
		const hoodG = g.neighbourhoods[0];
		expect(assetSearchRecord(hoodG.assets[0], hoodG)).toEqual({
			filters: {
				n: ['mill-lane'],
				kind: ['group'],
				theme: ['making'],
				day: ['monday', 'thursday'],
				cost: ['donation'],
				turnup: ['yes'],
				access: ['seating', 'step-free'],
			},
			meta: {
				title: 'Knit and Natter',
				place: 'Mill Lane',
				kind: 'Group',
				summary: 'Knitting and a chat.',
				when: 'First and third Monday of the month, 10am to 12 noon (in the library)\nEvery Thursday, 2pm to 4pm\nNot in August.',
				where: 'Mill Hall, 1 Mill Lane, KV1 1AA',
				cost: 'Pay what you can',
				join: 'Just turn up',
			},
		});
	});

	it('holds only what consent allows: a first-name gift has no surname and no contact', () => {
		const g = guide({
			gift: asset({ kind: 'gift', consent: 'first-name', consent_date: today, just_turn_up: false, contact: { name: 'Margaret Zzholt', phone: '07700 900002' } }),
		});
		const record = assetSearchRecord(g.neighbourhoods[0].assets[0], g.neighbourhoods[0]);
		expect(JSON.stringify(record)).not.toMatch(/Zzholt|900002/);
		expect(record.meta.join).toBe('Ask first');
		expect(record.filters.turnup).toEqual([]);
	});

	it('describes stories and guides by what they are', () => {
		const g = guide({ knit: asset({}) }, { learned: story({ assets: ['knit'] }) });
		const hoodG = g.neighbourhoods[0];
		expect(storySearchRecord(hoodG.stories[0], hoodG)).toEqual({
			filters: { n: ['mill-lane'], kind: ['story'], theme: ['making'] },
			meta: { title: 'How I learned to knit', place: 'Mill Lane', kind: 'Story by Jean, Mill Lane', summary: 'A story.' },
		});
		expect(neighbourhoodSearchRecord(hoodG).filters).toEqual({ n: ['mill-lane'], kind: ['neighbourhood'] });
	});

	it('offers only filter choices that find something', () => {
		const g = guide({ knit: asset({ when: [{ day: 'friday' }], access: ['hearing-loop'] }) });
		const filters = Object.fromEntries(searchFilters(g).map((f) => [f.key, f.choices.map((c) => c.value)]));
		expect(filters).toEqual({
			n: ['mill-lane'],
			kind: ['group', 'neighbourhood'],
			theme: ['making'],
			day: ['friday'],
			cost: ['free'],
			turnup: ['yes'],
			access: ['hearing-loop'],
		});
	});
});

describe('A to Z', () => {
	it('gives an entry every time it is on, with notes, not only the first', () => {
		const g = guide({
			dogs: asset({
				title: 'Dog walking',
				when: [
					{ day: 'monday', start: '17:30', end: '19:00' },
					{ day: 'wednesday', start: '17:30', end: '19:00' },
					{ day: 'saturday', start: '09:00', end: '11:00', note: 'Longer walks by the river.' },
				],
				when_note: 'Not in August.',
			}),
		});
		expect(aToZ(g.neighbourhoods[0])[0].entries[0].when).toEqual([
			'Every Monday and Wednesday, 5:30pm to 7pm',
			'Every Saturday, 9am to 11am. Longer walks by the river.',
			'Not in August.',
		]);
	});

	it('groups entries and stories by first letter, numbers first, accents with their letter', () => {
		const g = guide(
			{
				zumba: asset({ title: 'Zumba Gold' }),
				cwiczenia: asset({ title: 'Ćwiczenia dla seniorów' }),
				choir: asset({ title: 'Community Choir', when: [{ day: 'tuesday', start: '19:00' }] }),
				towns: asset({ title: '3 Towns Walk' }),
				quoted: asset({ title: '‘Arty’ afternoons' }),
			},
			{ learned: story({ title: 'How I learned to knit' }) },
		);
		const groups = aToZ(g.neighbourhoods[0]);
		expect(groups.map((group) => [group.letter, group.entries.map((e) => e.title)])).toEqual([
			['0 to 9', ['3 Towns Walk']],
			['A', ['‘Arty’ afternoons']],
			['C', ['Community Choir', 'Ćwiczenia dla seniorów']],
			['H', ['How I learned to knit']],
			['Z', ['Zumba Gold']],
		]);
		expect(groups[2].entries[0].details).toBe('Group.');
		expect(groups[2].entries[0].when).toEqual(['Every Tuesday, from 7pm']);
		expect(groups[3].entries[0].details).toBe('Story by Jean, Mill Lane');
		expect(groups.map((group) => group.id)).toEqual(['letter-0-9', 'letter-a', 'letter-c', 'letter-h', 'letter-z']);
	});
});
