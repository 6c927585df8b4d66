/**
 * One mistake, one message: an entry that cannot be read, or a neighbourhood
 * whose index.md cannot, is reported in its own file, and a story's card
 * naming it is not blamed as well ("names no asset", "names a draft"),
 * which sent editors to fix a story that was right.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { FIXTURE_CONTENT, SAMPLE_CONTENT } from '../helpers/build.ts';

// The sample's dates are real ones, so the check runs as on the day it is run (staleness only warns).
const today = new Date();
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function sampleWith(file: string, change: (text: string) => string): string {
	root = mkdtempSync(path.join(tmpdir(), 'glg-one-'));
	cpSync(SAMPLE_CONTENT, root, { recursive: true });
	const target = path.join(root, 'neighbourhoods', file);
	writeFileSync(target, change(readFileSync(target, 'utf8')));
	return root;
}

/** The files the check's errors are in. */
const filesWithErrors = (dir: string) =>
	[...new Set(checkContent(dir, { today }).problems.filter((p) => p.severity !== 'warning').map((p) => path.relative(dir, p.file)))].sort();

describe('a story card naming an entry that has problems of its own', () => {
	it('leaves the story alone when the entry it names cannot be read', () => {
		const dir = sampleWith('lockside/assets/repair-cafe.md', (text) => text.replace(/^summary:.*\n/m, ''));
		expect(filesWithErrors(dir)).toEqual(['neighbourhoods/lockside/assets/repair-cafe.md']);
	});

	it('leaves the stories alone when their neighbourhood cannot be read', () => {
		const dir = sampleWith('lockside/index.md', (text) => text.replace(/^name: .*$/m, 'name: 12'));
		expect(filesWithErrors(dir)).toEqual(['neighbourhoods/lockside/index.md']);
	});

	it('still blames the story for a card naming an entry that is not there', () => {
		const dir = sampleWith('lockside/stories/sawdust-in-my-hair.mdx', (text) => text.replace('<AssetCard slug="repair-cafe" />', '<AssetCard slug="repair-caff" />'));
		const problems = checkContent(dir, { today }).problems.filter((p) => p.severity !== 'warning');
		expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^<AssetCard slug="repair-caff" \/> names no asset of this neighbourhood/)]);
	});
});

describe('a story saved among the entries, or an entry among the stories', () => {
	function sampleMoving(from: string, to: string): string {
		root = mkdtempSync(path.join(tmpdir(), 'glg-one-'));
		cpSync(SAMPLE_CONTENT, root, { recursive: true });
		renameSync(path.join(root, 'neighbourhoods', from), path.join(root, 'neighbourhoods', to));
		return root;
	}
	const errorsOf = (dir: string, file: string) =>
		checkContent(dir, { today })
			.problems.filter((p) => p.severity !== 'warning' && p.file.endsWith(file))
			.map((p) => p.message);

	it('says, once, that a story is in assets/ and where to move it, not every field it lacks', () => {
		const dir = sampleMoving('lockside/stories/the-buggy-walk-got-me-out.md', 'lockside/assets/the-buggy-walk-got-me-out.md');
		expect(errorsOf(dir, 'assets/the-buggy-walk-got-me-out.md')).toEqual([
			expect.stringMatching(/^looks like a story \(it has author: and date:, and no kind:\), but it is in the assets\/ folder, so it will not be published as it is \(move it to .*neighbourhoods\/lockside\/stories\/\)$/),
		]);
	});

	it('says the same of an entry in stories/', () => {
		const dir = sampleMoving('lockside/assets/tea-boat.md', 'lockside/stories/tea-boat.md');
		expect(errorsOf(dir, 'stories/tea-boat.md')).toEqual([expect.stringMatching(/^looks like an entry for the guide .* \(move it to .*neighbourhoods\/lockside\/assets\/\)$/)]);
	});
});

describe('links in the words to pages of the guide', () => {
	it('names a link to an entry or story that is not there, with the address it probably meant', () => {
		const dir = sampleWith('lockside/stories/the-buggy-walk-got-me-out.md', (text) =>
			`${text}\nSee [Stay and Play](/lockside/assets/stay-and-plays/), the [walk](../../assets/buggy-walks/), [the walk](../../assets/buggy-walk/), [singing](/abbey-fields/assets/singing-for-memory/) and [home](/lockside/).\n`,
		);
		const problems = checkContent(dir, { today }).problems.filter((p) => p.severity !== 'warning');
		expect(problems.map((p) => p.message)).toEqual([
			'the link "/lockside/assets/stay-and-plays/" leads to no page of the guide, /lockside/assets/stay-and-plays/ (did you mean "/lockside/assets/stay-and-play/"? write the address of an entry or story that is published, like /<neighbourhood>/assets/<file name without .md>/)',
			'the link "../../assets/buggy-walks/" leads to no page of the guide, /lockside/assets/buggy-walks/ (did you mean "/lockside/assets/buggy-walk/"? write the address of an entry or story that is published, like /<neighbourhood>/assets/<file name without .md>/)',
		]);
		// An old name (alias) still leads to its entry, and the neighbourhood's own page is not an entry: neither is named.
	});

	it('counts a picture as a page only when the guide publishes it (as an entry\u2019s picture)', () => {
		root = mkdtempSync(path.join(tmpdir(), 'glg-one-'));
		cpSync(FIXTURE_CONTENT, root, { recursive: true });
		const entry = path.join(root, 'neighbourhoods/testwick/assets/weekly-group.md');
		writeFileSync(entry, `${readFileSync(entry, 'utf8')}\nSee [the garden](/testwick/images/garden.png) and [the form](/testwick/images/unused-private.png).\n`);
		const problems = checkContent(root, { today }).problems.filter((p) => p.message.startsWith('the link'));
		expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^the link "\/testwick\/images\/unused-private\.png" leads to no page of the guide/)]);
	});

	it('knows the base path of a site that has one, and a web address written without https://', () => {
		const dir = sampleWith('lockside/stories/the-buggy-walk-got-me-out.md', (text) =>
			`${text}\nSee [the week](/guides/lockside/whats-on/), [the week again](/lockside/whats-on/), [this week](../../whats-on/) and [the boat](www.teaboat.example.org).\n`,
		);
		const errors = () => checkContent(dir, { today }).problems.filter((p) => p.severity !== 'warning').map((p) => p.message);
		const web = 'the link "www.teaboat.example.org" is a web address without its start, so it would lead to a page of this guide that is not there (write https://www.teaboat.example.org)';
		// Checked without BASE_PATH (an editor's computer): a link that starts with a base is taken as meant.
		expect(errors()).toEqual([web]);
		const previous = process.env.BASE_PATH;
		process.env.BASE_PATH = '/guides/';
		try {
			expect(errors()).toEqual([
				'the link "/lockside/whats-on/" leaves out the start that every address on this site has, /guides/ (write /guides/lockside/whats-on/, or a link from this page, like ../../whats-on/)',
				web,
			]);
		} finally {
			if (previous === undefined) delete process.env.BASE_PATH;
			else process.env.BASE_PATH = previous;
		}
	});

	it('names a link to any other page of the guide that is not there, and passes the ones that are', () => {
		const dir = sampleWith('lockside/stories/the-buggy-walk-got-me-out.md', (text) =>
			[
				text,
				'Good: [the week](/lockside/whats-on), [this week](../../whats-on/), [food](/lockside/themes/food/), [large print](/lockside/print/large/), [the PDF](/lockside/guide.pdf), [search](/search/), [for surgeries](/for-surgeries), [Abbey Fields](/abbey-fields/).',
				'',
				'Not there: [the week](/lockside/whatson/), [gardens](/lockside/themes/gardening/), [home](/lockisde/), [stories](/lockside/stories/).',
				'',
			].join('\n'),
		);
		const problems = checkContent(dir, { today }).problems.filter((p) => p.severity !== 'warning');
		expect(problems.map((p) => p.message)).toEqual([
			'the link "/lockside/whatson/" leads to no page of the guide, /lockside/whatson/ (did you mean "/lockside/whats-on/"? write the address of a page of the guide, like /<neighbourhood>/whats-on/; docs/content-model.md lists them all)',
			expect.stringMatching(/^the link "\/lockside\/themes\/gardening\/" leads to no page of the guide, \/lockside\/themes\/gardening\/ \((did you mean "[^"]+"\? )?write the address of a page of the guide/),
			'the link "/lockisde/" leads to no page of the guide, /lockisde/ (did you mean "/lockside/"? write the address of a page of the guide, like /<neighbourhood>/whats-on/; docs/content-model.md lists them all)',
			expect.stringMatching(/^the link "\/lockside\/stories\/" leads to no page of the guide, \/lockside\/stories\/ \(/),
		]);
	});
});
