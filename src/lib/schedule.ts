/**
 * Times in words, the week as a grid, and times as calendar rules.
 *
 * "Every Tuesday, 10am to 12 noon"; "First and third Thursday of the month,
 * 2pm to 4pm". Words follow UK usage and the plain-English advice for people
 * living with dementia: whole words, no abbreviations, 12-hour clock.
 */
import { DAYS, type Day, type When, type WeekOfMonth } from '../schema/asset.ts';
import { DAY_NAMES } from './labels.ts';
import { capitalise, listInWords } from './words.ts';

/** "10am", "10:30am", "12 noon", "12 midnight", "2:15pm". */
export function timeInWords(time: string): string {
	const [h, m] = time.split(':').map(Number);
	if (h === 12 && m === 0) return '12 noon';
	if (h === 0 && m === 0) return '12 midnight';
	const suffix = h < 12 ? 'am' : 'pm';
	const hour12 = h % 12 === 0 ? 12 : h % 12;
	return m === 0 ? `${hour12}${suffix}` : `${hour12}:${String(m).padStart(2, '0')}${suffix}`;
}

/** "10am to 12 noon", "from 10am", or '' when no time is given. */
export function timeRangeInWords(start?: string, end?: string): string {
	if (start && end) return `${timeInWords(start)} to ${timeInWords(end)}`;
	if (start) return `from ${timeInWords(start)}`;
	return '';
}

const ORDINALS: Record<Exclude<WeekOfMonth, 'last'>, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth' };

/** [1, 3] → "first and third"; ["last"] → "last". */
export function weeksInWords(weeks: readonly WeekOfMonth[]): string {
	const sorted = [...weeks].sort((a, b) => weekOrder(a) - weekOrder(b));
	return listInWords(sorted.map((w) => (w === 'last' ? 'last' : ORDINALS[w])));
}

function weekOrder(week: WeekOfMonth): number {
	return week === 'last' ? 5 : week;
}

/** Times that share everything but the day are said together. */
interface TimeGroup {
	days: Day[];
	start?: string;
	end?: string;
	weeks?: WeekOfMonth[];
	note?: string;
}

export interface WhenLine {
	/** "Every Tuesday, 10am to 12 noon". */
	text: string;
	/** The item's own note, if any: "in the back room". */
	note?: string;
}

/**
 * Each schedule in words, once: an entry's times are shown on its own page,
 * its cards (themes, the week, the A to Z, My list), the print editions and
 * its search record, and the guide's data does not change during a build.
 * Keyed by the `when` list itself, so an edit in `astro dev` (new data) is
 * put into words afresh.
 */
const whenWords = new WeakMap<readonly When[], readonly WhenLine[]>();

/**
 * The whole `when` list in words, one line per distinct time:
 * "Every Monday and Wednesday, 10am to 12 noon". The lines are shared
 * between callers, so they are frozen.
 */
export function whenInWords(when: readonly When[] | undefined): readonly WhenLine[] {
	if (!when?.length) return [];
	const known = whenWords.get(when);
	if (known) return known;
	const groups: TimeGroup[] = [];
	for (const item of sortWhen(when)) {
		const key = groupKey(item);
		const group = groups.find((g) => groupKey(g) === key);
		if (group) {
			if (!group.days.includes(item.day)) group.days.push(item.day);
		} else {
			groups.push({ days: [item.day], start: item.start, end: item.end, weeks: item.weeks, note: item.note });
		}
	}
	const lines = Object.freeze(groups.map((group) => Object.freeze({ text: groupInWords(group), note: group.note })));
	whenWords.set(when, lines);
	return lines;
}

/**
 * A line and its note together, for places with room for one line of text:
 * "Every Wednesday, 10am to 12 noon. October to March, in the hall."; a note
 * written in lower case carries on the sentence: "…, 1:30pm to 3:30pm, in
 * the library". For short lists, the week sheet and the booklets' "On most
 * days"; a booklet's entry and What's on set the note apart instead.
 */
export function whenLineWithNote(line: WhenLine): string {
	if (!line.note?.trim()) return line.text;
	const note = line.note.trim();
	return /^\p{Ll}/u.test(note) ? `${line.text}, ${note}` : `${line.text}. ${note}`;
}

/**
 * Every time of an entry in short lists (a neighbourhood's themes, the A to
 * Z, the embed): one line per time, each with its note, then the note about
 * when ("Closed in January and February"). All of them, always: the first
 * line alone reads as the whole schedule and sends people on the wrong day.
 */
export function whenInShort(when: readonly When[] | undefined, whenNote?: string): string[] {
	const lines = whenInWords(when).map(whenLineWithNote);
	if (whenNote?.trim()) lines.push(whenNote.trim());
	return lines;
}

/**
 * Lines in one run of text, for a one-line summary (the week sheet's "On most
 * days"): "Every Monday, 9am to 5pm; Every Saturday, 9am to 1pm". A line that
 * already ends a sentence (its note did) is followed by the next sentence.
 */
export function joinWhenLines(lines: readonly string[]): string {
	return lines.reduce((out, line, i) => (i === 0 ? line : /[.!?)]$/.test(out) ? `${out} ${line}` : `${out}; ${line}`), '');
}

/** One `when` item in words. */
export function whenItemInWords(item: When): string {
	return groupInWords({ days: [item.day], start: item.start, end: item.end, weeks: item.weeks });
}

function groupInWords(group: TimeGroup): string {
	const times = timeRangeInWords(group.start, group.end);
	const days = group.weeks?.length
		? `${capitalise(weeksInWords(group.weeks))} ${listInWords(group.days.map((d) => DAY_NAMES[d]))} of the month`
		: weeklyDaysInWords(group.days);
	return times ? `${days}, ${times}` : days;
}

/**
 * Days of every week in words, three or more in a row as a range, as shops
 * and notices say them: "Every day", "Monday to Saturday", "Monday to
 * Wednesday and Friday"; fewer days one by one: "Every Monday and Thursday".
 * A shop open every day had read "Every Monday, Tuesday, Wednesday, Thursday,
 * Friday, Saturday and Sunday".
 *
 * `days` are distinct and in the order of the week: whenInWords groups them
 * from the sorted `when` list, adding each day once.
 */
function weeklyDaysInWords(days: readonly Day[]): string {
	if (days.length === DAYS.length) return 'Every day';
	const runs: Day[][] = [];
	for (const day of days) {
		const run = runs.at(-1);
		if (run && dayIndex(day) === dayIndex(run[run.length - 1]) + 1) run.push(day);
		else runs.push([day]);
	}
	if (runs.every((run) => run.length < 3)) return `Every ${listInWords(days.map((d) => DAY_NAMES[d]))}`;
	return listInWords(runs.flatMap((run) => (run.length >= 3 ? [`${DAY_NAMES[run[0]]} to ${DAY_NAMES[run[run.length - 1]]}`] : run.map((d) => DAY_NAMES[d]))));
}

function groupKey(item: { start?: string; end?: string; weeks?: readonly WeekOfMonth[]; note?: string }): string {
	const weeks = item.weeks ? [...item.weeks].sort((a, b) => weekOrder(a) - weekOrder(b)).join(',') : '';
	return `${item.start ?? ''}|${item.end ?? ''}|${weeks}|${item.note ?? ''}`;
}

/** Monday first, then by start time; a time without a start comes last in its day. */
export function sortWhen<T extends { day: Day; start?: string }>(when: readonly T[]): T[] {
	return [...when].sort((a, b) => dayIndex(a.day) - dayIndex(b.day) || compareStart(a.start, b.start));
}

export function dayIndex(day: Day): number {
	return DAYS.indexOf(day);
}

function compareStart(a?: string, b?: string): number {
	if (a === b) return 0;
	if (a === undefined) return 1;
	if (b === undefined) return -1;
	return a.localeCompare(b);
}

export interface DaySlot<T> {
	item: T;
	when: When;
	/** "10am to 12 noon" or ''. */
	time: string;
	/** "First and third of the month", for slots that are not every week. */
	weeks?: string;
}

export interface DayPlan<T> {
	day: Day;
	name: string;
	slots: DaySlot<T>[];
}

/**
 * What's on each day, Monday to Sunday, earliest first. `items` are anything
 * with a `when` list (assets); each regular time becomes a slot on its day.
 */
export function weekPlan<T>(items: readonly T[], whenOf: (item: T) => readonly When[] | undefined): DayPlan<T>[] {
	const plan: DayPlan<T>[] = DAYS.map((day) => ({ day, name: DAY_NAMES[day], slots: [] }));
	for (const item of items) {
		for (const when of whenOf(item) ?? []) {
			plan[dayIndex(when.day)].slots.push({
				item,
				when,
				time: timeRangeInWords(when.start, when.end),
				weeks: when.weeks?.length ? `${capitalise(weeksInWords(when.weeks))} of the month` : undefined,
			});
		}
	}
	for (const day of plan) {
		day.slots.sort((a, b) => compareStart(a.when.start, b.when.start));
	}
	return plan;
}

const RRULE_DAYS: Record<Day, string> = {
	monday: 'MO',
	tuesday: 'TU',
	wednesday: 'WE',
	thursday: 'TH',
	friday: 'FR',
	saturday: 'SA',
	sunday: 'SU',
};

/**
 * An RFC 5545 recurrence rule: every Tuesday → `FREQ=WEEKLY;BYDAY=TU`;
 * first and third Tuesday → `FREQ=MONTHLY;BYDAY=1TU,3TU`; last → `-1TU`.
 */
export function toRRule(when: Pick<When, 'day' | 'weeks'>): string {
	const { freq, byDay } = rruleParts(when);
	return `FREQ=${freq};BYDAY=${byDay}`;
}

/** The parts of the rule, for formats that keep them apart (Open Referral's `freq` and `byday`). */
export function rruleParts(when: Pick<When, 'day' | 'weeks'>): { freq: 'WEEKLY' | 'MONTHLY'; byDay: string } {
	const day = RRULE_DAYS[when.day];
	if (!when.weeks?.length) return { freq: 'WEEKLY', byDay: day };
	const byDay = [...when.weeks]
		.sort((a, b) => weekOrder(a) - weekOrder(b))
		.map((w) => `${w === 'last' ? -1 : w}${day}`)
		.join(',');
	return { freq: 'MONTHLY', byDay };
}

/**
 * Whether `date` (a calendar date) is one of the days a `when` item happens on.
 * Used to find the first occurrence for calendars.
 */
export function occursOn(when: Pick<When, 'day' | 'weeks'>, date: Date): boolean {
	if (DAYS[(date.getUTCDay() + 6) % 7] !== when.day) return false;
	if (!when.weeks?.length) return true;
	const dayOfMonth = date.getUTCDate();
	const nth = Math.ceil(dayOfMonth / 7) as 1 | 2 | 3 | 4 | 5;
	const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
	const isLast = dayOfMonth + 7 > daysInMonth;
	return when.weeks.some((w) => (w === 'last' ? isLast : w === nth));
}

/**
 * The first day on or after `from` (a calendar date) that a `when` item
 * happens on. Calendars start their rules here: from a fixed date in the
 * content, so the same content always gives the same file.
 */
export function firstOccurrence(when: Pick<When, 'day' | 'weeks'>, from: Date): Date {
	const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
	// Any day-and-week pattern comes round within two months.
	for (let offset = 0; offset < 62; offset++) {
		const date = new Date(start + offset * 86_400_000);
		if (occursOn(when, date)) return date;
	}
	throw new Error(`No ${when.day} in weeks ${when.weeks?.join(', ')} within two months of ${from.toISOString().slice(0, 10)}`);
}
