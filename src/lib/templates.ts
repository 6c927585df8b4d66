/**
 * The files `npm run new` writes: every field with a short note above it,
 * today's date where a date is due.
 *
 * What an editor must write is a placeholder in angle brackets, like
 * "<free, donation or paid>". The schemas refuse a placeholder left in (see
 * `isPlaceholder` in src/schema/shared.ts), so an untouched file fails
 * `npm run check` and the build, with a message on each line still to fill.
 * Optional fields start with "#" right before the name: deleting the "#"
 * leaves the line correctly indented.
 */
import { ASSET_KINDS, ACCESS_FEATURES, type AssetKind } from '../schema/asset.ts';
import { isoDate } from '../schema/shared.ts';

/** Begins the example paragraph of every template's body; the check refuses it left in. */
export const TEMPLATE_BODY_MARK = 'Replace this paragraph:';

/** What the check says about the template's example paragraph left in a file's text. */
export const TEMPLATE_BODY_MESSAGE = 'the text still has the example paragraph from the template (write your own words in its place)';

/** The line of the file where the template's example paragraph still is, if it is. */
export function templateParagraphLine(body: string, bodyLine: number): number | undefined {
	const index = body.split('\n').findIndex((text) => text.includes(TEMPLATE_BODY_MARK));
	return index < 0 ? undefined : bodyLine + index;
}

export interface TemplateContext {
	/** The neighbourhood's name as residents call it, for the opening note (or its folder name). */
	neighbourhoodName: string;
	/** Theme ids from themes.yaml, listed in the note above `themes:`. */
	themeIds: readonly string[];
	/** Written where a date is due; without it (templates to copy from docs/), a placeholder asks for the date. */
	today?: Date;
}

/** Today's date, or a placeholder asking for a date, like "<the day they agreed, like 2026-03-14>". */
function dateOr(today: Date | undefined, what: string): string {
	return today ? isoDate(today) : `"<${what}, like 2026-03-14>"`;
}

/** A YAML string, always quoted, so titles with colons, quotes or "#" stay text. */
function quoted(value: string): string {
	return JSON.stringify(value);
}

function themeNote(themeIds: readonly string[]): string[] {
	if (themeIds.length === 0) return ['# What matters to you? One or more ids from content/themes.yaml.'];
	return wrapComment(`What matters to you? One or more of these ids from content/themes.yaml: ${themeIds.join(', ')}.`);
}

/** A comment wrapped at about 76 characters, so it reads well in GitHub's editor. */
function wrapComment(text: string, indent = ''): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && line.length + word.length + 1 > 74) {
			lines.push(`${indent}# ${line}`);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(`${indent}# ${line}`);
	return lines;
}

function opening(what: string, context: TemplateContext): string[] {
	return [
		...wrapComment(`A new ${what} for ${context.neighbourhoodName}.`),
		'# Fill in every line with <...> in it, then run "npm run check" (or open a',
		'# pull request) to see anything still missing.',
		'# Lines starting with # are notes and are never published. To use an',
		'# optional field, delete the # right before its name.',
		'# docs/editing.md explains every field, with examples.',
		'',
	];
}

export function assetTemplate(title: string, context: TemplateContext, kind?: AssetKind): string {
	const agreed = dateOr(context.today, 'the day they agreed');
	const checked = dateOr(context.today, 'the day you checked');
	const isGift = kind === 'gift';
	const consent = isGift
		? [
				'# A gift is a private person: record how much of them may be shown.',
				'# public: name and contact; first-name: first name only, and people are',
				'# introduced by a connector; via-connector: no name, only introductions.',
				'consent: "<public, first-name or via-connector>"',
				context.today ? '# The day they agreed. Change it if that was not today.' : '# The day they agreed.',
				`consent_date: ${agreed}`,
			]
		: [
				'# For a gift (a private person) only: how much of them may be shown.',
				'# public: name and contact; first-name: first name only, and people are',
				'# introduced by a connector; via-connector: no name, only introductions.',
				'#consent: "<public, first-name or via-connector>"',
				'# The day they agreed.',
				`#consent_date: ${agreed}`,
			];
	return [
		'---',
		...opening('entry', context),
		'# The name people know it by (up to 80 characters).',
		`title: ${quoted(title)}`,
		'# One or two short sentences in plain words: what it is, and who it is for',
		'# (150 characters or fewer reads best on a phone).',
		'summary: "<what it is and who it is for>"',
		'# gift (a neighbour\'s gift, skill or passion), group, place, organisation',
		'# or business.',
		kind ? `kind: ${kind}` : `kind: "<${ASSET_KINDS.slice(0, -1).join(', ')} or ${ASSET_KINDS.at(-1)}>"`,
		...themeNote(context.themeIds),
		'themes: ["<theme id>"]',
		'',
		'# Where it happens.',
		'#where:',
		'  #place: "<the name of the place, like St Hilda\'s Church Hall>"',
		'  #address: "<the street and town>"',
		'  #postcode: "<the postcode, like KV2 5HA>"',
		'  #directions: "<how to find it, like: up the ramp, through the glass doors>"',
		'# When it happens, one line for each day of the week. Times on the 24-hour',
		'# clock, in quotes. Add weeks: [1, 3] for the first and third week of the',
		'# month only; leave it out for every week.',
		'#when:',
		'  #- { day: "<monday to sunday>", start: "<like 10:00>", end: "<like 12:00>" }',
		'# Anything the times cannot say.',
		'#when_note: "<like: term time only, or ring first>"',
		'',
		'# free, donation or paid.',
		'cost: "<free, donation or paid>"',
		'# The amount, if there is one.',
		'#cost_note: "<like: £2 a session, first one free>"',
		'# true if anyone can just turn up: no booking, no referral.',
		'just_turn_up: false',
		'# How to join, when people cannot just turn up.',
		'#how_to_join: "<like: ring Sue first and she will tell you where to go>"',
		...wrapComment(`Access, any of: ${ACCESS_FEATURES.join(', ')}.`),
		'#access: ["<step-free, seating, ...>"]',
		'',
		'# How to get in touch. For a gift, only what consent allows is shown.',
		'#contact:',
		'  #name: "<who to ask for>"',
		'  #phone: "<phone number, like 01632 960231>"',
		'  #email: "<email address>"',
		'  #website: "<web address, starting https://>"',
		'# What someone could bring or give in return.',
		'#ways_to_help: "<like: bring a cake, or help put the chairs out>"',
		'# Languages it runs in besides English, as codes: pl is Polish, pa Punjabi.',
		'#languages: ["<language code>"]',
		'# A picture from this neighbourhood\'s images folder, and what it shows.',
		'#image:',
		'  #src: "../images/<name of the picture file>"',
		'  #alt: "<what the picture shows, for people who cannot see it>"',
		'',
		...consent,
		'',
		'# The day someone last made sure all of this is still true.',
		`last_checked: ${checked}`,
		'# Who checked it. This is shown on the page.',
		'#checked_by: "<your name>"',
		'# Old file names that should still lead here after a rename.',
		'#aliases: ["<old file name, without .md>"]',
		'# Keeps it off the site until it is ready.',
		'#draft: true',
		'---',
		'',
		`${TEMPLATE_BODY_MARK} say more about it in your own words. What happens, what it is like the first time, and who you will meet. Use short sentences, one idea in each.`,
		'',
	].join('\n');
}

export function storyTemplate(title: string, context: TemplateContext): string {
	return [
		'---',
		...opening('story', context),
		'# The story\'s title (up to 100 characters).',
		`title: ${quoted(title)}`,
		'# One or two short sentences: what happened, in plain words.',
		'summary: "<what happened, in a sentence or two>"',
		'# The author, named as they chose: "Jean, Mill Lane", or "A neighbour".',
		'author: "<as the author chose to be named>"',
		'# The day the story was written or told.',
		`date: ${dateOr(context.today, 'the day it was written or told')}`,
		...themeNote(context.themeIds),
		'#themes: ["<theme id>"]',
		'# Entries in this guide the story mentions: their file names, without .md.',
		'#assets: ["<file name of an entry, like singing-together>"]',
		'# A picture from this neighbourhood\'s images folder, and what it shows.',
		'#image:',
		'  #src: "../images/<name of the picture file>"',
		'  #alt: "<what the picture shows, for people who cannot see it>"',
		'',
		'# The author agreed to the story being published. Change false to true',
		'# once they have, and write the day they agreed.',
		'consent:',
		'  given: false',
		`  date: ${dateOr(context.today, 'the day the author agreed')}`,
		'',
		'# Only when the story is not in English: its language code, like pl.',
		'#language: "<language code>"',
		'# Keeps it off the site until it is ready.',
		'#draft: true',
		'---',
		'',
		`${TEMPLATE_BODY_MARK} tell the story in the author's own words. Short sentences, one idea in each. Say what actually happened: where they went, who they met, what changed.`,
		'',
	].join('\n');
}

export function neighbourhoodTemplate(name: string, context: Omit<TemplateContext, 'themeIds'>): string {
	return [
		'---',
		...opening('neighbourhood guide', { ...context, themeIds: [] }),
		'# The name residents use (up to 80 characters).',
		`name: ${quoted(name)}`,
		'# One or two short sentences: what sort of place it is.',
		'summary: "<what sort of place it is, in a sentence or two>"',
		'# The streets and landmarks residents count as the neighbourhood.',
		'area: "<the streets and landmarks, like: Abbey Road, Priory Avenue and the park>"',
		'# Roughly how many people live here.',
		'#population: "<a number, like 4200>"',
		'# Languages spoken here, as codes: en-GB, pl (Polish), pa (Punjabi).',
		'#languages: ["<language code>"]',
		'',
		'# People whose role is to help residents find their way in: community',
		'# connectors, link workers. They are shown first. One "- name:" each.',
		'#connectors:',
		'  #- name: "<their name, as they want it shown>"',
		'    #role: "<like: Community connector, or Link worker at the surgery>"',
		'    #phone: "<phone number, like 01632 960214>"',
		'    #email: "<email address>"',
		'    #when: "<when to reach them, like: weekday mornings>"',
		'# GP practices serving the area.',
		'#surgeries:',
		'  #- name: "<the practice\'s name>"',
		'    #url: "<its web address, starting https://>"',
		'',
		'# The community association that keeps this guide.',
		'maintained_by:',
		'  name: "<the association\'s name>"',
		'  #email: "<its email address>"',
		'  #url: "<its web address, starting https://>"',
		'# Keeps the whole neighbourhood off the site until it is ready.',
		'#draft: true',
		'---',
		'',
		`${TEMPLATE_BODY_MARK} introduce the neighbourhood in residents' own words. What is it like to live here? Who lives here? Where do people meet? Short sentences, one idea in each.`,
		'',
	].join('\n');
}
