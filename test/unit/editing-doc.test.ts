/**
 * docs/editing.md, the guide for editors: it explains every kind of message
 * the check gives, its links lead somewhere, and the templates it offers to
 * copy are the ones `npm run new` writes (with placeholders for the dates),
 * which fail the check until filled in.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { assetTemplate, neighbourhoodTemplate, storyTemplate } from '../../src/lib/templates.ts';
import { fill } from '../helpers/templates.ts';
import { ROOT } from '../helpers/build.ts';

const DOC = readFileSync(path.join(ROOT, 'docs/editing.md'), 'utf8');
const today = new Date('2026-06-01T00:00:00Z');

/**
 * Every kind of message, by words that every message of that kind contains.
 * A new kind of message must be added here, and explained in the guide.
 */
const MESSAGE_KINDS = [
	// The fields cannot be read.
	'has no fields at the top',
	'have no closing line of three dashes',
	'opens here but never closes',
	'this line is indented differently from the lines around it',
	'the line is indented with a tab',
	'the value has a colon and a space in it',
	'there is no space after the colon',
	'there is more text after the closing quote',
	'is written twice',
	'a list in square brackets is not closed, or is missing a comma',
	'which has a special meaning here',
	'these are not fields',
	// Fields.
	'is not a field here',
	'is missing',
	'is not filled in yet',
	'is empty',
	'characters long (keep it to',
	'is an empty list',
	'should be a group of fields',
	'should be a list',
	'should be true or false',
	'should be a whole number',
	'is not a kind of entry',
	'is not a cost',
	'is not a day of the week',
	'is not an access feature',
	'is not a consent level',
	'is not a theme',
	'is not a week of the month',
	'is not a time',
	'is not after the start',
	'in the night, so the guide says it starts at',
	'readers cannot tell them apart',
	'a time with an end needs a start',
	'names the same week twice',
	'is not a date',
	'is not a real date',
	'is in the future',
	'is not a UK postcode',
	'is not a UK phone number',
	'is not an email address',
	'is not a web address',
	'is not a language code',
	'is not in the UK',
	'is not a time zone',
	'should be at least 1 month',
	'is more than ten years',
	'is not a valid theme id',
	'is not a valid old name',
	'is used by two themes',
	'is not an asset name',
	'must be true: publish a story only when its author has agreed',
	// References, pictures and files.
	'is not an asset in',
	'is a draft, so the story will not link to it',
	'is the name of another entry',
	'is also an alias of',
	'does not exist',
	'is not a picture the web can show',
	'not a picture that web browsers can show',
	'far too big for a web page',
	'it takes a long time to appear',
	"is not in this neighbourhood's images folder",
	'describe what the picture shows',
	'is not a valid file name',
	'is not a valid neighbourhood folder name',
	'is not a Markdown file',
	'has no index.md',
	'has the same name as',
	'is not part of the guide and will not be published',
	'is not in a place the guide reads',
	'is in a folder inside',
	"is not inside a neighbourhood's folder",
	'the text still has the example paragraph from the template',
	'the content folder does not exist',
	'the folder is missing',
	'has no neighbourhoods yet',
	// Consent.
	'is part of the name that consent: first-name keeps private',
	'consent: via-connector means no part of it may be shown',
	'is part of the name of the person behind',
	'is written in this entry about a private person',
	'which may be part of the name that consent keeps private',
	// Safe content (src/lib/safety).
	'is not allowed in a guide',
	'is a script that runs when someone reads or taps',
	'the guides look the same everywhere',
	'is not kept (take it out)',
	'text cannot borrow the look of the page',
	'may only be a ticked or empty box in a list',
	'an HTML comment is never shown',
	'would run a script when someone taps it',
	'which a guide cannot link to',
	'which browsers read in different ways',
	'is a picture on another website',
	'is written into the page as data',
	'is not a plain file name',
	'more than anyone can read on one page',
	'nested more than 100 deep',
	'is code, and a story is words, not code',
	'is an HTML tag, and MDX stories use Markdown instead',
	'is not one of the story components',
	'has no detail called',
	'needs its',
	'needs a value (write',
	'stands on its own and takes no words inside',
	'names no asset of this neighbourhood',
	'names a draft, which is not published',
	'cannot be read as an MDX story',
	'cannot be read as a story',
	'leaves out the start that every address on this site has',
	'is a web address without its start',
	'belongs to the person',
	// Warnings.
	'so the page tells readers it may have changed',
	'is due to be re-checked by',
	'more than a screenful',
	'this sentence has',
	'are read as a note and left out',
];

const CORPORA = [
	'bad/yaml',
	'bad/fields',
	'bad/references',
	'bad/consent',
	'bad/site',
	'bad/themes',
	'bad/empty',
	'good/warnings',
	'stale',
	'hostile/html',
	'hostile/mdx',
];

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the guide for editors', () => {
	it('explains every kind of message the check gives', () => {
		const doc = flat(DOC);
		expect(MESSAGE_KINDS.filter((phrase) => !doc.includes(phrase))).toEqual([]);
	});

	it('knows every message the check gives over the test corpora', () => {
		const messages = CORPORA.flatMap((corpus) => checkContent(path.join(ROOT, 'test/fixtures', corpus), { today }).problems.map((p) => p.message));
		expect(messages.length).toBeGreaterThan(80);
		expect(messages.filter((m) => !MESSAGE_KINDS.some((phrase) => m.includes(phrase)))).toEqual([]);
	});

	it('links only to places that exist', () => {
		const anchors = new Set([...DOC.matchAll(/^#{1,6} (.+)$/gm)].map((m) => githubAnchor(m[1])));
		const links = [...DOC.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^https?:/.test(l));
		expect(links.length).toBeGreaterThan(10);
		for (const link of links) {
			if (link.startsWith('#')) expect(anchors, link).toContain(link.slice(1));
			else expect(() => readFileSync(path.join(ROOT, 'docs', link)), link).not.toThrow();
		}
		// The monthly issue and the README link to these.
		expect(anchors).toContain('re-checking-an-entry');
		expect(anchors).toContain('what-the-check-messages-mean');
	});
});

describe('templates to copy, in docs/templates/', () => {
	const context = { neighbourhoodName: 'your neighbourhood', themeIds: [] };
	const templates = {
		'asset.md': assetTemplate('<the name people know it by>', context),
		'gift.md': assetTemplate('<what they offer, like: Joan plays the piano for sing-alongs>', context, 'gift'),
		'story.md': storyTemplate("<the story's title>", context),
		'neighbourhood.md': neighbourhoodTemplate('<the name residents use>', context),
	};

	it('are the templates npm run new writes (update them with: npx vitest run -u)', async () => {
		for (const [name, text] of Object.entries(templates)) {
			await expect(text).toMatchFileSnapshot(path.join(ROOT, 'docs/templates', name));
		}
	});

	it('fail the check at each placeholder, dates too, and pass once filled in', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'glg-doc-'));
		try {
			cpSync(path.join(ROOT, 'test/fixtures/good/edge'), dir, { recursive: true });
			const file = path.join(dir, 'neighbourhoods/millbrook/assets/copied.md');
			writeFileSync(file, templates['gift.md']);
			const problems = checkContent(dir, { today }).problems.filter((p) => p.file.endsWith('copied.md'));
			expect(problems.map((p) => `${p.line}: ${p.field}`)).toEqual([
				'10: title',
				'13: summary',
				'18: themes[0]',
				'35: cost',
				'65: consent',
				'67: consent_date',
				'70: last_checked',
				'79: undefined',
			]);
			for (const p of problems.slice(0, -1)) expect(p.message).toMatch(/^is not filled in yet: it still says "<[^"]+>" \(/);
			// The example paragraph, told with the fields rather than after they are put right.
			expect(problems.at(-1)!.message).toBe('the text still has the example paragraph from the template (write your own words in its place)');
			writeFileSync(file, fill(templates['gift.md']));
			expect(checkContent(dir, { today }).problems.filter((p) => p.file.endsWith('copied.md'))).toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function githubAnchor(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/`/g, '')
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}
