/**
 * Checks for editors that go beyond what one field's schema can say, run by
 * `checkContent` (so by `npm run check` and by the build alike):
 *
 * - errors: a name that consent withholds appears in the entry's own words,
 *   or in any other entry, story or neighbourhood page of the network; the
 *   example text of a new entry's template was left in;
 * - warnings (the guides still build): entries due for re-checking, summaries
 *   too long for a phone, very long sentences, a value cut short by " #", a
 *   private name in a file name.
 *
 * Only files that passed their schema are looked at here; a file with schema
 * errors gets these checks once those are fixed.
 */
import path from 'node:path';
import type { AssetRecord, LoadedContent, NeighbourhoodRecord, SourceFile, StoryRecord } from './content-files.ts';
import { publishedText, withheldNameParts } from './consent.ts';
import { fieldName, type PathSegment, type Problem } from './problems.ts';
import { timeInWords } from './schedule.ts';
import { addMonths, isDueSoon, isStale } from './staleness.ts';
import { TEMPLATE_BODY_MESSAGE, templateParagraphLine } from './templates.ts';
import { today as defaultToday } from './today.ts';
import { longDate } from './words.ts';
import { assetKey } from '../schema/story.ts';

/** A summary longer than this fills a small phone's screen when text is set large. */
export const SUMMARY_COMFORTABLE_LENGTH = 150;
/** Plain-English guidance (GOV.UK among others): sentences of 25 words at most. */
export const SENTENCE_WORD_LIMIT = 25;

export interface EditorCheckOptions {
	today?: Date;
	/** Check only these neighbourhoods' entries (a shard, a preview); stories' links still resolve across all of them. */
	entriesOf?: (n: string) => boolean;
}

export function editorChecks(loaded: LoadedContent, options: EditorCheckOptions = {}): Problem[] {
	const today = options.today ?? defaultToday();
	const problems: Problem[] = [];
	const at = (record: SourceFile, path: readonly PathSegment[]) => loaded.sources.get(record.file)?.locate(path)?.line;
	const report = (record: SourceFile, path: readonly PathSegment[] | undefined, message: string, severity: Problem['severity'], line?: number) =>
		problems.push({
			file: record.file,
			line: line ?? (path ? at(record, path) : undefined),
			field: path?.length ? fieldName(path) : undefined,
			message,
			severity,
		});

	const draftNeighbourhoods = new Set(loaded.neighbourhoods.filter((n) => n.data.draft).map((n) => n.n));
	const monthsToStale = loaded.site?.stale_after_months ?? 12;

	const entriesOf = options.entriesOf;
	const mine = <T extends { n: string }>(list: readonly T[]): readonly T[] => (entriesOf ? list.filter((record) => entriesOf(record.n)) : list);

	for (const asset of mine(loaded.assets)) {
		nightTimes(asset, report);
		withheldNames(asset, report);
		if (!asset.data.draft && !draftNeighbourhoods.has(asset.n)) staleness(asset, monthsToStale, today, report);
	}
	withheldNamesElsewhere(loaded, [...mine(loaded.neighbourhoods), ...mine(loaded.assets), ...mine(loaded.stories)], report);
	sameTitles(mine(loaded.assets), report);

	const records: Array<AssetRecord | StoryRecord | NeighbourhoodRecord> = [...mine(loaded.neighbourhoods), ...mine(loaded.assets), ...mine(loaded.stories)];
	for (const record of records) {
		const summary = record.data.summary;
		if (summary.length > SUMMARY_COMFORTABLE_LENGTH) {
			report(
				record,
				['summary'],
				`is ${summary.length} characters long: on a small phone with large text that is more than a screenful (keep it to ${SUMMARY_COMFORTABLE_LENGTH} or fewer, in one or two short sentences; more can go in the text below the fields)`,
				'warning',
			);
		}
		for (const sentence of longSentences(record.body, record.bodyLine)) {
			report(
				record,
				undefined,
				`this sentence has ${sentence.words} words, which is hard to follow for many readers, including people living with dementia (split it into shorter sentences, one idea each): "${preview(sentence.text)}"`,
				'warning',
				sentence.line,
			);
		}
		templateTextLeft(record, report);
		notesCutOffValues(loaded.sources.get(record.file)?.frontmatter, record, report);
	}
	return problems;
}

type Report = (
	record: SourceFile,
	path: readonly PathSegment[] | undefined,
	message: string,
	severity: Problem['severity'],
	line?: number,
) => void;

// ---------------------------------------------------------------------------
// Re-checking

function staleness(asset: AssetRecord, months: number, today: Date, report: Report) {
	const checked = asset.data.last_checked;
	const due = addMonths(checked, months);
	const every = `${months} ${months === 1 ? 'month' : 'months'}`;
	if (isStale(checked, months, today)) {
		report(
			asset,
			['last_checked'],
			`was ${longDate(checked)}, more than ${every} ago, so the page tells readers it may have changed (ask whether it is still right, then write the day you checked, like last_checked: ${isoDay(today)})`,
			'warning',
		);
	} else if (isDueSoon(checked, months, today)) {
		report(
			asset,
			['last_checked'],
			`was ${longDate(checked)}, so it is due to be re-checked by ${longDate(due)} (ask whether it is still right, then write the day you checked, like last_checked: ${isoDay(today)})`,
			'warning',
		);
	}
}

/**
 * A start between midnight and 6am: nearly always an afternoon time written on
 * the 12-hour clock ("02:00" for 2pm), which the guide would print as "2am".
 */
function nightTimes(asset: AssetRecord, report: Report) {
	(asset.data.when ?? []).forEach((when, index) => {
		const match = /^0?([0-5]):(\d\d)$/.exec(when.start ?? '');
		if (!match) return;
		const later = `${Number(match[1]) + 12}:${match[2]}`;
		report(
			asset,
			['when', index, 'start'],
			`is "${when.start}", in the night, so the guide says it starts at ${timeInWords(when.start!)} (if it is in the afternoon, use the 24-hour clock, like start: "${later}"${when.end ? ', with the end in the same way' : ''})`,
			'warning',
		);
	});
}

/**
 * Two published entries of one neighbourhood with the same title: the A to Z,
 * the week, My list and the printed guide show two of the same name, and a
 * reader cannot tell which is which.
 */
function sameTitles(assets: readonly AssetRecord[], report: Report) {
	const key = (asset: AssetRecord) => `${asset.n}\u0000${asset.data.title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
	const groups = Map.groupBy(
		assets.filter((asset) => !asset.data.draft),
		key,
	);
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		for (const asset of group) {
			const others = group.filter((other) => other !== asset).map((other) => path.basename(other.file));
			report(
				asset,
				['title'],
				`is the same as the title of ${others.join(' and ')}: in the A to Z, the week and on paper, readers cannot tell them apart (add where or who, like "${asset.data.title} at St Hilda's")`,
				'warning',
			);
		}
	}
}

function isoDay(d: Date): string {
	return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// Names that consent keeps private

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'rev', 'revd', 'reverend', 'sir', 'dame', 'prof']);

/**
 * The words of the recorded name that may not be shown, cleaned of
 * punctuation. Initials, titles ("Mrs") and small words in lower case ("van",
 * "de") are left out: they would match everyday words.
 */
export function privateNameWords(asset: AssetRecord['data']): string[] {
	return withheldNameParts(asset)
		.map((part) => part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
		.filter((part) => part.length >= 2 && /^\p{Lu}/u.test(part) && !HONORIFICS.has(part.toLowerCase()));
}

/** Whole-word, as written or in capitals ("Holt", "HOLT"), so "holt" in other words does not count. */
function nameMatcher(word: string): RegExp {
	const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const upper = word.toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${escaped}|${upper})(?![\\p{L}\\p{M}\\p{N}])`, 'u');
}

/** For file names and picture paths, which are lower case: "joan-fairclough.jpg". */
function nameInPath(word: string, value: string): boolean {
	return value
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.includes(word.toLowerCase());
}

function consentAdvice(asset: AssetRecord['data'], word: string): string {
	const first = asset.contact?.name?.trim().split(/\s+/)[0];
	if (asset.consent === 'first-name') {
		return `"${word}" is part of the name that consent: first-name keeps private (use only their first name${first ? `, "${first}"` : ''}, or change consent to public if they agreed to be named in full)`;
	}
	return `"${word}" is part of the person's name, and consent: via-connector means no part of it may be shown (take the name out and say what they offer, like "a retired joiner", or change consent if they agreed to be named)`;
}

/** Finds the first private word in a text; the patterns are made once per entry. */
function nameFinder(words: readonly string[]): (text: string) => string | undefined {
	const matchers = words.map((word) => [word, nameMatcher(word)] as const);
	return (text) => matchers.find(([, pattern]) => pattern.test(text))?.[0];
}

function withheldNames(asset: AssetRecord, report: Report) {
	const words = privateNameWords(asset.data);
	if (words.length === 0) return;
	const findName = nameFinder(words);

	// Every field people can see (contact is consent's already).
	for (const { path, value, inAddress } of publishedText(asset.data)) {
		if (inAddress) {
			const word = words.find((w) => nameInPath(w, value));
			if (word) {
				report(
					asset,
					path,
					`"${value}" contains "${word.toLowerCase()}", which may be part of the name that consent keeps private, and addresses and picture names are public (rename it without the name)`,
					'warning',
				);
			}
		} else {
			const word = findName(value);
			if (word) report(asset, path, consentAdvice(asset.data, word), 'error');
		}
	}

	for (const word of words) {
		if (nameInPath(word, asset.slug)) {
			report(
				asset,
				undefined,
				`the file name contains "${word.toLowerCase()}", which may be part of the name that consent keeps private, and the file name is the page's public address (rename the file without the name)`,
				'warning',
				1,
			);
			break;
		}
	}

	for (const { text, line } of bodyLines(asset)) {
		const word = findName(text);
		if (word) report(asset, undefined, consentAdvice(asset.data, word), 'error', line);
	}
}

/**
 * Where else a private person's name may slip out: every other entry, story
 * and neighbourhood page of the network, in its fields and its text. A name
 * there is published like any other words, so it is an error, as in the
 * entry itself.
 *
 * Which words count, so that the check does not cry wolf:
 *
 * - In a story that links to the gift, every word consent withholds (for
 *   via-connector, the first name too): the story is about that person.
 * - Anywhere else, the withheld words other than the first name (the
 *   surname, middle names). The full name, "Ruth Beardsall", is always
 *   caught through them. A first name alone ("Walter") is left alone there:
 *   without the surname it does not say who someone is, and a network of
 *   neighbourhoods has many people of the same first name.
 * - As a name is written: a capitalised word, or in capitals, never inside
 *   another word (`nameMatcher`), so "holt" in "the holt" or "Holtby" is
 *   not "Holt".
 * - Not a place named after someone: the word followed by a word like
 *   "Road", "Lane" or "Hall" ("Beardsall Road"); and not inside a name that
 *   the network shows as public: the title, place or public contact of an
 *   entry that is not a private person's, a public gift's name, a
 *   connector, surgery or association ("Bill Catterall" when Bill has agreed
 *   to be named); nor, in an entry or neighbourhood page, a word of a name
 *   that page itself shows ("Mr Catterall" in Bill's own entry).
 *
 * A gift's own entry is checked by `withheldNames`, without these
 * allowances: there, the name can only mean that person.
 */
function withheldNamesElsewhere(loaded: LoadedContent, records: ReadonlyArray<AssetRecord | StoryRecord | NeighbourhoodRecord>, report: Report) {
	const gifts = loaded.assets.filter((asset) => privateNameWords(asset.data).length > 0);
	if (gifts.length === 0) return;
	const byKey = new Map(gifts.map((gift) => [`${gift.n}/${gift.slug}`, gift]));

	/** For each withheld word, the gifts it belongs to, and whether it is their first name. */
	const owners = new Map<string, { gift: AssetRecord; given: boolean }[]>();
	for (const gift of gifts) {
		const given = cleanWord(gift.data.contact?.name?.trim().split(/\s+/)[0] ?? '');
		for (const word of privateNameWords(gift.data)) {
			owners.set(word, [...(owners.get(word) ?? []), { gift, given: word === given }]);
		}
	}
	const publicNames = publicNamesWith(loaded, owners);
	const finder = anyNameFinder([...owners.keys()]);

	for (const record of records) {
		const linked = new Set(
			'assets' in record.data && Array.isArray(record.data.assets)
				? record.data.assets.map((ref: string) => assetKey(ref, record.n)).filter((key: string) => byKey.has(key))
				: [],
		);
		const self = 'slug' in record && !('author' in record.data) ? `${record.n}/${record.slug}` : undefined;
		const ownWords = new Set(namesOf(record).flatMap((name) => name.split(/\s+/).map(cleanWord)));
		const seen = new Set<string>();
		const look = (text: string, path: readonly PathSegment[] | undefined, line?: number) => {
			for (const { word, index } of finder(text)) {
				const gift = owners
					.get(word)
					?.find(({ gift, given }) => {
						const key = `${gift.n}/${gift.slug}`;
						if (key === self) return false;
						return linked.has(key) || !given;
					})?.gift;
				if (!gift) continue;
				if (linked.has(`${gift.n}/${gift.slug}`) ? false : ownWords.has(word)) continue;
				if (PLACE_AFTER.test(text.slice(index + word.length))) continue;
				// A "public name" with the person's full name in it is no cover: "Phone help with Ruth Beardsall" as a group's title is the leak itself.
				const fullName = gift.data.contact?.name?.trim().split(/\s+/).join(' ') ?? '';
				if (insidePublicName(text, index, word, publicNames.get(word)?.filter((name) => !name.split(/\s+/).join(' ').includes(fullName)))) continue;
				const key = `${word}|${line ?? fieldName(path ?? [])}`;
				if (seen.has(key)) continue;
				seen.add(key);
				report(record, path, elsewhereAdvice(gift, word), 'error', line);
			}
		};
		for (const { path, value, inAddress } of publishedText(record.data)) if (!inAddress) look(value, path);
		for (const { text, line } of bodyLines(record)) look(text, undefined, line);
	}
}

function elsewhereAdvice(gift: AssetRecord, word: string): string {
	const first = gift.data.contact?.name?.trim().split(/\s+/)[0];
	const instead =
		gift.data.consent === 'first-name' && first && cleanWord(first) !== word
			? `take it out and call them only "${first}"`
			: `take the name out, and say "a neighbour" or what they offer instead`;
	return `"${word}" is part of the name of the person behind "${gift.data.title}" (${gift.file}), which their consent (${gift.data.consent}) keeps private (${instead}; if it means someone else or a place, write it without this word; if the person agreed to be named in full, change consent in their entry)`;
}

/** A word of a recorded name as privateNameWords cleans it. */
function cleanWord(part: string): string {
	return part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/** "Beardsall Road", "Ormerod Hall": a place named after someone, not the person. */
const PLACE_AFTER =
	/^(?:['’]s)?\s+(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Court|Crescent|Drive|Gardens|Grove|Hill|Place|Row|Square|Terrace|Walk|Way|Mews|Yard|Park|Green|Fields?|Mills?|Bridge|Brook|Woods?|Farm|Hall|House|Estate|Rise|View|Wharf|Lock|Centre|School|Primary|Academy|College|Library|Chapel|Church|Arms|Surgery|Practice|Memorial|Recreation|Playing)\b/u;

/** The names a record shows as public: its own people, who may be called by their surname in it. */
function namesOf(record: AssetRecord | StoryRecord | NeighbourhoodRecord): string[] {
	const data = record.data as Partial<AssetRecord['data'] & NeighbourhoodRecord['data']>;
	if ('author' in record.data) return [];
	if ('kind' in data) return data.kind !== 'gift' || data.consent === 'public' || data.consent === undefined ? [data.contact?.name ?? ''] : [];
	return [...(data.connectors ?? []).map((c) => c.name), data.maintained_by?.name ?? ''];
}

/**
 * Names the network shows as public that contain a withheld word, by word:
 * titles, places and contacts of entries that are not private people, public
 * gifts' names, connectors, surgeries and associations.
 */
function publicNamesWith(loaded: LoadedContent, owners: ReadonlyMap<string, unknown>): Map<string, string[]> {
	const names: string[] = [];
	for (const asset of loaded.assets) {
		const { kind, consent, title, where, contact } = asset.data;
		if (kind === 'gift' && consent !== 'public') continue;
		names.push(contact?.name ?? '');
		if (kind !== 'gift') names.push(title, where?.place ?? '');
	}
	for (const { data } of loaded.neighbourhoods) {
		names.push(data.name, data.maintained_by.name, ...data.connectors.map((c) => c.name), ...data.surgeries.map((s) => s.name));
	}
	const byWord = new Map<string, string[]>();
	for (const name of names) {
		for (const word of new Set(name.split(/[^\p{L}\p{M}'’-]+/u).map(cleanWord))) {
			if (owners.has(word)) byWord.set(word, [...(byWord.get(word) ?? []), name.trim()]);
		}
	}
	return byWord;
}

/** Whether the word found at `index` is inside one of `names` as written in the text. */
function insidePublicName(text: string, index: number, word: string, names: readonly string[] | undefined): boolean {
	for (const name of names ?? []) {
		let at = text.indexOf(name);
		while (at !== -1) {
			if (at <= index && index + word.length <= at + name.length) return true;
			at = text.indexOf(name, at + 1);
		}
	}
	return false;
}

/**
 * Every withheld word of the network in a text: as written or in capitals,
 * never inside another word, like `nameMatcher`. A network may have
 * thousands of gifts, so the text is cut into words once and each is looked
 * up, rather than trying every name at every letter; the rare name with a
 * sign inside it ("O'Brien") gets a pattern of its own.
 */
function anyNameFinder(words: readonly string[]): (text: string) => { word: string; index: number }[] {
	const plain = new Map<string, string>();
	const signed: string[] = [];
	for (const word of words) {
		if (/^[\p{L}\p{M}\p{N}]+$/u.test(word)) {
			plain.set(word, word);
			plain.set(word.toUpperCase(), word);
		} else {
			signed.push(word);
		}
	}
	const others = signed.map((word) => [word, new RegExp(nameMatcher(word).source, 'gu')] as const);
	return (text) => {
		const found: { word: string; index: number }[] = [];
		for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
			const word = plain.get(match[0]);
			if (word) found.push({ word, index: match.index });
		}
		for (const [word, pattern] of others) for (const match of text.matchAll(pattern)) found.push({ word, index: match.index });
		return found;
	};
}

/** Lines of the body with their line numbers in the file. */
function bodyLines(record: SourceFile): { text: string; line: number }[] {
	return record.body.split('\n').map((text, index) => ({ text, line: record.bodyLine + index }));
}

// ---------------------------------------------------------------------------
// "Room #2": YAML reads " #" as the start of a note, so the rest of the value vanishes.

/** `frontmatter`: the entry's fields as written, as loadContent read them (not the file again). */
function notesCutOffValues(frontmatter: string | undefined, record: SourceFile, report: Report) {
	if (frontmatter === undefined) return;
	const lines = frontmatter.split(/\r?\n/);
	for (let i = 1; i < lines.length; i++) {
		if (/^(?:---|\.\.\.)\s*$/.test(lines[i])) break;
		const match = /^(\s*(?:-\s+)?)([\w-]+):[ \t]+([^"'\s#[{|>][^#]*?)[ \t]+#(.*)$/.exec(lines[i]);
		if (!match) continue;
		const [, , key, kept, cut] = match;
		report(
			record,
			[key],
			`the words after "#" are read as a note and left out, so it says only "${kept}" (put the whole value in quotes, like ${key}: "${kept} #${cut}")`,
			'warning',
			i + 1,
		);
	}
}

// ---------------------------------------------------------------------------
// Template text left in

function templateTextLeft(record: SourceFile, report: Report) {
	const line = templateParagraphLine(record.body, record.bodyLine);
	if (line !== undefined) report(record, undefined, TEMPLATE_BODY_MESSAGE, 'error', line);
}

// ---------------------------------------------------------------------------
// Sentences

export interface Sentence {
	text: string;
	words: number;
	/** Line in the file where the sentence starts. */
	line: number;
}

/** Sentences of the body longer than the limit, with the line each starts on. */
export function longSentences(body: string, bodyLine: number, limit = SENTENCE_WORD_LIMIT): Sentence[] {
	return sentences(body, bodyLine).filter((s) => s.words > limit);
}

const segmenter = new Intl.Segmenter('en-GB', { granularity: 'sentence' });

/** The body's prose, sentence by sentence: headings, list items and paragraphs; not code. */
export function sentences(body: string, bodyLine: number): Sentence[] {
	const out: Sentence[] = [];
	for (const block of proseBlocks(body, bodyLine)) {
		for (const { segment, index } of segmenter.segment(block.text)) {
			const words = countWords(segment);
			if (words === 0) continue;
			const startsAt = index + (segment.length - segment.trimStart().length);
			let line = block.lines[0].line;
			for (const l of block.lines) if (l.start <= startsAt) line = l.line;
			out.push({ text: segment.trim(), words, line });
		}
	}
	return out;
}

export function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

interface Block {
	text: string;
	lines: { line: number; start: number }[];
}

function proseBlocks(body: string, bodyLine: number): Block[] {
	const blocks: Block[] = [];
	let current: Block | undefined;
	let fence: string | undefined;
	const end = () => {
		if (current && current.text.trim()) blocks.push(current);
		current = undefined;
	};
	body.split('\n').forEach((raw, index) => {
		const line = bodyLine + index;
		const fenceMatch = /^\s*(```|~~~)/.exec(raw);
		if (fence) {
			if (fenceMatch && fenceMatch[1] === fence) fence = undefined;
			return;
		}
		if (fenceMatch) {
			end();
			fence = fenceMatch[1];
			return;
		}
		if (!raw.trim() || /^\s*(import|export)\s/.test(raw) || /^\s*\|/.test(raw)) {
			end();
			return;
		}
		// A heading, list item or quote starts a block of its own.
		const marker = /^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/.exec(raw);
		if (marker) end();
		const text = inlineText(marker ? raw.slice(marker[0].length) : raw);
		if (!current) current = { text: '', lines: [] };
		if (current.text) current.text += ' ';
		current.lines.push({ line, start: current.text.length });
		current.text += text;
		if (marker && /^#/.test(marker[1])) end();
	});
	end();
	return blocks;
}

/** The words a reader sees: link text without addresses, no tags or emphasis marks. */
function inlineText(line: string): string {
	return line
		.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\{[^}]*\}/g, ' ')
		.replace(/[*_`]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

function preview(sentence: string): string {
	const words = sentence.split(/\s+/);
	return words.length > 8 ? `${words.slice(0, 8).join(' ')} ...` : sentence;
}
