/**
 * A neighbourhood's regular activities as an iCalendar feed (RFC 5545), to
 * subscribe to in Google Calendar, Apple Calendar or Outlook.
 *
 * - One recurring event per regular time of an entry (`when`), with the same
 *   rule the guide says in words: first and third Tuesday is
 *   `FREQ=MONTHLY;BYDAY=1TU,3TU`.
 * - Local times in the site's time zone (`TZID=Europe/London`), with its
 *   VTIMEZONE, so 10am stays 10am through the clock changes.
 * - A time with no start ("Saturdays", times vary) is an all-day event.
 *   A start with no end is an event at that moment, as RFC 5545 says.
 * - Entries with no regular time ("by arrangement") are not in the calendar:
 *   a calendar cannot say them. Neighbours' gifts never are.
 * - The same content gives the same file, byte for byte: each event starts
 *   on its first occurrence on or after the entry's `last_checked`, DTSTAMP
 *   is that date too, and UIDs come from the entry's path and the time's
 *   place in its list. Nothing depends on the clock of the build machine.
 * - Events are "free" time (TRANSP:TRANSPARENT): they are things one could
 *   go to, not appointments.
 *
 * Written by hand rather than with a generator library: the ones tried made
 * DTSTAMP local time and read wall-clock times through the build machine's
 * own time zone. The file is parsed back and its rules expanded with ical.js
 * in the tests.
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { isPrivatePerson } from '../consent.ts';
import type { Guide, GuideAsset, GuideNeighbourhood } from '../guide.ts';
import { idsFor } from '../ids.ts';
import { COST_LABELS, whereInOneLine } from '../labels.ts';
import { firstOccurrence, toRRule, whenItemInWords } from '../schedule.ts';
import { monthYear } from '../words.ts';
import type { When } from '../../schema/asset.ts';
import { publicUrl, siteAddress, type PublishedAt } from './context.ts';
import { joiningInWords } from './open-referral.ts';

/** How often calendar apps should fetch the feed again. */
const REFRESH = 'P1D';

export function neighbourhoodCalendar(guide: Guide, hood: GuideNeighbourhood, at: PublishedAt): string {
	const tz = guide.site.timezone;
	const calendarName = `${hood.data.name}: what's on`;
	const description = `Regular activities in ${hood.data.name}, from ${guide.site.title}. ${publicUrl(at, hood.path)}`;
	const lines: string[] = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:-//Good Life Guides//${escapeText(guide.site.title)}//EN`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`NAME:${escapeText(calendarName)}`,
		`X-WR-CALNAME:${escapeText(calendarName)}`,
		`DESCRIPTION:${escapeText(description)}`,
		`X-WR-CALDESC:${escapeText(description)}`,
		`X-WR-TIMEZONE:${tz}`,
		`URL;VALUE=URI:${publicUrl(at, hood.path)}`,
		`SOURCE;VALUE=URI:${publicUrl(at, `/${hood.n}/calendar.ics`)}`,
		`REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
		`X-PUBLISHED-TTL:${REFRESH}`,
		...vtimezone(tz),
	];
	const ids = idsFor(siteAddress(at));
	for (const asset of hood.assets) {
		if (isPrivatePerson(asset.data)) continue;
		(asset.data.when ?? []).forEach((when, index) => {
			lines.push(...event(guide, asset, when, ids.id('event', `${asset.n}/${asset.slug}#${index}`), at));
		});
	}
	lines.push('END:VCALENDAR');
	return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function event(guide: Guide, asset: GuideAsset, when: When, uid: string, at: PublishedAt): string[] {
	const data = asset.data;
	const tz = guide.site.timezone;
	const first = firstOccurrence(when, data.last_checked);
	const day = basicDate(first);
	const timing = when.start
		? [
				`DTSTART;TZID=${tz}:${day}T${basicTime(when.start)}`,
				...(when.end ? [`DTEND;TZID=${tz}:${day}T${basicTime(when.end)}`] : []),
			]
		: [`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${basicDate(new Date(first.getTime() + 86_400_000))}`];
	const where = data.where;
	const location = whereInOneLine(where);
	const url = publicUrl(at, asset.path);
	const details = [
		asset.stale ? `Not checked since ${monthYear(data.last_checked)}: check before you go.` : undefined,
		data.summary,
		when.note ? `${whenItemInWords(when)}: ${when.note}` : whenItemInWords(when),
		data.when_note,
		joiningInWords(asset),
		data.cost_note ? `${COST_LABELS[data.cost]}: ${data.cost_note}` : COST_LABELS[data.cost],
		`More: ${url}`,
	].filter(Boolean);
	const categories = data.themes.map((id) => guide.themeById.get(id)?.label).filter((label): label is string => !!label);
	const stamp = `${basicDate(data.last_checked)}T000000Z`;
	return [
		'BEGIN:VEVENT',
		`UID:${uid}`,
		`DTSTAMP:${stamp}`,
		`LAST-MODIFIED:${stamp}`,
		...timing,
		`RRULE:${toRRule(when)}`,
		`SUMMARY:${escapeText(data.title)}`,
		`DESCRIPTION:${escapeText(details.join('\n\n'))}`,
		...(location ? [`LOCATION:${escapeText(location)}`] : []),
		...(where?.lat !== undefined && where?.lng !== undefined ? [`GEO:${where.lat};${where.lng}`] : []),
		`URL;VALUE=URI:${url}`,
		...(categories.length ? [`CATEGORIES:${categories.map(escapeText).join(',')}`] : []),
		'TRANSP:TRANSPARENT',
		'END:VEVENT',
	];
}

/** Each time zone's rules, looked up once a build: every neighbourhood's calendar has the site's. */
const zones = new Map<string, string[]>();

/** The time zone's rules, from the IANA database (the same zone names Intl knows). */
function vtimezone(tz: string): string[] {
	let lines = zones.get(tz);
	if (!lines) {
		lines = zoneLines(tz);
		zones.set(tz, lines);
	}
	return lines;
}

function zoneLines(tz: string): string[] {
	const block = tzlib_get_ical_block(tz);
	const text = Array.isArray(block) ? block[0] : undefined;
	if (!text?.startsWith('BEGIN:VTIMEZONE')) {
		throw new Error(
			`content/site.yaml: timezone: no calendar rules are known for "${tz}" (use a zone such as "Europe/London")`,
		);
	}
	return text.split(/\r?\n/).filter((line) => line.length > 0);
}

/** 2026-06-04 → "20260604". */
function basicDate(date: Date): string {
	return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** "09:30" → "093000". */
function basicTime(time: string): string {
	return `${time.replace(':', '')}00`;
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded: a line break and a space, never in
 * the middle of a character (RFC 5545 3.1).
 */
export function foldLine(line: string): string {
	// Most lines are short: one pass to measure them (this runs for every line of every calendar).
	if (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75) return line;
	const parts: string[] = [];
	let start = 0;
	let size = 0;
	let i = 0;
	while (i < line.length) {
		const code = line.codePointAt(i) as number;
		const units = code > 0xffff ? 2 : 1;
		const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
		// Continuation lines start with a space, which counts towards their 75.
		const limit = parts.length === 0 ? 75 : 74;
		if (size + bytes > limit) {
			parts.push(line.slice(start, i));
			start = i;
			size = 0;
		}
		size += bytes;
		i += units;
	}
	parts.push(line.slice(start));
	return parts.join('\r\n ');
}
