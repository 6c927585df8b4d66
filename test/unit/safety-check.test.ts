/**
 * What `checkContent` (and so `npm run check` and the build's preflight)
 * says about unsafe content and about consent written into the text.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { publishedText } from '../../src/lib/consent.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { ROOT } from '../helpers/build.ts';

afterAll(removeScratch);

const fixtures = (name: string) => path.join(ROOT, 'test/fixtures', name);

function copyOf(folder: string): string {
	const target = scratchDir('glg-check-');
	cpSync(folder, target, { recursive: true });
	return target;
}

function edit(root: string, file: string, change: (text: string) => string) {
	const full = path.join(root, file);
	writeFileSync(full, change(readFileSync(full, 'utf8')));
}

describe('unsafe content in the check', () => {
	it('reports every hostile Markdown file as errors, which the build leaves out rather than stopping', () => {
		const result = checkContent(fixtures('hostile/html'));
		const files = new Set(result.errors.map((p) => path.basename(p.file)));
		expect([...files].sort()).toEqual(['comments-and-kind-html.md', 'events.md', 'frames.md', 'images.md', 'index.md', 'links.md', 'scripts.md']);
		expect(result.errors.every((p) => p.removedByBuild && p.line !== undefined)).toBe(true);
		expect(result.buildErrors).toEqual([]);
		// Each message names the file and the line: the first script in scripts.md is on line 12 of the file.
		expect(result.errors.map(formatProblem)).toContain(
			`${path.relative(process.cwd(), fixtures('hostile/html/neighbourhoods/hostwick/assets/scripts.md'))}:12: <script> is not allowed in a guide: scripts would run on readers’ phones. The page leaves it out, with everything inside it (take it out, and use Markdown for formatting: **bold**, lists with "- ", links as [words](https://address))`,
		);
	});

	it('reports every hostile MDX story, and the build stops for each', () => {
		const result = checkContent(fixtures('hostile/mdx'));
		const files = new Set(result.buildErrors.map((p) => path.basename(p.file)));
		expect([...files].sort()).toEqual([
			'computed-props.mdx',
			'frontmatter-js.md',
			'reads-env.mdx',
			'reads-files.mdx',
			'runs-commands.mdx',
			'unknown-components.mdx',
			'unsafe-addresses.mdx',
		]);
		expect(result.buildErrors.filter((p) => p.file.endsWith('.mdx')).every((p) => p.line !== undefined && p.line > 9)).toBe(true);
	});

	it('finds nothing wrong in the sample guides or the test fixture', () => {
		for (const folder of [path.join(ROOT, 'content'), fixtures('site')]) {
			expect(checkContent(folder).errors.map(formatProblem)).toEqual([]);
		}
	});
});

describe('consent in the words', () => {
	it('stops the build when a withheld phone number or email is written in the text', () => {
		const root = copyOf(fixtures('site'));
		edit(root, 'neighbourhoods/testwick/assets/knitting-first-name.md', (text) =>
			text.replace('Margaret learned from her grandmother.', 'Margaret learned from her grandmother.\n\nRing her on 07700-900-002 or write to Margaret.Zzholt@example.org.'),
		);
		const result = checkContent(root);
		const shown = result.buildErrors
			.filter((p) => /phone number|email address/.test(p.message))
			.map((p) => formatProblem(p).replace(/^.*knitting-first-name\.md/, 'knitting-first-name.md'));
		expect(shown).toMatchInlineSnapshot(`
			[
			  "knitting-first-name.md:25: the phone number 07700 900002 belongs to the person this entry is about, and their consent does not allow it to be published (take it out: only the first name "Margaret" may be shown, and people reach them through a connector; or, if they agreed to more, record consent: public with the new consent_date)",
			  "knitting-first-name.md:25: the email address margaret.zzholt@example.org belongs to the person this entry is about, and their consent does not allow it to be published (take it out: only the first name "Margaret" may be shown, and people reach them through a connector; or, if they agreed to more, record consent: public with the new consent_date)",
			]
		`);
		// The surname in the address is the editor checks' to report, once.
		expect(result.buildErrors.filter((p) => p.message.includes('Zzholt'))).toHaveLength(1);
	});

	it('follows the number into the stories that link to the entry', () => {
		const root = copyOf(fixtures('site'));
		edit(root, 'neighbourhoods/testwick/stories/first-story.md', (text) => text.replace('how to cast on.', 'how to cast on. Her number is 07700 900002.'));
		const result = checkContent(root);
		expect(result.buildErrors.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual(['first-story.md:13']);
		expect(result.buildErrors[0].message).toMatch(/^the phone number 07700 900002 belongs to the person in .*knitting-first-name\.md, which this story links to/);
	});

	it('finds the number written without its leading 0, where the text has no digit to spare', () => {
		const root = copyOf(fixtures('site'));
		edit(root, 'neighbourhoods/testwick/stories/first-story.md', (text) => text.replace('how to cast on.', 'how to cast on. Ring 7700 900002.'));
		const result = checkContent(root);
		expect(result.buildErrors.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual(['first-story.md:13']);
		expect(result.buildErrors[0].message).toMatch(/^the phone number 07700 900002 belongs to the person in .*knitting-first-name\.md, which this story links to/);
	});

	it('leaves a shard\'s other neighbourhoods to the shards that build them', () => {
		const root = copyOf(fixtures('site'));
		edit(root, 'neighbourhoods/testwick/stories/first-story.md', (text) => text.replace('how to cast on.', 'how to cast on. Her number is 07700 900002.'));
		const phone = (result: ReturnType<typeof checkContent>) => result.problems.filter((p) => p.message.startsWith('the phone number'));
		expect(phone(checkContent(root, { entryChecksOf: (n) => n === 'testwick' }))).toHaveLength(1);
		expect(phone(checkContent(root, { entryChecksOf: (n) => n !== 'testwick' }))).toEqual([]);
	});

	it('reads checked_by, which the entry\'s page shows ("Last checked ... by ...")', () => {
		const root = copyOf(fixtures('site'));
		edit(root, 'neighbourhoods/testwick/assets/knitting-first-name.md', (text) => text.replace('last_checked: 2026-02-01', 'last_checked: 2026-02-01\nchecked_by: Connie, on 07700 900002'));
		const result = checkContent(root);
		expect(result.buildErrors.map((p) => `${path.basename(p.file)}:${p.line}: ${p.field}`)).toEqual(['knitting-first-name.md:21: checked_by']);
		expect(result.buildErrors[0].message).toMatch(/^the phone number 07700 900002 belongs to the person this entry is about/);
		// And the name check reads it too: the surname there is as public as the number.
		edit(root, 'neighbourhoods/testwick/assets/knitting-first-name.md', (text) => text.replace('checked_by: Connie, on 07700 900002', 'checked_by: Margaret Zzholt'));
		expect(checkContent(root).buildErrors.map((p) => `${p.field}: ${p.message.includes('Zzholt')}`)).toEqual(['checked_by: true']);
	});

	it('lists every field a page shows, marking those shown in an address, and leaves out contact and the guide\'s own values', () => {
		const found = publishedText({
			title: 'Knitting',
			kind: 'gift',
			themes: ['making-and-creating'],
			access: ['step-free'],
			cost: 'free',
			consent: 'first-name',
			contact: { name: 'Margaret Zzholt', phone: '07700 900002' },
			when: [{ day: 'monday', note: 'in the library' }],
			where: { place: 'Library' },
			aliases: ['old-knitting'],
			image: { src: 'images/wool.jpg', alt: 'Wool' },
			last_checked: new Date('2026-02-01'),
			checked_by: 'Connie',
		});
		expect(found.map(({ path, inAddress }) => `${path.join('.')}${inAddress ? ' (address)' : ''}`)).toEqual([
			'title',
			'when.0.day',
			'when.0.note',
			'where.place',
			'aliases.0 (address)',
			'image.src (address)',
			'image.alt',
			'checked_by',
		]);
	});

	it('says nothing of a public neighbour\'s number, or of anyone\'s in the contact fields', () => {
		const result = checkContent(fixtures('site'));
		expect(result.problems.filter((p) => /phone number|email address/.test(p.message))).toEqual([]);
	});
});

describe('a private person anywhere in the network', () => {
	const lockside = 'neighbourhoods/lockside';
	const shownFile = (p: { file: string }) => path.basename(p.file);

	it('refuses the full name and the number of a first-name gift written in another entry or a neighbourhood page', () => {
		const root = copyOf(path.join(ROOT, 'content'));
		edit(root, `${lockside}/assets/lockside-hub.md`, (text) => `${text.trimEnd()}\n\nFor phone help ring Ruth Beardsall on 01632 960336.\n`);
		edit(root, `${lockside}/index.md`, (text) => `${text.trimEnd()}\n\nFor phone help ring Ruth Beardsall.\n`);
		const result = checkContent(root);
		const prefix = `${path.relative(process.cwd(), root)}/`;
		expect(result.buildErrors.map((p) => `${shownFile(p)}:${p.line}: ${p.message.replaceAll(prefix, '').split(' (')[0]}`)).toEqual([
			'index.md:42: "Beardsall" is part of the name of the person behind "Ruth helps you get the hang of your phone"',
			'lockside-hub.md:37: "Beardsall" is part of the name of the person behind "Ruth helps you get the hang of your phone"',
			'lockside-hub.md:37: the phone number 01632 960336 belongs to the person in neighbourhoods/lockside/assets/ruth-helps-with-phones.md, and their consent does not allow it to be published',
		]);
		expect(result.buildErrors[0].message).toContain('(take it out and call them only "Ruth";');
		// A group's title is public, but one that holds her full name is the leak itself, not a namesake.
		edit(root, `${lockside}/assets/repair-cafe.md`, (text) => text.replace(/^title: .*$/m, 'title: Phone help with Ruth Beardsall'));
		expect(checkContent(root).buildErrors.filter((p) => shownFile(p) === 'repair-cafe.md').map((p) => p.field)).toEqual(['title']);
		expect(result.buildErrors[0].message).toContain('ruth-helps-with-phones.md');
	});

	it('refuses a surname in a story that does not link to the entry, in its fields as in its text', () => {
		const root = copyOf(path.join(ROOT, 'content'));
		edit(root, `${lockside}/stories/from-the-queue-to-the-kitchen.md`, (text) =>
			text.replace(/^title: .*$/m, 'title: "Mrs Beardsall and me"').replace(/\n---\n/, '\n---\n\nMrs Beardsall showed me my phone.\n'),
		);
		const result = checkContent(root);
		expect(result.buildErrors.map((p) => `${shownFile(p)}:${p.field ?? p.line}`)).toEqual([
			'from-the-queue-to-the-kitchen.md:title',
			`from-the-queue-to-the-kitchen.md:${result.buildErrors[1]?.line}`,
		]);
		expect(result.buildErrors[1].line).toBeGreaterThan(2);
	});

	it('refuses any number or email in a first-name gift\'s own words, not only the one in contact', () => {
		const root = copyOf(path.join(ROOT, 'content'));
		edit(root, `${lockside}/assets/ruth-helps-with-phones.md`, (text) =>
			text.replace(/^contact: .*\n/m, '').replace('She will never ask', 'Ring Ruth on 07700 900999 or email ruth.beardsall@example.org. She will never ask'),
		);
		const result = checkContent(root);
		expect(result.buildErrors.map((p) => `${shownFile(p)}:${p.line}: ${p.message.slice(0, 80)}`)).toEqual([
			'ruth-helps-with-phones.md:27: the phone number 07700 900999 is written in this entry about a private person, a',
			'ruth-helps-with-phones.md:27: the email address ruth.beardsall@example.org is written in this entry about a pr',
		]);
		// A connector's or a group's number is public, so "ask at the Hub on ..." is fine.
		edit(root, `${lockside}/assets/ruth-helps-with-phones.md`, (text) => text.replace('Ring Ruth on 07700 900999 or email ruth.beardsall@example.org.', 'Ring the Hub on 01632 960310, or Kev on 07700 900412.'));
		expect(checkContent(root).errors).toEqual([]);
	});

	it('does not take a place, a public name or a first name alone for the private person', () => {
		const root = copyOf(path.join(ROOT, 'content'));
		// A street and a hall named after the family, and another Beardsall who has agreed to be named.
		edit(root, `${lockside}/assets/lockside-hub.md`, (text) =>
			`${text.trimEnd()}\n\nThe Hub is on the corner of Beardsall Road, opposite Beardsall's Farm. Ruth is there on Mondays.\n`,
		);
		edit(root, `${lockside}/assets/repair-cafe.md`, (text) => text.replace('contact:\n  email: repair@example.org', 'contact: { name: "Tom Beardsall", email: repair@example.org }').replace(/\n---\n/, '\n---\n\nTom Beardsall fixes toasters. Ask for Mr Beardsall.\n'));
		// "Graham" is a via-connector gift's first name: alone, outside a story about him, it names no one.
		edit(root, `${lockside}/index.md`, (text) => `${text.trimEnd()}\n\nGraham from the allotments grows the best leeks.\n`);
		expect(checkContent(root).errors.map(formatProblem)).toEqual([]);
	});
});

describe('a private person in another neighbourhood', () => {
	it('finds a surname with a sign in it, in capitals too, across neighbourhoods', () => {
		const root = copyOf(fixtures('site'));
		edit(root, 'neighbourhoods/testwick/assets/knitting-first-name.md', (text) => text.replace('name: Margaret Zzholt', `name: "Margaret O'Zzholt-Qqin"`));
		edit(root, 'neighbourhoods/otherby/assets/other-cafe.md', (text) => `${text.trimEnd()}\n\nMrs O'Zzholt-Qqin from Testwick bakes the scones. MRS O'ZZHOLT-QQIN says hello.\n`);
		const result = checkContent(root);
		expect(result.buildErrors.map((p) => `${path.basename(p.file)}: ${p.message.split(' (')[0]}`)).toEqual([
			`other-cafe.md: "O'Zzholt-Qqin" is part of the name of the person behind "Margaret's knitting lessons"`,
		]);
		// In a shard, each neighbourhood's own files are checked against the whole network's names.
		expect(checkContent(root, { entryChecksOf: (n) => n === 'otherby' }).buildErrors).toHaveLength(1);
		expect(checkContent(root, { entryChecksOf: (n) => n === 'testwick' }).buildErrors).toEqual([]);
	});
});
