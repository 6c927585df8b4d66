import { describe, expect, it } from 'vitest';
import type { When } from '../../src/schema/index.ts';
import { joinWhenLines, occursOn, timeInWords, toRRule, weekPlan, whenInShort, whenInWords } from '../../src/lib/schedule.ts';

const w = (when: Partial<When> & Pick<When, 'day'>) => when as When;

describe('times in words', () => {
	it('uses the 12-hour clock as people say it', () => {
		expect(['09:00', '10:30', '12:00', '12:15', '00:00', '14:00', '23:45'].map(timeInWords)).toEqual([
			'9am',
			'10:30am',
			'12 noon',
			'12:15pm',
			'12 midnight',
			'2pm',
			'11:45pm',
		]);
	});

	it('says a weekly time', () => {
		expect(whenInWords([w({ day: 'tuesday', start: '10:00', end: '12:00' })])).toEqual([{ text: 'Every Tuesday, 10am to 12 noon' }]);
	});

	it('says weeks of the month', () => {
		expect(whenInWords([w({ day: 'thursday', start: '14:00', end: '16:00', weeks: [3, 1] })])[0].text).toBe(
			'First and third Thursday of the month, 2pm to 4pm',
		);
		expect(whenInWords([w({ day: 'friday', weeks: ['last'] })])[0].text).toBe('Last Friday of the month');
		expect(whenInWords([w({ day: 'monday', start: '18:30', weeks: [2, 4] })])[0].text).toBe(
			'Second and fourth Monday of the month, from 6:30pm',
		);
	});

	it('joins days that share a time, in week order, and keeps notes apart', () => {
		expect(
			whenInWords([
				w({ day: 'wednesday', start: '10:00', end: '12:00' }),
				w({ day: 'monday', start: '10:00', end: '12:00' }),
				w({ day: 'friday', start: '10:00', end: '12:00', note: 'in the garden' }),
				w({ day: 'saturday', start: '09:00', end: '12:00' }),
			]),
		).toEqual([
			{ text: 'Every Monday and Wednesday, 10am to 12 noon' },
			{ text: 'Every Friday, 10am to 12 noon', note: 'in the garden' },
			{ text: 'Every Saturday, 9am to 12 noon' },
		]);
	});

	it('says three or more days in a row as a range, and all seven as every day', () => {
		const days = (...names: When['day'][]) => whenInWords(names.map((day) => w({ day, start: '09:00', end: '17:00' }))).map((line) => line.text);
		expect(days('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')).toEqual(['Every day, 9am to 5pm']);
		expect(days('saturday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday')).toEqual(['Monday to Saturday, 9am to 5pm']);
		expect(days('monday', 'tuesday', 'wednesday', 'friday')).toEqual(['Monday to Wednesday and Friday, 9am to 5pm']);
		expect(days('monday', 'tuesday', 'thursday', 'friday', 'saturday', 'sunday')).toEqual(['Monday, Tuesday and Thursday to Sunday, 9am to 5pm']);
		// Two in a row, or days apart, one by one as before.
		expect(days('monday', 'tuesday')).toEqual(['Every Monday and Tuesday, 9am to 5pm']);
		expect(days('monday', 'wednesday', 'friday')).toEqual(['Every Monday, Wednesday and Friday, 9am to 5pm']);
		// Written in any order, or twice, the days are said once each, in the order of the week.
		expect(days('friday', 'monday', 'friday')).toEqual(['Every Monday and Friday, 9am to 5pm']);
		expect(days('sunday', 'saturday', 'friday', 'thursday', 'wednesday', 'tuesday', 'monday', 'monday')).toEqual(['Every day, 9am to 5pm']);
		// Of the month: never a range ("first Monday to Friday of the month" could mean either).
		const monthly = whenInWords((['monday', 'tuesday', 'wednesday'] as const).map((day) => w({ day, weeks: [1] })));
		expect(monthly.map((line) => line.text)).toEqual(['First Monday, Tuesday and Wednesday of the month']);
	});

	it('says nothing for no times', () => {
		expect(whenInWords(undefined)).toEqual([]);
		expect(whenInWords([])).toEqual([]);
	});

	it('puts each schedule into words once, and a changed schedule afresh', () => {
		const when = [w({ day: 'tuesday', start: '10:00' })];
		const lines = whenInWords(when);
		expect(whenInWords(when)).toBe(lines);
		expect(Object.isFrozen(lines) && Object.isFrozen(lines[0])).toBe(true);
		// An edit (in astro dev) is new data: its own words, not the old ones.
		expect(whenInWords([w({ day: 'tuesday', start: '11:00' })])).toEqual([{ text: 'Every Tuesday, from 11am' }]);
		expect(whenInWords(when)).toEqual([{ text: 'Every Tuesday, from 10am' }]);
	});
});

describe('times in short lists', () => {
	it('gives every line, each with its note, then the note about when', () => {
		expect(
			whenInShort(
				[
					w({ day: 'tuesday', start: '13:30', end: '16:30', note: 'April to September, on the green.' }),
					w({ day: 'friday', start: '13:30', end: '16:30', note: 'April to September, on the green.' }),
					w({ day: 'wednesday', start: '10:00', end: '12:00', note: 'October to March, in the church hall.' }),
					w({ day: 'monday', start: '13:30', note: 'in the library' }),
				],
				'Ring first in bad weather.',
			),
		).toEqual([
			'Every Monday, from 1:30pm, in the library',
			'Every Tuesday and Friday, 1:30pm to 4:30pm. April to September, on the green.',
			'Every Wednesday, 10am to 12 noon. October to March, in the church hall.',
			'Ring first in bad weather.',
		]);
		expect(whenInShort(undefined, 'Open in daylight hours.')).toEqual(['Open in daylight hours.']);
		expect(whenInShort(undefined)).toEqual([]);
	});

	it('joins lines into one run of text without doubling the stops', () => {
		expect(joinWhenLines(['Every Monday, 9am to 5pm', 'Every Saturday, 9am to 1pm'])).toBe('Every Monday, 9am to 5pm; Every Saturday, 9am to 1pm');
		expect(joinWhenLines(['Every Sunday, 11am to 3pm. Busiest day.', 'Every Monday, 12 noon to 2pm'])).toBe(
			'Every Sunday, 11am to 3pm. Busiest day. Every Monday, 12 noon to 2pm',
		);
	});
});

describe('the week', () => {
	it('puts each time on its day, earliest first, untimed last', () => {
		const items = [
			{ name: 'late', when: [w({ day: 'monday', start: '18:00' })] },
			{ name: 'untimed', when: [w({ day: 'monday' })] },
			{ name: 'early', when: [w({ day: 'monday', start: '09:00' }), w({ day: 'sunday', start: '09:00', weeks: [1] })] },
			{ name: 'none', when: undefined },
		];
		const plan = weekPlan(items, (i) => i.when);
		expect(plan.map((d) => d.name)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
		expect(plan[0].slots.map((s) => s.item.name)).toEqual(['early', 'late', 'untimed']);
		expect(plan[6].slots[0]).toMatchObject({ time: 'from 9am', weeks: 'First of the month' });
		expect(plan.slice(1, 6).every((d) => d.slots.length === 0)).toBe(true);
	});
});

describe('calendar rules', () => {
	it('writes RFC 5545 rules', () => {
		expect(toRRule({ day: 'tuesday' })).toBe('FREQ=WEEKLY;BYDAY=TU');
		expect(toRRule({ day: 'tuesday', weeks: [3, 1] })).toBe('FREQ=MONTHLY;BYDAY=1TU,3TU');
		expect(toRRule({ day: 'sunday', weeks: ['last'] })).toBe('FREQ=MONTHLY;BYDAY=-1SU');
	});

	it('knows which dates a time falls on', () => {
		const d = (s: string) => new Date(`${s}T00:00:00Z`);
		// June 2026: Tuesdays are 2, 9, 16, 23, 30.
		expect(occursOn({ day: 'tuesday', weeks: [1, 3] }, d('2026-06-02'))).toBe(true);
		expect(occursOn({ day: 'tuesday', weeks: [1, 3] }, d('2026-06-09'))).toBe(false);
		expect(occursOn({ day: 'tuesday', weeks: [1, 3] }, d('2026-06-16'))).toBe(true);
		expect(occursOn({ day: 'tuesday', weeks: ['last'] }, d('2026-06-30'))).toBe(true);
		expect(occursOn({ day: 'tuesday', weeks: ['last'] }, d('2026-06-23'))).toBe(false);
		expect(occursOn({ day: 'tuesday' }, d('2026-06-03'))).toBe(false);
	});
});
