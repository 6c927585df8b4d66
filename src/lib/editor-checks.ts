/**
 * Checks for editors that go beyond what one field's schema can say, run by
 * `checkContent` (so by `npm run check` and by the build alike):
 *
 * - errors: a name that consent withholds appears in the entry's own words;
 *   the example text of a new entry's template was left in;
 * - warnings (the guides still build): entries due for re-checking, summaries
 *   too long for a phone, very long sentences, a value cut short by " #", a
 *   private name in a story that links to the entry or in a file name.
 *
 * Only files that passed their schema are looked at here; a file with schema
 * errors gets these checks once those are fixed.
 */
import type { AssetRecord, LoadedContent, NeighbourhoodRecord, SourceFile, StoryRecord } from './content-files.ts';
import { publishedText, withheldNameParts } from './consent.ts';
import { fieldName, type PathSegment, type Problem } from './problems.ts';
import { addMonths, isDueSoon, isStale } from './staleness.ts';
import { TEMPLATE_BODY_MARK } from './templates.ts';
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
		withheldNames(asset, report);
		if (!asset.data.draft && !draftNeighbourhoods.has(asset.n)) staleness(asset, monthsToStale, today, report);
	}
	withheldNamesInStories(loaded, mine(loaded.stories), report);

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
 * A story that links to a gift should not name what the gift's consent
 * withholds. It may be someone else of the same name, so this is a warning.
 */
function withheldNamesInStories(loaded: LoadedContent, stories: readonly StoryRecord[], report: Report) {
	const assets = new Map(loaded.assets.map((a) => [`${a.n}/${a.slug}`, a]));
	for (const story of stories) {
		const seen = new Set<string>();
		for (const ref of story.data.assets) {
			const asset = assets.get(assetKey(ref, story.n));
			if (!asset) continue;
			const words = privateNameWords(asset.data);
			if (words.length === 0) continue;
			const findName = nameFinder(words);
			const warn = (path: readonly PathSegment[] | undefined, word: string, line?: number) => {
				const key = `${word}|${line ?? fieldName(path ?? [])}`;
				if (seen.has(key)) return;
				seen.add(key);
				report(
					story,
					path,
					`"${word}" is part of the name of the person behind "${asset.data.title}", which their consent (${asset.data.consent}) keeps private (if the story means that person, leave the name out)`,
					'warning',
					line,
				);
			};
			for (const { path, value } of publishedText(story.data)) {
				const word = findName(value);
				if (word) warn(path, word);
			}
			for (const { text, line } of bodyLines(story)) {
				const word = findName(text);
				if (word) warn(undefined, word, line);
			}
		}
	}
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
	for (const { text, line } of bodyLines(record)) {
		if (text.includes(TEMPLATE_BODY_MARK)) {
			report(
				record,
				undefined,
				`the text still has the example paragraph from the template (write your own words in its place)`,
				'error',
				line,
			);
			return;
		}
	}
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
