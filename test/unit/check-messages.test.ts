/**
 * Every kind of problem the check finds, with its message and its line,
 * pinned over small content folders that are each broken in one area
 * (test/fixtures/bad/*) or valid with things worth a look
 * (test/fixtures/good/warnings). The same folders are built by Astro in
 * test/build/agreement.test.ts, which checks the build says the same.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { parseEntrySource } from '../../src/lib/frontmatter.ts';
import { formatReport } from '../../src/lib/problems.ts';
import { ROOT } from '../helpers/build.ts';

const today = new Date('2026-06-01T00:00:00Z');

/** The report as `npm run check` prints it, with the corpus folder left out of paths to keep lines short. */
function report(corpus: string): string {
	const dir = path.join(ROOT, 'test/fixtures', corpus);
	const prefix = `${path.relative(process.cwd(), dir)}/`;
	return `\n${formatReport(checkContent(dir, { today }).problems).replaceAll(prefix, '')}\n`;
}

describe('messages of the check', () => {
	it('explains YAML mistakes in plain words, at the line of the mistake', () => {
		expect(report('bad/yaml')).toMatchInlineSnapshot(`
			"
			neighbourhoods/millbrook/assets/bad-indent.md
			  neighbourhoods/millbrook/assets/bad-indent.md:4: the fields cannot be read (line 4, column 3): this line is indented differently from the lines around it (line it up: each level in is two spaces)

			neighbourhoods/millbrook/assets/colon-in-value.md
			  neighbourhoods/millbrook/assets/colon-in-value.md:2: the fields cannot be read (line 2): the value has a colon and a space in it, which would start a new field (put the value in quotes, like title: "Tea: and talk")

			neighbourhoods/millbrook/assets/no-closing-dashes.md
			  neighbourhoods/millbrook/assets/no-closing-dashes.md:1: the fields at the top have no closing line of three dashes (add a line "---" after the last field, before the text)

			neighbourhoods/millbrook/assets/no-fields.md
			  neighbourhoods/millbrook/assets/no-fields.md:1: has no fields at the top (start the file with a line of three dashes "---", then the fields, then another "---")

			neighbourhoods/millbrook/assets/no-space-after-colon.md
			  neighbourhoods/millbrook/assets/no-space-after-colon.md:4: the fields cannot be read (line 4, column 6): there is no space after the colon in "kind:group" (write kind: group)

			neighbourhoods/millbrook/assets/no-space.md
			  neighbourhoods/millbrook/assets/no-space.md:2: the fields cannot be read (line 2): these are not fields (write each field as its name, a colon, a space and the value, like title: Knit and Natter)

			neighbourhoods/millbrook/assets/open-bracket.md
			  neighbourhoods/millbrook/assets/open-bracket.md:5: the fields cannot be read (line 5): a list in square brackets is not closed, or is missing a comma (write it like themes: [food, music])

			neighbourhoods/millbrook/assets/star-first.md
			  neighbourhoods/millbrook/assets/star-first.md:3: the fields cannot be read (line 3, column 15): the value starts with "*", which has a special meaning here (put the value in quotes, like summary: "*Tea* and cake every week.")

			neighbourhoods/millbrook/assets/tab-indent.md
			  neighbourhoods/millbrook/assets/tab-indent.md:7: the fields cannot be read (line 7): the line is indented with a tab (indent with spaces instead: two for each level)

			neighbourhoods/millbrook/assets/text-after-quote.md
			  neighbourhoods/millbrook/assets/text-after-quote.md:2: the fields cannot be read (line 2): there is more text after the closing quote (put quotes around the whole value, using single quotes outside if the text has double quotes in it, like title: 'The "Tea" club')

			neighbourhoods/millbrook/assets/unclosed-quote.md
			  neighbourhoods/millbrook/assets/unclosed-quote.md:3: the fields cannot be read (line 3, column 10): a quote mark " opens here but never closes (add the closing " at the end of the value)

			neighbourhoods/millbrook/assets/written-twice.md
			  neighbourhoods/millbrook/assets/written-twice.md:7: the fields cannot be read (line 7, column 1): "summary" is written twice, first on line 3 (keep one of them)

			site.yaml
			  site.yaml:3: the fields cannot be read (line 3, column 11): a quote mark " opens here but never closes (add the closing " at the end of the value)
			"
		`);
	});

	it('names every field in the wrong form, and how to write it', () => {
		expect(report('bad/fields')).toMatchInlineSnapshot(`
			"
			neighbourhoods/eastfield/index.md
			  neighbourhoods/eastfield/index.md:5: population: should be a whole number (like 4200)
			  neighbourhoods/eastfield/index.md:8: connectors[0].phone: "0113 496" is not a UK phone number (write it with its area code, like "0113 496 0123" or "07700 900123")
			  neighbourhoods/eastfield/index.md:9: connectors[0].email: "connie@" is not an email address (write it like "name@example.org")
			  neighbourhoods/eastfield/index.md:10: maintained_by: should be a group of fields, not the text "Eastfield Residents" (indent the fields below it, such as name:, email: or url:)

			neighbourhoods/millbrook/assets/consent-typo.md
			  neighbourhoods/millbrook/assets/consent-typo.md:7: consent: "first-nam" is not a consent level (did you mean "first-name"? use one of: public, first-name, via-connector)

			neighbourhoods/millbrook/assets/consent-without-date.md
			  neighbourhoods/millbrook/assets/consent-without-date.md:2: consent_date: is missing (write the date the person agreed, like consent_date: 2026-03-14)

			neighbourhoods/millbrook/assets/contacts.md
			  neighbourhoods/millbrook/assets/contacts.md:8: contact.phone: "12345" is not a UK phone number (write it with its area code, like "0113 496 0123" or "07700 900123")
			  neighbourhoods/millbrook/assets/contacts.md:9: contact.email: "hello.example.org" is not an email address (write it like "name@example.org")
			  neighbourhoods/millbrook/assets/contacts.md:10: contact.website: "javascript:alert(1)" is not a web address (write it in full, starting with https://)
			  neighbourhoods/millbrook/assets/contacts.md:11: languages[0]: "polish" is not a language code (use a code such as "en-GB", "pl" for Polish or "pa" for Punjabi)

			neighbourhoods/millbrook/assets/dates-and-lengths.md
			  neighbourhoods/millbrook/assets/dates-and-lengths.md:2: title: is 88 characters long (keep it to 80 or fewer)
			  neighbourhoods/millbrook/assets/dates-and-lengths.md:3: summary: is empty (write something here, or remove the line)
			  neighbourhoods/millbrook/assets/dates-and-lengths.md:5: themes: is an empty list (add at least one theme)
			  neighbourhoods/millbrook/assets/dates-and-lengths.md:7: last_checked: 2027-01-15 is in the future (last_checked cannot be later than today, 2026-06-01)

			neighbourhoods/millbrook/assets/gift-without-consent.md
			  neighbourhoods/millbrook/assets/gift-without-consent.md:2: consent: is missing: a gift describes a private person (record how much of them may be shown, public, first-name or via-connector, and the consent_date)

			neighbourhoods/millbrook/assets/long-summary.md
			  neighbourhoods/millbrook/assets/long-summary.md:3: summary: is 206 characters long (keep it to 200 or fewer)
			  neighbourhoods/millbrook/assets/long-summary.md:7: last_checked: "14/03/2026" is not a date (write it as year-month-day, like 2026-03-14)

			neighbourhoods/millbrook/assets/missing-fields.md
			  neighbourhoods/millbrook/assets/missing-fields.md:2: cost: is missing (add a line like cost: free, using one of free, donation or paid)
			  neighbourhoods/millbrook/assets/missing-fields.md:2: kind: is missing (add a line like kind: group, using one of gift, group, place, organisation or business)
			  neighbourhoods/millbrook/assets/missing-fields.md:2: last_checked: is missing (add the day someone last made sure it is all true, like last_checked: 2026-03-14)
			  neighbourhoods/millbrook/assets/missing-fields.md:2: summary: is missing (add a line like summary: A friendly knitting group. Beginners are welcome.)
			  neighbourhoods/millbrook/assets/missing-fields.md:2: themes: is missing (add a line like themes: [company-and-a-cuppa], using ids from content/themes.yaml)

			neighbourhoods/millbrook/assets/times-in-order.md
			  neighbourhoods/millbrook/assets/times-in-order.md:7: when[0].end: "12:00" is not after the start, "14:00" (use the 24-hour clock, so 2pm is "14:00")
			  neighbourhoods/millbrook/assets/times-in-order.md:8: when[1].weeks: names the same week twice (list each week once)

			neighbourhoods/millbrook/assets/times.md
			  neighbourhoods/millbrook/assets/times.md:8: where.postcode: "KV99" is not a UK postcode (write it like "KV1 4AB")
			  neighbourhoods/millbrook/assets/times.md:9: where.lat: is not in the UK (check the latitude)
			  neighbourhoods/millbrook/assets/times.md:11: when[0].day: "tuseday" is not a day of the week (did you mean "tuesday"? use one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday)
			  neighbourhoods/millbrook/assets/times.md:12: when[0].start: "2pm" is not a time (use the 24-hour clock with a colon, in quotes, like "14:30")
			  neighbourhoods/millbrook/assets/times.md:16: when[1].weeks[1]: "5" is not a week of the month (use 1, 2, 3, 4 or last, like "weeks: [1, 3]" for the first and third)
			  neighbourhoods/millbrook/assets/times.md:17: when[2].start: is missing: a time with an end needs a start (add one, like start: "10:00")
			  neighbourhoods/millbrook/assets/times.md:20: access[1]: "wheelchair" is not an access feature (use one of: step-free, accessible-toilet, hearing-loop, seating, parking, near-bus-stop, quiet-space, dementia-friendly, carers-welcome, large-print)

			neighbourhoods/millbrook/assets/typos.md
			  neighbourhoods/millbrook/assets/typos.md:2: titel: "titel" is not a field here (did you mean "title"?)
			  neighbourhoods/millbrook/assets/typos.md:4: kind: "grup" is not a kind of entry (did you mean "group"? use one of: gift, group, place, organisation, business)
			  neighbourhoods/millbrook/assets/typos.md:5: themes[1]: "musik-and-singing" is not a theme (did you mean "music-and-singing"? use one of the ids in content/themes.yaml: company-and-a-cuppa, music-and-singing, making-and-creating)
			  neighbourhoods/millbrook/assets/typos.md:6: cost: "cheap" is not a cost (use one of: free, donation, paid)
			  neighbourhoods/millbrook/assets/typos.md:7: colour: "colour" is not a field here (remove it, or use one of: title, summary, kind, themes, where, when, when_note, cost, cost_note, just_turn_up, how_to_join, access, contact, ways_to_help, languages, image, consent, consent_date, last_checked, checked_by, aliases, draft)
			  neighbourhoods/millbrook/assets/typos.md:8: just_turn_up: should be true or false (write true or false, without quotes)

			neighbourhoods/millbrook/stories/no-author.md
			  neighbourhoods/millbrook/stories/no-author.md:2: author: is missing (add the author as they chose to be named, like author: Jean, Mill Lane)
			  neighbourhoods/millbrook/stories/no-author.md:2: consent: is missing (add the author's agreement, like consent: { given: true, date: 2026-03-14 })

			neighbourhoods/millbrook/stories/not-agreed.md
			  neighbourhoods/millbrook/stories/not-agreed.md:5: date: 2026-07-01 is in the future (date cannot be later than today, 2026-06-01)
			  neighbourhoods/millbrook/stories/not-agreed.md:8: consent.given: must be true: publish a story only when its author has agreed (until they do, add draft: true)
			"
		`);
	});

	it('finds references to entries, pictures, names and files that are not right', () => {
		expect(report('bad/references')).toMatchInlineSnapshot(`
			"
			neighbourhoods/East Field
			  neighbourhoods/East Field: "East Field" is not a valid neighbourhood folder name, so none of its entries can be published (rename the folder using lowercase letters a-z, digits and single hyphens, like "east-field")

			neighbourhoods/eastfield
			  neighbourhoods/eastfield: has no index.md (add one with name, summary, area and maintained_by; \`npm run new -- neighbourhood\` makes one)

			neighbourhoods/millbrook/assets/broken-entry.md
			  neighbourhoods/millbrook/assets/broken-entry.md:4: kind: "grop" is not a kind of entry (did you mean "group"? use one of: gift, group, place, organisation, business)

			neighbourhoods/millbrook/assets/Coffee Morning.md
			  neighbourhoods/millbrook/assets/Coffee Morning.md: "Coffee Morning.md" is not a valid file name, so it will not be published (rename it "coffee-morning.md": lowercase letters a-z, digits and single hyphens)

			neighbourhoods/millbrook/assets/knit-and-natter.md
			  neighbourhoods/millbrook/assets/knit-and-natter.md:7: aliases[0]: "old-knitting" is also an alias of neighbourhoods/millbrook/assets/coffee-morning.md (an old address can lead to one entry only: remove it from one of them)
			  neighbourhoods/millbrook/assets/knit-and-natter.md:7: aliases[1]: "coffee-morning" is the name of another entry (neighbourhoods/millbrook/assets/coffee-morning.md), so its address cannot lead here (remove the alias, or rename that entry)

			neighbourhoods/millbrook/assets/meeting-notes.txt
			  neighbourhoods/millbrook/assets/meeting-notes.txt: is not a Markdown file, so it will not be published (name it "meeting-notes.md", or start its name with "_" to keep it as a note)

			neighbourhoods/millbrook/assets/missing-picture.md
			  neighbourhoods/millbrook/assets/missing-picture.md:7: image.src: "../images/gardn.png" does not exist (check the file name and its capital letters, or add the picture to content/neighbourhoods/millbrook/images/)

			neighbourhoods/millbrook/assets/not-a-picture.md
			  neighbourhoods/millbrook/assets/not-a-picture.md:7: image.src: "../images/notes.txt" is not a picture the web can show (use a .jpg, .png or .webp file)

			neighbourhoods/millbrook/assets/picture-empty-alt.md
			  neighbourhoods/millbrook/assets/picture-empty-alt.md:7: image.alt: is empty (describe what the picture shows, for people who cannot see it)

			neighbourhoods/millbrook/assets/picture-outside.md
			  neighbourhoods/millbrook/assets/picture-outside.md:7: image.src: "../../../images-elsewhere/outside.png" is not in this neighbourhood's images folder (put the picture in content/neighbourhoods/millbrook/images/ and write src: ../images/<file name>)

			neighbourhoods/millbrook/assets/picture-without-alt.md
			  neighbourhoods/millbrook/assets/picture-without-alt.md:7: image.alt: is missing (describe what the picture shows, for people who cannot see it)

			neighbourhoods/millbrook/assets/placeholder-left.md
			  neighbourhoods/millbrook/assets/placeholder-left.md:3: summary: is not filled in yet: it still says "<what it is and who it is for>" (write your own words in its place)
			  neighbourhoods/millbrook/assets/placeholder-left.md:4: kind: is not filled in yet: it still says "<gift, group, place, organisation or business>" (use one of: gift, group, place, organisation, business)

			neighbourhoods/millbrook/assets/twice.mdx
			  neighbourhoods/millbrook/assets/twice.mdx: has the same name as neighbourhoods/millbrook/assets/twice.md, so both would have one address (rename one of them, or delete the old one)

			neighbourhoods/millbrook/stories/bad-names.md
			  neighbourhoods/millbrook/stories/bad-names.md:6: themes[1]: "gardening" is not a theme (use one of the ids in content/themes.yaml: company-and-a-cuppa, music-and-singing, making-and-creating)
			  neighbourhoods/millbrook/stories/bad-names.md:7: assets[0]: "Coffee Morning" is not an asset name (use the asset's file name without ".md", like "coffee-morning", or "other-neighbourhood/coffee-morning" for one in another neighbourhood)

			neighbourhoods/millbrook/stories/mentions.md
			  neighbourhoods/millbrook/stories/mentions.md:7: assets[0]: "knit-and-nattter" is not an asset in this neighbourhood (did you mean "knit-and-natter"? use the name of a file in assets/, without ".md")
			  neighbourhoods/millbrook/stories/mentions.md:7: assets[1]: "eastfield/bowls" is not an asset in content/neighbourhoods/eastfield/assets/ (use the name of a file in content/neighbourhoods/eastfield/assets/, without ".md")
			  neighbourhoods/millbrook/stories/mentions.md:7: warning: assets[4]: "secret-plan" is a draft, so the story will not link to it (publish the asset, or take it out of this list)
			"
		`);
	});

	it('refuses names, numbers and emails that consent keeps private, wherever in the network they are written', () => {
		expect(report('bad/consent')).toMatchInlineSnapshot(`
			"
			neighbourhoods/millbrook/assets/joan-fairclough-piano.md
			  neighbourhoods/millbrook/assets/joan-fairclough-piano.md:1: warning: the file name contains "fairclough", which may be part of the name that consent keeps private, and the file name is the page's public address (rename the file without the name)
			  neighbourhoods/millbrook/assets/joan-fairclough-piano.md:10: warning: aliases[0]: "fairclough-piano" contains "fairclough", which may be part of the name that consent keeps private, and addresses and picture names are public (rename it without the name)

			neighbourhoods/millbrook/assets/knitting-lessons.md
			  neighbourhoods/millbrook/assets/knitting-lessons.md:3: summary: "Zzholt" is part of the name that consent: first-name keeps private (use only their first name, "Margaret", or change consent to public if they agreed to be named in full)
			  neighbourhoods/millbrook/assets/knitting-lessons.md:20: "Zzholt" is part of the name that consent: first-name keeps private (use only their first name, "Margaret", or change consent to public if they agreed to be named in full)
			  neighbourhoods/millbrook/assets/knitting-lessons.md:22: the email address knitting@example.org is written in this entry about a private person, and consent: first-name does not allow their contact details to be published (take it out: people reach them through a connector; if it is the email address of a connector or of a group, add it to that connector in the neighbourhood's index.md or to that group's entry, and the check will know it is public)
			  neighbourhoods/millbrook/assets/knitting-lessons.md:22: the phone number 07700 900123 is written in this entry about a private person, and consent: first-name does not allow their contact details to be published (take it out: people reach them through a connector; if it is the phone number of a connector or of a group, add it to that connector in the neighbourhood's index.md or to that group's entry, and the check will know it is public)

			neighbourhoods/millbrook/assets/retired-joiner.md
			  neighbourhoods/millbrook/assets/retired-joiner.md:2: title: "Derek" is part of the person's name, and consent: via-connector means no part of it may be shown (take the name out and say what they offer, like "a retired joiner", or change consent if they agreed to be named)
			  neighbourhoods/millbrook/assets/retired-joiner.md:14: checked_by: "Derek" is part of the person's name, and consent: via-connector means no part of it may be shown (take the name out and say what they offer, like "a retired joiner", or change consent if they agreed to be named)
			  neighbourhoods/millbrook/assets/retired-joiner.md:19: "Derek" is part of the person's name, and consent: via-connector means no part of it may be shown (take the name out and say what they offer, like "a retired joiner", or change consent if they agreed to be named)

			neighbourhoods/millbrook/index.md
			  neighbourhoods/millbrook/index.md:16: "Qqlumb" is part of the name of the person behind "Derek mends wobbly chairs" (neighbourhoods/millbrook/assets/retired-joiner.md), which their consent (via-connector) keeps private (take the name out, and say "a neighbour" or what they offer instead; if it means someone else or a place, write it without this word; if the person agreed to be named in full, change consent in their entry)

			neighbourhoods/millbrook/stories/my-chair.md
			  neighbourhoods/millbrook/stories/my-chair.md:12: "Derek" is part of the name of the person behind "Derek mends wobbly chairs" (neighbourhoods/millbrook/assets/retired-joiner.md), which their consent (via-connector) keeps private (take the name out, and say "a neighbour" or what they offer instead; if it means someone else or a place, write it without this word; if the person agreed to be named in full, change consent in their entry)
			  neighbourhoods/millbrook/stories/my-chair.md:14: "Zzholt" is part of the name of the person behind "Knitting lessons with Margaret" (neighbourhoods/millbrook/assets/knitting-lessons.md), which their consent (first-name) keeps private (take it out and call them only "Margaret"; if it means someone else or a place, write it without this word; if the person agreed to be named in full, change consent in their entry)

			neighbourhoods/millbrook/stories/street-party.md
			  neighbourhoods/millbrook/stories/street-party.md:13: "Zzholt" is part of the name of the person behind "Knitting lessons with Margaret" (neighbourhoods/millbrook/assets/knitting-lessons.md), which their consent (first-name) keeps private (take it out and call them only "Margaret"; if it means someone else or a place, write it without this word; if the person agreed to be named in full, change consent in their entry)
			"
		`);
	});

	it('checks the site settings and the themes', () => {
		expect(report('bad/site')).toMatchInlineSnapshot(`
			"
			site.yaml
			  site.yaml:2: url: "guides.example.org" is not a web address (write it in full, starting with https://)
			  site.yaml:3: langauge: "langauge" is not a field here (did you mean "language"?)
			  site.yaml:4: timezone: "London" is not a time zone (use a name such as "Europe/London")
			  site.yaml:6: suggest: "hello@example.org" is not a web address or email link (write "https://..." or "mailto:name@example.org")
			  site.yaml:7: stale_after_months: should be at least 1 month (like 12)

			themes.yaml
			  themes.yaml:5: id: "company-and-a-cuppa" is used by two themes (give each theme its own id)
			"
		`);
		expect(report('bad/themes')).toMatchInlineSnapshot(`
			"
			themes.yaml
			  themes.yaml:4: id: "Music and Singing" is not a valid theme id (use lowercase letters a-z, digits and single hyphens, like "music-and-singing")
			  themes.yaml:7: lable: "lable" is not a field here (did you mean "label"?)
			"
		`);
	});

	it('says what is missing from an empty content folder', () => {
		expect(report('bad/empty')).toMatchInlineSnapshot(`
			"
			neighbourhoods
			  neighbourhoods: the folder is missing (each neighbourhood lives in content/neighbourhoods/<name>/index.md)

			site.yaml
			  site.yaml: is missing (create it: it holds the site settings)

			themes.yaml
			  themes.yaml: is missing (create it: it holds the themes)
			"
		`);
	});

	it('warns, without stopping the build, about re-checking, long summaries and sentences, and cut-off values', () => {
		const check = checkContent(path.join(ROOT, 'test/fixtures/good/warnings'), { today });
		expect(check.errors).toEqual([]);
		expect(report('good/warnings')).toMatchInlineSnapshot(`
			"
			neighbourhoods/millbrook/assets/afternoon-tea-at-the-library.md
			  neighbourhoods/millbrook/assets/afternoon-tea-at-the-library.md:2: warning: title: is the same as the title of afternoon-tea.md: in the A to Z, the week and on paper, readers cannot tell them apart (add where or who, like "Afternoon Tea at St Hilda's")

			neighbourhoods/millbrook/assets/afternoon-tea.md
			  neighbourhoods/millbrook/assets/afternoon-tea.md:2: warning: title: is the same as the title of afternoon-tea-at-the-library.md: in the A to Z, the week and on paper, readers cannot tell them apart (add where or who, like "Afternoon tea at St Hilda's")
			  neighbourhoods/millbrook/assets/afternoon-tea.md:7: warning: when[0].start: is "02:00", in the night, so the guide says it starts at 2am (if it is in the afternoon, use the 24-hour clock, like start: "14:00", with the end in the same way)

			neighbourhoods/millbrook/assets/due-soon.md
			  neighbourhoods/millbrook/assets/due-soon.md:8: warning: last_checked: was 20 June 2025, so it is due to be re-checked by 20 June 2026 (ask whether it is still right, then write the day you checked, like last_checked: 2026-06-01)

			neighbourhoods/millbrook/assets/joan-fairclough-piano.md
			  neighbourhoods/millbrook/assets/joan-fairclough-piano.md:1: warning: the file name contains "fairclough", which may be part of the name that consent keeps private, and the file name is the page's public address (rename the file without the name)

			neighbourhoods/millbrook/assets/old-news.md
			  neighbourhoods/millbrook/assets/old-news.md:8: warning: last_checked: was 1 March 2025, more than 12 months ago, so the page tells readers it may have changed (ask whether it is still right, then write the day you checked, like last_checked: 2026-06-01)

			neighbourhoods/millbrook/assets/wordy.md
			  neighbourhoods/millbrook/assets/wordy.md:2: warning: title: the words after "#" are read as a note and left out, so it says only "Room" (put the whole value in quotes, like title: "Room #2 coffee")
			  neighbourhoods/millbrook/assets/wordy.md:3: warning: summary: is 163 characters long: on a small phone with large text that is more than a screenful (keep it to 150 or fewer, in one or two short sentences; more can go in the text below the fields)
			  neighbourhoods/millbrook/assets/wordy.md:7: warning: place: the words after "#" are read as a note and left out, so it says only "Community centre, room" (put the whole value in quotes, like place: "Community centre, room #2")
			  neighbourhoods/millbrook/assets/wordy.md:9: warning: cost_note: the words after "#" are read as a note and left out, so it says only "£1 a cup" (put the whole value in quotes, like cost_note: "£1 a cup # or what you can")
			  neighbourhoods/millbrook/assets/wordy.md:16: warning: this sentence has 34 words, which is hard to follow for many readers, including people living with dementia (split it into shorter sentences, one idea each): "This sentence, on the other hand, goes on ..."
			  neighbourhoods/millbrook/assets/wordy.md:18: warning: this sentence has 28 words, which is hard to follow for many readers, including people living with dementia (split it into shorter sentences, one idea each): "A list item can be long too, and ..."

			neighbourhoods/millbrook/minutes.txt
			  neighbourhoods/millbrook/minutes.txt: warning: is not part of the guide and will not be published (entries go in assets/ or stories/; start the name with "_" to keep it as a note)

			neighbourhoods/millbrook/stories/singing.mdx
			  neighbourhoods/millbrook/stories/singing.mdx:6: warning: assets[1]: "coming-soon" is a draft, so the story will not link to it (publish the asset, or take it out of this list)
			  neighbourhoods/millbrook/stories/singing.mdx:14: warning: this sentence has 27 words, which is hard to follow for many readers, including people living with dementia (split it into shorter sentences, one idea each): "We sang every song we knew, and then ..."
			"
		`);
	});

	it('reads values as the build does, and says when one needs quotes', () => {
		// Unquoted 18:00 is text to Astro (YAML 1.2) and accepted; 07700900441 is a number, which crashed the build.
		expect(report('bad/values')).toMatchInlineSnapshot(`
			"
			neighbourhoods/millbrook/assets/impossible-dates.md
			  neighbourhoods/millbrook/assets/impossible-dates.md:8: consent_date: 2026-04-31 is not a date: April has 30 days (write a day that is in the calendar, year-month-day, like 2026-03-14)
			  neighbourhoods/millbrook/assets/impossible-dates.md:9: last_checked: 2026-02-30 is not a date: February has 28 days in 2026 (write a day that is in the calendar, year-month-day, like 2026-03-14)

			neighbourhoods/millbrook/assets/phone-unquoted.md
			  neighbourhoods/millbrook/assets/phone-unquoted.md:8: contact.phone: 07700900441 is read as a number, so the 0 at the start is lost (put it in quotes, like phone: "07700900441")

			neighbourhoods/millbrook/assets/times-unquoted.md
			  neighbourhoods/millbrook/assets/times-unquoted.md:8: when[1].start: "2pm" is not a time (use the 24-hour clock with a colon, in quotes, like "14:30")
			  neighbourhoods/millbrook/assets/times-unquoted.md:10: when[2].start: 1800 is read as a number, not a time (write the time in quotes with a colon, like start: "18:00")

			neighbourhoods/millbrook/index.md
			  neighbourhoods/millbrook/index.md:7: connectors[0].phone: 01134960123 is read as a number, so the 0 at the start is lost (put it in quotes, like phone: "01134960123")
			"
		`);
	});

	it('accepts tricky but valid content without a word', () => {
		expect(checkContent(path.join(ROOT, 'test/fixtures/good/edge'), { today }).problems).toEqual([]);
	});
});

describe('no space after a colon', () => {
	const said = (fields: string) => parseEntrySource(`---\n${fields}\n---\n\nBody.\n`, 'x.md').problems.map((p) => `${p.line}: ${p.message}`);

	it('is named on its own line, with the fix', () => {
		expect(said('title: Tea\nkind:group\nsummary: A group.')).toEqual([
			'3: the fields cannot be read (line 3, column 6): there is no space after the colon in "kind:group" (write kind: group)',
		]);
		expect(said('title:Tea and talk on Tuesdays and Thursdays at the hall\nsummary: A group.')).toEqual([
			'2: the fields cannot be read (line 2, column 7): there is no space after the colon in "title:Tea and talk on Tuesdays and…" (write title: Tea and talk on Tuesdays and…)',
		]);
	});

	it('is not blamed for the next line’s mistake when it is inside a longer value', () => {
		expect(said('title: Tea\nhow_to_join: |\n  email:jo@example.org\ncost_note: Tea: £1')).toEqual([
			'5: the fields cannot be read (line 5): the value has a colon and a space in it, which would start a new field (put the value in quotes, like title: "Tea: and talk")',
		]);
	});
});
