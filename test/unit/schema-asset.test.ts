import { describe, expect, it } from 'vitest';
import { assetSchema } from '../../src/schema/index.ts';
import { messages, parsed } from '../helpers/schema.ts';

const today = new Date('2026-06-01T00:00:00Z');
const schema = assetSchema({ themeIds: ['company-and-a-cuppa', 'music-and-singing'], today });

const valid = {
	title: 'Knit and Natter',
	summary: 'A friendly knitting group.',
	kind: 'group',
	themes: ['company-and-a-cuppa'],
	cost: 'free',
	just_turn_up: true,
	last_checked: new Date('2026-03-01T00:00:00Z'),
};

describe('asset schema', () => {
	it('accepts a minimal entry and fills defaults', () => {
		const asset = parsed(schema, valid);
		expect(asset.access).toEqual([]);
		expect(asset.draft).toBe(false);
		expect(asset.last_checked.toISOString()).toBe('2026-03-01T00:00:00.000Z');
	});

	it('accepts every field in its valid form', () => {
		const asset = parsed(schema, {
			...valid,
			kind: 'gift',
			where: { place: 'Hall', address: '1 Street', postcode: 'kv1  4ab', lat: 53.8, lng: -1.5, directions: 'Green door' },
			when: [
				{ day: 'tuesday', start: '10:00', end: '12:00' },
				{ day: 'thursday', start: '14:00', weeks: [1, 3], note: 'back room' },
				{ day: 'friday', weeks: ['last'] },
			],
			when_note: 'Term time only',
			cost: 'paid',
			cost_note: '£2',
			how_to_join: 'Ring first',
			access: ['step-free', 'hearing-loop'],
			contact: { name: 'Sue Smith', phone: '0113 496 0123', email: 'sue@example.org', website: 'https://example.org/' },
			ways_to_help: 'Bring wool',
			languages: ['pl', 'en-GB'],
			image: { src: '../images/a.jpg', alt: 'A ball of wool' },
			consent: 'first-name',
			consent_date: '2026-01-01',
			checked_by: 'Sue',
			aliases: ['old-name'],
		});
		expect(asset.where?.postcode).toBe('KV1 4AB');
		expect(asset.consent_date?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
	});

	it('names an unknown field and suggests the one meant', () => {
		expect(messages(schema, { ...valid, titel: 'x', colour: 'red' })).toMatchInlineSnapshot(`
			[
			  "titel: "titel" is not a field here (did you mean "title"?)",
			  "colour: "colour" is not a field here (remove it, or use one of: title, summary, kind, themes, where, when, when_note, cost, cost_note, just_turn_up, how_to_join, access, contact, ways_to_help, languages, image, consent, consent_date, last_checked, checked_by, aliases, draft)",
			]
		`);
	});

	it('says which required fields are missing', () => {
		expect(messages(schema, { title: 'x' })).toMatchInlineSnapshot(`
			[
			  "summary: is missing (add a line like summary: A friendly knitting group. Beginners are welcome.)",
			  "kind: is missing (add a line like kind: group, using one of gift, group, place, organisation or business)",
			  "themes: is missing (add a line like themes: [company-and-a-cuppa], using ids from content/themes.yaml)",
			  "cost: is missing (add a line like cost: free, using one of free, donation or paid)",
			  "last_checked: is missing (add the day someone last made sure it is all true, like last_checked: 2026-03-14)",
			]
		`);
	});

	it('rejects a kind, cost, day or access feature that is not allowed, with a suggestion', () => {
		expect(
			messages(schema, {
				...valid,
				kind: 'grup',
				cost: 'cheap',
				when: [{ day: 'tuseday' }],
				access: ['step free'],
			}),
		).toMatchInlineSnapshot(`
			[
			  "kind: "grup" is not a kind of entry (did you mean "group"? use one of: gift, group, place, organisation, business)",
			  "when[0].day: "tuseday" is not a day of the week (did you mean "tuesday"? use one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday)",
			  "cost: "cheap" is not a cost (use one of: free, donation, paid)",
			  "access[0]: "step free" is not an access feature (did you mean "step-free"? use one of: step-free, accessible-toilet, hearing-loop, seating, parking, near-bus-stop, quiet-space, dementia-friendly, carers-welcome, large-print)",
			]
		`);
	});

	it('rejects a theme that does not exist', () => {
		expect(messages(schema, { ...valid, themes: ['music-and-singin', 'sport'] })).toMatchInlineSnapshot(`
			[
			  "themes[0]: "music-and-singin" is not a theme (did you mean "music-and-singing"? use one of the ids in content/themes.yaml: company-and-a-cuppa, music-and-singing)",
			  "themes[1]: "sport" is not a theme (use one of the ids in content/themes.yaml: company-and-a-cuppa, music-and-singing)",
			]
		`);
	});

	it('rejects an empty list of themes', () => {
		expect(messages(schema, { ...valid, themes: [] })).toMatchInlineSnapshot(`
			[
			  "themes: is an empty list (add at least one theme)",
			]
		`);
	});

	it('rejects last_checked in the future, and a date that is not a date', () => {
		expect(messages(schema, { ...valid, last_checked: new Date('2026-06-02T00:00:00Z') })).toMatchInlineSnapshot(`
			[
			  "last_checked: 2026-06-02 is in the future (last_checked cannot be later than today, 2026-06-01)",
			]
		`);
		expect(messages(schema, { ...valid, last_checked: 'March 2026' })).toMatchInlineSnapshot(`
			[
			  "last_checked: "March 2026" is not a date (write it as year-month-day, like 2026-03-14)",
			]
		`);
	});

	it('accepts last_checked today', () => {
		expect(messages(schema, { ...valid, last_checked: new Date('2026-06-01T00:00:00Z') })).toEqual([]);
	});

	it('rejects postcodes, phones, emails and web addresses in the wrong form', () => {
		expect(
			messages(schema, {
				...valid,
				where: { postcode: 'KV14' },
				contact: { phone: '12345', email: 'sue at example', website: 'javascript:alert(1)' },
			}),
		).toMatchInlineSnapshot(`
			[
			  "where.postcode: "KV14" is not a UK postcode (write it like "KV1 4AB")",
			  "contact.phone: "12345" is not a UK phone number (write it with its area code, like "0113 496 0123" or "07700 900123")",
			  "contact.email: "sue at example" is not an email address (write it like "name@example.org")",
			  "contact.website: "javascript:alert(1)" is not a web address (write it in full, starting with https://)",
			]
		`);
	});

	it('rejects times that are not HH:MM, and an end before the start', () => {
		expect(
			messages(schema, {
				...valid,
				when: [
					{ day: 'monday', start: '10am' },
					{ day: 'monday', start: '14:00', end: '12:00' },
					{ day: 'monday', end: '12:00' },
					{ day: 'monday', weeks: [5] },
				],
			}),
		).toMatchInlineSnapshot(`
			[
			  "when[0].start: "10am" is not a time (use the 24-hour clock with a colon, in quotes, like "14:30")",
			  "when[1].end: "12:00" is not after the start, "14:00" (use the 24-hour clock, so 2pm is "14:00")",
			  "when[2].start: is missing: a time with an end needs a start (add one, like start: "10:00")",
			  "when[3].weeks[0]: "5" is not a week of the month (use 1, 2, 3, 4 or last, like "weeks: [1, 3]" for the first and third)",
			]
		`);
	});

	it('requires consent and its date for a gift', () => {
		expect(messages(schema, { ...valid, kind: 'gift' })).toMatchInlineSnapshot(`
			[
			  "consent: is missing: a gift describes a private person (record how much of them may be shown, public, first-name or via-connector, and the consent_date)",
			]
		`);
		expect(messages(schema, { ...valid, kind: 'gift', consent: 'first-name' })).toMatchInlineSnapshot(`
			[
			  "consent_date: is missing (write the date the person agreed, like consent_date: 2026-03-14)",
			]
		`);
		expect(messages(schema, { ...valid, kind: 'gift', consent: 'everyone', consent_date: '2026-01-01' })).toMatchInlineSnapshot(`
			[
			  "consent: "everyone" is not a consent level (use one of: public, first-name, via-connector)",
			]
		`);
		// A story's consent, written in an entry: what it is, in words, not "[object Object]".
		expect(messages(schema, { ...valid, kind: 'gift', consent: { given: true }, consent_date: '2026-01-01' })).toEqual([
			'consent: a group of fields is not a consent level (use one of: public, first-name, via-connector)',
		]);
		expect(messages(schema, { ...valid, kind: 'group', cost: ['free'] })).toEqual(['cost: a list is not a cost (use one of: free, donation, paid)']);
	});

	it('requires alt text for a picture', () => {
		expect(messages(schema, { ...valid, image: { src: '../images/a.jpg' } })).toMatchInlineSnapshot(`
			[
			  "image.alt: is missing (describe what the picture shows, for people who cannot see it)",
			]
		`);
		expect(messages(schema, { ...valid, image: { src: '../images/a.jpg', alt: '  ' } })).toMatchInlineSnapshot(`
			[
			  "image.alt: is empty (describe what the picture shows, for people who cannot see it)",
			]
		`);
	});

	it('keeps titles and summaries short', () => {
		expect(messages(schema, { ...valid, title: 'x'.repeat(81), summary: 'y'.repeat(201) })).toMatchInlineSnapshot(`
			[
			  "title: is 81 characters long (keep it to 80 or fewer)",
			  "summary: is 201 characters long (keep it to 200 or fewer)",
			]
		`);
	});

	it('says a date that is not in the calendar is not a date, rather than reading the next month', () => {
		// JavaScript reads "2026-02-30" as 2 March; the page would have said "checked in March 2026".
		expect(messages(schema, { ...valid, last_checked: '2026-02-30', kind: 'gift', consent: 'public', consent_date: '2026-13-01' }))
			.toMatchInlineSnapshot(`
			[
			  "consent_date: 2026-13-01 is not a date: there is no month 13 (write a day that is in the calendar, year-month-day, like 2026-03-14)",
			  "last_checked: 2026-02-30 is not a date: February has 28 days in 2026 (write a day that is in the calendar, year-month-day, like 2026-03-14)",
			]
		`);
		expect(messages(schema, { ...valid, last_checked: '2024-02-29' })).toEqual([]);
	});

	it('says only that "2pm" is not a time, not also that the end is before it', () => {
		expect(messages(schema, { ...valid, when: [{ day: 'tuesday', start: '2pm', end: '16:00' }] })).toMatchInlineSnapshot(`
			[
			  "when[0].start: "2pm" is not a time (use the 24-hour clock with a colon, in quotes, like "14:30")",
			]
		`);
	});

	it('says a phone or a time read as a number needs quotes', () => {
		expect(messages(schema, { ...valid, contact: { phone: 7700900441 }, when: [{ day: 'tuesday', start: 1800 }] })).toMatchInlineSnapshot(`
			[
			  "when[0].start: 1800 is read as a number, not a time (write the time in quotes with a colon, like start: "18:00")",
			  "contact.phone: 7700900441 is read as a number, not as text (put it in quotes, like phone: "7700900441")",
			]
		`);
	});

	it('rejects values of the wrong type in words', () => {
		expect(messages(schema, { ...valid, just_turn_up: 'yes', themes: 'company-and-a-cuppa', where: 'the hall' })).toMatchInlineSnapshot(`
			[
			  "themes: should be a list, not "company-and-a-cuppa" (write each item on its own line starting with "- ", or in brackets like [one, two])",
			  "where: should be a group of fields, not the text "the hall" (indent the fields below it, such as place:, address: or postcode:)",
			  "just_turn_up: should be true or false (write true or false, without quotes)",
			]
		`);
	});
});
