/**
 * `npm run new`: the file it makes fails the check, line by line, until its
 * placeholders are filled, then passes; optional fields come alive by
 * deleting one "#"; names are checked; nothing is ever overwritten.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { NewEntryError, createEntry, slugFromTitle, type NewEntryOptions } from '../../src/lib/new-entry.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { TEMPLATE_BODY_MARK } from '../../src/lib/templates.ts';
import { fill, useEveryField } from '../helpers/templates.ts';
import { ROOT } from '../helpers/build.ts';

const today = new Date('2026-06-01T00:00:00Z');
let dir: string;

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'glg-new-'));
	// A valid content folder with two neighbourhoods and a picture.
	cpSync(path.join(ROOT, 'test/fixtures/good/edge'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const make = (options: Partial<NewEntryOptions> & Pick<NewEntryOptions, 'type' | 'n'>) =>
	createEntry({ contentDir: dir, today, ...options });

/** Problems of one file, as the check prints them, with the folder left out. */
function problemsOf(file: string): string[] {
	const check = checkContent(dir, { today });
	return check.problems.filter((p) => path.resolve(p.file) === path.resolve(file)).map((p) => formatProblem({ ...p, file: path.basename(file) }));
}

describe('npm run new', () => {
	it('makes an entry that fails the check at each placeholder, then passes once they are filled', () => {
		const made = make({ type: 'asset', n: 'millbrook', title: 'Tea on the Boat' });
		expect(made).toEqual({ file: path.relative(process.cwd(), path.join(dir, 'neighbourhoods/millbrook/assets/tea-on-the-boat.md')), address: '/millbrook/assets/tea-on-the-boat/' });
		const text = readFileSync(made.file, 'utf8');
		expect(text).toContain('title: "Tea on the Boat"');
		expect(text).toContain('last_checked: 2026-06-01');
		expect(problemsOf(made.file)).toMatchInlineSnapshot(`
			[
			  "tea-on-the-boat.md:13: summary: is not filled in yet: it still says "<what it is and who it is for>" (write your own words in its place)",
			  "tea-on-the-boat.md:16: kind: is not filled in yet: it still says "<gift, group, place, organisation or business>" (use one of: gift, group, place, organisation, business)",
			  "tea-on-the-boat.md:19: themes[0]: is not filled in yet: it still says "<theme id>" (use one of the ids in content/themes.yaml: company-and-a-cuppa, music-and-singing, making-and-creating)",
			  "tea-on-the-boat.md:36: cost: is not filled in yet: it still says "<free, donation or paid>" (use one of: free, donation, paid)",
			  "tea-on-the-boat.md:80: the text still has the example paragraph from the template (write your own words in its place)",
			]
		`);

		// Filled in, but the example paragraph left: the check points at it.
		writeFileSync(made.file, fill(text).replace('We meet every week. Everyone is welcome.', `${TEMPLATE_BODY_MARK} say more about it.`));
		expect(problemsOf(made.file)).toMatchInlineSnapshot(`
			[
			  "tea-on-the-boat.md:80: the text still has the example paragraph from the template (write your own words in its place)",
			]
		`);

		writeFileSync(made.file, fill(text));
		expect(problemsOf(made.file)).toEqual([]);
	});

	it('lets every optional field be used by deleting its "#", and checks those too', () => {
		const made = make({ type: 'asset', n: 'millbrook', title: 'Everything', kind: 'gift' });
		const everything = useEveryField(readFileSync(made.file, 'utf8'));
		writeFileSync(made.file, everything);
		const problems = problemsOf(made.file);
		// Every field is read (no YAML mistakes), and each placeholder is reported as not filled in.
		expect(problems.length).toBeGreaterThan(15);
		for (const p of problems) expect(p).toMatch(/is not filled in yet|does not exist|draft|example paragraph from the template/);

		writeFileSync(made.file, fill(everything).replace('draft: true', 'draft: false'));
		expect(problemsOf(made.file)).toEqual([]);
		const data = checkContent(dir, { today }).loaded.assets.find((a) => a.slug === 'everything')?.data;
		expect(data).toMatchObject({ kind: 'gift', consent: 'first-name', when: [{ day: 'tuesday', start: '10:00', end: '12:00' }], image: { src: '../images/garden.png' } });
	});

	it('asks for consent when the entry is a gift', () => {
		const made = make({ type: 'asset', n: 'millbrook', title: "Joan's piano", kind: 'gift' });
		expect(made.file.endsWith('joans-piano.md')).toBe(true);
		const text = readFileSync(made.file, 'utf8');
		expect(text).toContain('kind: gift');
		expect(text).toContain('consent_date: 2026-06-01');
		expect(problemsOf(made.file).find((p) => p.includes('consent:'))).toMatchInlineSnapshot(`"joans-piano.md:66: consent: is not filled in yet: it still says "<public, first-name or via-connector>" (use one of: public, first-name, via-connector)"`);
	});

	it('makes a story that cannot be published until the author has agreed', () => {
		const made = make({ type: 'story', n: 'millbrook', title: 'My first walk', mdx: true });
		expect(made.file.endsWith('stories/my-first-walk.mdx')).toBe(true);
		expect(problemsOf(made.file)).toMatchInlineSnapshot(`
			[
			  "my-first-walk.mdx:12: summary: is not filled in yet: it still says "<what happened, in a sentence or two>" (write your own words in its place)",
			  "my-first-walk.mdx:14: author: is not filled in yet: it still says "<as the author chose to be named>" (write your own words in its place)",
			  "my-first-walk.mdx:30: consent.given: must be true: publish a story only when its author has agreed (until they do, add draft: true)",
			  "my-first-walk.mdx:39: the text still has the example paragraph from the template (write your own words in its place)",
			]
		`);
		const filled = fill(useEveryField(readFileSync(made.file, 'utf8'))).replace('draft: true', 'draft: false');
		writeFileSync(made.file, filled);
		expect(problemsOf(made.file)).toEqual([]);
	});

	it('makes a neighbourhood, named from its folder when no name is given', () => {
		const made = make({ type: 'neighbourhood', n: 'south-bank' });
		expect(made).toMatchObject({ address: '/south-bank/' });
		const text = readFileSync(made.file, 'utf8');
		expect(text).toContain('name: "South Bank"');
		expect(problemsOf(made.file)).toMatchInlineSnapshot(`
			[
			  "index.md:12: summary: is not filled in yet: it still says "<what sort of place it is, in a sentence or two>" (write your own words in its place)",
			  "index.md:14: area: is not filled in yet: it still says "<the streets and landmarks, like: Abbey Road, Priory Avenue and the park>" (write your own words in its place)",
			  "index.md:35: maintained_by.name: is not filled in yet: it still says "<the association's name>" (write your own words in its place)",
			  "index.md:42: the text still has the example paragraph from the template (write your own words in its place)",
			]
		`);
		writeFileSync(made.file, fill(useEveryField(text)).replace('draft: true', 'draft: false'));
		expect(problemsOf(made.file)).toEqual([]);
	});

	it('refuses the old name of an entry, whose address already leads to that entry', () => {
		const made = make({ type: 'asset', n: 'millbrook', title: 'Tea on the Boat' });
		writeFileSync(made.file, readFileSync(made.file, 'utf8').replace(/^---\n/, '---\naliases: [boat-tea]\n'));
		expect(() => make({ type: 'asset', n: 'millbrook', title: 'Boat Tea' })).toThrow(
			/"boat-tea" is the old name of .*tea-on-the-boat\.md \(in its aliases\), and links to it already printed or shared lead there, so nothing was written/,
		);
		expect(existsSync(path.join(dir, 'neighbourhoods/millbrook/assets/boat-tea.md'))).toBe(false);
		// A story has addresses of its own: the same name is free there.
		expect(() => make({ type: 'story', n: 'millbrook', title: 'Boat Tea' })).not.toThrow();
	});

	it('never overwrites a file, even one edited since', () => {
		const made = make({ type: 'asset', n: 'millbrook', title: 'Tea on the Boat' });
		writeFileSync(made.file, 'Words someone wrote.');
		expect(() => make({ type: 'asset', n: 'millbrook', title: 'Tea on the Boat' })).toThrow(/tea-on-the-boat\.md already exists, so nothing was written \(choose another title, or give the file another name with --slug <name>\)$/);
		expect(() => make({ type: 'story', n: 'millbrook', title: 'Across', slug: 'tea-on-the-boat' })).not.toThrow();
		// An entry as .mdx blocks the same name as .md, which would have the same address.
		expect(() => make({ type: 'story', n: 'millbrook', title: 'Tea on the Boat', mdx: true })).toThrow(/already exists/);
		expect(() => make({ type: 'neighbourhood', n: 'millbrook' })).toThrow(/already exists/);
		expect(readFileSync(made.file, 'utf8')).toBe('Words someone wrote.');
		expect(readFileSync(path.join(dir, 'neighbourhoods/millbrook/index.md'), 'utf8')).toContain('name: Millbrook');
	});

	it('checks names before writing anything', () => {
		const refusal = (options: Parameters<typeof make>[0]) => {
			try {
				make(options);
			} catch (error) {
				expect(error).toBeInstanceOf(NewEntryError);
				return (error as Error).message.replaceAll(path.relative(process.cwd(), dir), '<content>');
			}
			throw new Error('expected a refusal');
		};
		expect([
			refusal({ type: 'asset', n: 'Mill Brook', title: 'Tea' }),
			refusal({ type: 'asset', n: 'millbrok', title: 'Tea' }),
			refusal({ type: 'entry', n: 'millbrook', title: 'Tea' }),
			refusal({ type: 'asset', n: 'millbrook', title: '' }),
			refusal({ type: 'asset', n: 'millbrook', title: 'x'.repeat(81) }),
			refusal({ type: 'asset', n: 'millbrook', title: 'Tea', kind: 'grop' }),
			refusal({ type: 'asset', n: 'millbrook', title: 'Tea', slug: 'Tea Time' }),
			refusal({ type: 'asset', n: 'millbrook', title: 'Tea', mdx: true }),
		]).toMatchInlineSnapshot(`
			[
			  ""Mill Brook" is not a valid neighbourhood folder name (use lowercase letters a-z, digits and single hyphens, like "mill-brook")",
			  "there is no neighbourhood "millbrok" in <content>/neighbourhoods (did you mean "millbrook"? the neighbourhoods are: eastfield, millbrook; to start a new one: npm run new -- neighbourhood millbrok "Its name")",
			  ""entry" is not something this can make (use asset, story or neighbourhood)",
			  "give the entry a title, in quotes (like: npm run new -- asset millbrook "Knit and Natter")",
			  "the title is 81 characters long (keep it to 80 or fewer)",
			  ""grop" is not a kind of entry (did you mean "group"? use one of: gift, group, place, organisation, business)",
			  ""Tea Time" is not a valid file name (use lowercase letters a-z, digits and single hyphens, like "tea-time")",
			  "--mdx is for a story only",
			]
		`);
		expect(checkContent(dir, { today }).problems).toEqual([]);
	});

	it('keeps file names short enough to read in an address', () => {
		expect(slugFromTitle('A retired nurse who will sit with your loved one while you go out')).toBe('a-retired-nurse-who-will-sit-with-your-loved-one');
		expect(slugFromTitle('Chai & Chat!')).toBe('chai-and-chat');
	});

	it('runs from the command line: exit 0 when made, 1 when refused, 2 when not understood', () => {
		const run = (...args: string[]) =>
			spawnSync(process.execPath, ['--experimental-strip-types', path.join(ROOT, 'scripts/new.ts'), ...args], {
				encoding: 'utf8',
				env: { ...process.env, CONTENT_DIR: dir, GUIDE_TODAY: '2026-05-20' },
			});
		const made = run('asset', 'millbrook', 'Tea on the Boat');
		expect(made.status).toBe(0);
		expect(made.stdout).toContain('Created ');
		const file = path.join(dir, 'neighbourhoods/millbrook/assets/tea-on-the-boat.md');
		expect(readFileSync(file, 'utf8')).toContain('last_checked: 2026-05-20');

		const again = run('asset', 'millbrook', 'Tea on the Boat');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('already exists, so nothing was written');

		const unquoted = run('asset', 'millbrook', 'Tea', 'and', 'cake');
		expect(unquoted.status).toBe(2);
		expect(unquoted.stderr).toContain('put the title in quotes, like "Tea and cake"');
	});
});
