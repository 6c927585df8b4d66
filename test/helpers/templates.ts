/** Filling in what `npm run new` writes, as an editor would, for tests. */
import { TEMPLATE_BODY_MARK } from '../../src/lib/templates.ts';

/** What an editor would write in place of each placeholder. */
const ANSWERS: Array<[RegExp, string]> = [
	[/"<gift, group, place, organisation or business>"/, 'group'],
	[/"<theme id>"/, 'company-and-a-cuppa'],
	[/"<free, donation or paid>"/, 'donation'],
	[/"<public, first-name or via-connector>"/, 'first-name'],
	[/"<monday to sunday>"/, 'tuesday'],
	[/"<like 10:00>"/, '"10:00"'],
	[/"<like 12:00>"/, '"12:00"'],
	[/"<the postcode[^"]*>"/, 'KV1 1AA'],
	[/"<phone number[^"]*>"/, '"0113 496 0123"'],
	[/"<(its )?email address>"/, 'hello@example.org'],
	[/"<(its )?web address, starting https:\/\/>"/, 'https://example.org/'],
	[/"<language code>"/, 'pl'],
	[/"<step-free, seating, \.\.\.>"/, 'step-free'],
	[/"<old file name, without \.md>"/, 'old-name'],
	[/"<a number, like 4200>"/, '4200'],
	[/"<who to ask for>"/, 'Margaret Holt'],
	[/"<file name of an entry, like singing-together>"/, 'caffi-cymraeg'],
	[/<name of the picture file>/, 'garden.png'],
	[/"<the day [^"<>]*, like 2026-03-14>"/, '2026-05-01'],
	[/"<[^"<>]*>"/, '"Words of our own."'],
	[/given: false/, 'given: true'],
	[new RegExp(`${TEMPLATE_BODY_MARK}.*`), 'We meet every week. Everyone is welcome.'],
];

export function fill(text: string): string {
	let out = text;
	for (const [pattern, answer] of ANSWERS) out = out.replace(new RegExp(pattern.source, 'g'), answer);
	return out;
}

/** Use every optional field, as the notes in the file say: delete the "#" right before its name. */
export function useEveryField(text: string): string {
	return text.replace(/^(\s*)#(?=[a-z_]+:|- )/gm, '$1');
}
