/**
 * Reading an iCalendar file back with a real parser (ical.js, from Mozilla's
 * calendar), as calendar apps do, and expanding its rules into dates.
 */
import ICAL from 'ical.js';

export interface ParsedEvent {
	uid: string;
	summary: string;
	description: string;
	location?: string;
	url?: string;
	rrule?: string;
	allDay: boolean;
	/** Start as written: "2026-01-20T14:00:00" (local to `zone`) or "2026-06-06" (all day). */
	start: string;
	end?: string;
	zone?: string;
	/** The first `count` occurrences: local date-times as written, and the instant in UTC. */
	occurrences(count: number): { local: string; utc: string }[];
}

export interface ParsedCalendar {
	properties: Record<string, string>;
	timezones: string[];
	events: ParsedEvent[];
}

export function parseCalendar(text: string): ParsedCalendar {
	const root = new ICAL.Component(ICAL.parse(text));
	if (root.name !== 'vcalendar') throw new Error(`Not a calendar: ${root.name}`);
	for (const tz of root.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(tz);
	}
	const properties: Record<string, string> = {};
	for (const prop of root.getAllProperties()) properties[prop.name.toUpperCase()] = String(prop.getFirstValue());
	const events = root.getAllSubcomponents('vevent').map((component): ParsedEvent => {
		const event = new ICAL.Event(component);
		const start = event.startDate;
		const rrule = component.getFirstPropertyValue('rrule');
		return {
			uid: event.uid,
			summary: event.summary,
			description: event.description,
			location: event.location || undefined,
			url: (component.getFirstPropertyValue('url') as string | null) ?? undefined,
			rrule: rrule ? String(rrule) : undefined,
			allDay: start.isDate,
			start: start.toString(),
			end: component.hasProperty('dtend') ? event.endDate.toString() : undefined,
			zone: start.isDate ? undefined : start.zone?.tzid,
			occurrences(count) {
				const iterator = event.iterator();
				const out: { local: string; utc: string }[] = [];
				for (let next = iterator.next(); next && out.length < count; next = iterator.next()) {
					out.push({ local: next.toString(), utc: next.isDate ? next.toString() : next.toJSDate().toISOString() });
				}
				return out;
			},
		};
	});
	return { properties, timezones: root.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid'))), events };
}
