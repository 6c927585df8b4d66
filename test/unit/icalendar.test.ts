/**
 * The calendar feed, parsed back with ical.js (a real iCalendar parser) and
 * its rules expanded into dates, as a calendar app would.
 */
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, neighbourhoodCalendar } from '../../src/lib/exports/icalendar.ts';
import { guideFrom } from '../helpers/guide.ts';
import { parseCalendar } from '../helpers/ical.ts';

const guide = guideFrom('test/fixtures/surgeries', '2026-06-01');
const fernley = guide.get('fernley')!;
const at = { siteUrl: 'https://surgeries.example.org/', base: '/' };
const ics = neighbourhoodCalendar(guide, fernley, at);
const calendar = parseCalendar(ics);
const event = (summary: string, index = 0) => {
	const found = calendar.events.filter((e) => e.summary === summary)[index];
	if (!found) throw new Error(`no event ${summary}`);
	return found;
};

describe('iCalendar feed', () => {
	it('is a calendar to subscribe to, with its name, time zone and refresh interval', () => {
		expect(calendar.properties).toMatchObject({
			VERSION: '2.0',
			METHOD: 'PUBLISH',
			'X-WR-CALNAME': 'Fernley & Mill "Green": what\'s on',
			'X-WR-TIMEZONE': 'Europe/London',
			'REFRESH-INTERVAL': 'P1D',
			'X-PUBLISHED-TTL': 'P1D',
			SOURCE: 'https://surgeries.example.org/fernley/calendar.ics',
		});
		expect(calendar.timezones).toEqual(['Europe/London']);
	});

	it('has one event per regular time, and none for gifts or entries with no regular time', () => {
		expect(calendar.events.map((e) => e.summary).sort()).toEqual([
			'Coffee, cake; and chat',
			'Coffee, cake; and chat',
			'Last Friday supper',
			'Saturday market',
			'Tea dance',
		]);
		expect(ics).not.toContain('Nell');
		expect(ics).not.toContain('Lift scheme');
	});

	it('expands the first and third Tuesday to the right dates, at 2pm through the clock change', () => {
		const tea = event('Tea dance');
		expect(tea.rrule).toBe('FREQ=MONTHLY;BYDAY=1TU,3TU');
		expect(tea.zone).toBe('Europe/London');
		expect(tea.end).toBe('2026-01-20T16:00:00');
		expect(tea.occurrences(8)).toEqual([
			{ local: '2026-01-20T14:00:00', utc: '2026-01-20T14:00:00.000Z' },
			{ local: '2026-02-03T14:00:00', utc: '2026-02-03T14:00:00.000Z' },
			{ local: '2026-02-17T14:00:00', utc: '2026-02-17T14:00:00.000Z' },
			{ local: '2026-03-03T14:00:00', utc: '2026-03-03T14:00:00.000Z' },
			{ local: '2026-03-17T14:00:00', utc: '2026-03-17T14:00:00.000Z' },
			// British Summer Time from 29 March: still 2pm in Fernley, 1pm UTC.
			{ local: '2026-04-07T14:00:00', utc: '2026-04-07T13:00:00.000Z' },
			{ local: '2026-04-21T14:00:00', utc: '2026-04-21T13:00:00.000Z' },
			{ local: '2026-05-05T14:00:00', utc: '2026-05-05T13:00:00.000Z' },
		]);
	});

	it('expands the last Friday of the month, back to GMT in late October', () => {
		const dates = event('Last Friday supper').occurrences(6).map((o) => o.utc);
		expect(dates).toEqual([
			'2026-05-29T17:30:00.000Z',
			'2026-06-26T17:30:00.000Z',
			'2026-07-31T17:30:00.000Z',
			'2026-08-28T17:30:00.000Z',
			'2026-09-25T17:30:00.000Z',
			'2026-10-30T18:30:00.000Z',
		]);
	});

	it('makes a day with no time an all-day event, and a start with no end a moment', () => {
		const market = event('Saturday market');
		expect(market.allDay).toBe(true);
		expect(market.start).toBe('2026-04-04');
		expect(market.end).toBe('2026-04-05');
		expect(market.occurrences(2).map((o) => o.local)).toEqual(['2026-04-04', '2026-04-11']);
		const dropIn = event('Coffee, cake; and chat', 0);
		expect(dropIn.start).toBe('2026-03-04T10:00:00');
		expect(dropIn.end).toBeUndefined();
	});

	it('describes each event in words, with where, how to join and the link', () => {
		const tea = event('Tea dance');
		expect(tea.location).toBe("St Mary's Hall, 3 Church Lane, Fernley Town, FE1 2AB");
		expect(tea.url).toBe('https://surgeries.example.org/fernley/assets/tea-dance/');
		expect(tea.description).toBe(
			[
				'Dancing to records, then tea and cake.',
				'First and third Tuesday of the month, 2pm to 4pm',
				'Just turn up: you do not need to book, and you do not need a referral.',
				'Costs money: £2.50 a session, first one free.',
				'More: https://surgeries.example.org/fernley/assets/tea-dance/',
			].join('\n\n'),
		);
		expect(event('Coffee, cake; and chat').description).toContain('Every Wednesday, from 10am: in the back room');
	});

	it('has UIDs that are unique and stay the same; the same content gives the same file', () => {
		const uids = calendar.events.map((e) => e.uid);
		expect(new Set(uids).size).toBe(uids.length);
		const later = guideFrom('test/fixtures/surgeries', '2026-06-20');
		expect(neighbourhoodCalendar(later, later.get('fernley')!, at)).toBe(ics);
	});

	it('does not depend on the build machine\'s time zone', () => {
		const saved = process.env.TZ;
		try {
			process.env.TZ = 'America/New_York';
			const inNewYork = neighbourhoodCalendar(guideFrom('test/fixtures/surgeries', '2026-06-01'), fernley, at);
			process.env.TZ = 'Asia/Tokyo';
			const inTokyo = neighbourhoodCalendar(guideFrom('test/fixtures/surgeries', '2026-06-01'), fernley, at);
			expect(inNewYork).toBe(ics);
			expect(inTokyo).toBe(ics);
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
	});

	it('stamps events with the date they were checked, in UTC, not the build time', () => {
		expect(ics).toMatch(/UID:[^\r]+\r\nDTSTAMP:20260115T000000Z\r\n/);
		expect(ics).not.toMatch(/DTSTAMP:\d{8}T\d{6}\r/);
	});

	it('uses CRLF line ends and folds long lines at 75 octets without splitting a character', () => {
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		for (const long of [`DESCRIPTION:${'é'.repeat(100)}`, `DESCRIPTION:${'Tea 🫖 and cake 🍰, '.repeat(12)}`]) {
			const folded = foldLine(long);
			expect(folded.split('\r\n ').join('')).toBe(long);
			for (const line of folded.split('\r\n')) {
				expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
				// No character cut in two (a lone surrogate would not survive the round trip).
				expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
			}
		}
	});

	it('escapes commas, semicolons, backslashes and line breaks in text', () => {
		expect(escapeText('Tea, cake; and\\chat\nsoon')).toBe('Tea\\, cake\\; and\\\\chat\\nsoon');
		expect(event('Coffee, cake; and chat').summary).toBe('Coffee, cake; and chat');
	});

	it('warns in the event when an entry has not been checked for a long time', () => {
		const oldGuide = guideFrom('test/fixtures/surgeries', '2027-03-01');
		const old = parseCalendar(neighbourhoodCalendar(oldGuide, oldGuide.get('fernley')!, at));
		expect(old.events.find((e) => e.summary === 'Tea dance')?.description).toMatch(/^Not checked since January 2026: check before you go\./);
		expect(event('Tea dance').description).not.toContain('Not checked');
	});
});
