/**
 * An entry written where the guide does not read it must not vanish without a
 * word: every `.md` or `.mdx` file under neighbourhoods/ that is not an
 * index.md, or directly in a neighbourhood's assets/ or stories/, is an error
 * that says where it should go. Notes (names starting with "_" or ".") are
 * still left alone.
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';
import { checkContent } from '../../src/lib/check-content.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { FIXTURE_CONTENT, FIXTURE_TODAY } from '../helpers/build.ts';

afterAll(removeScratch);

const today = new Date(`${FIXTURE_TODAY}T00:00:00Z`);

/** A copy of the fixture site with `files` (paths under neighbourhoods/) copied from one of its entries. */
function siteWith(files: string[]): string {
	const root = scratchDir('glg-places-');
	cpSync(FIXTURE_CONTENT, root, { recursive: true });
	const entry = path.join(root, 'neighbourhoods/testwick/assets/weekly-group.md');
	for (const file of files) {
		const target = path.join(root, 'neighbourhoods', file);
		mkdirSync(path.dirname(target), { recursive: true });
		copyFileSync(entry, target);
	}
	return root;
}

/** The problems about files, with the folder's own path left out. */
function fileProblems(root: string): string[] {
	const prefix = `${path.relative(process.cwd(), root)}/`;
	return checkContent(root, { today })
		.problems.filter((p) => p.line === undefined)
		.map((p) => formatProblem(p).replaceAll(prefix, ''));
}

describe('names that an editor\u2019s program added to', () => {
	it('suggests the name without the extra ending, not "stay-and-play-md"', () => {
		const problems = fileProblems(siteWith(['testwick/assets/stay-and-play.md.txt', 'testwick/assets/knit-and-natter.md.md', 'testwick/assets/Tea Time.docx']));
		expect(problems).toEqual(
			expect.arrayContaining([
				'neighbourhoods/testwick/assets/stay-and-play.md.txt: is not a Markdown file, so it will not be published (name it "stay-and-play.md", or start its name with "_" to keep it as a note)',
				'neighbourhoods/testwick/assets/knit-and-natter.md.md: "knit-and-natter.md.md" is not a valid file name, so it will not be published (rename it "knit-and-natter.md": lowercase letters a-z, digits and single hyphens)',
				'neighbourhoods/testwick/assets/Tea Time.docx: is not a Markdown file, so it will not be published (name it "tea-time.md", or start its name with "_" to keep it as a note)',
			]),
		);
	});
});

describe('entries in places the guide does not read', () => {
	it('is an error for each, saying where it should go', () => {
		const root = siteWith([
			'testwick/assets/old/table-tennis.md',
			'table-tennis.md',
			'testwick/table-tennis.md',
			'testwick/asset/table-tennis.md',
			'testwick/stories/2025/a-day-out.mdx',
			'testwick/images/caption.md',
			'testwick/Notes.MD',
			'testwick/index.mdx',
		]);
		const problems = fileProblems(root);
		expect(problems).toMatchInlineSnapshot(`
			[
			  "neighbourhoods/table-tennis.md: is not inside a neighbourhood's folder, so it will not be published (move it to the assets/ or stories/ folder of its neighbourhood, like neighbourhoods/<neighbourhood>/assets/table-tennis.md, or start its name with "_" to keep it as a note)",
			  "neighbourhoods/testwick/assets/old/table-tennis.md: is in a folder inside assets/, where the guide does not look, so it will not be published (move it up into neighbourhoods/testwick/assets/, or start the folder's name with "_", like "_old", to keep what is in it as notes)",
			  "neighbourhoods/testwick/stories/2025/a-day-out.mdx: is in a folder inside stories/, where the guide does not look, so it will not be published (move it up into neighbourhoods/testwick/stories/, or start the folder's name with "_", like "_2025", to keep what is in it as notes)",
			  "neighbourhoods/testwick/Notes.MD: is not in a place the guide reads, so it will not be published (move it to neighbourhoods/testwick/assets/ if it is an entry, or to neighbourhoods/testwick/stories/ if it is a story; or start its name with "_" to keep it as a note)",
			  "neighbourhoods/testwick/asset/table-tennis.md: is not in a place the guide reads, so it will not be published (move it to neighbourhoods/testwick/assets/ if it is an entry, or to neighbourhoods/testwick/stories/ if it is a story; or start its name with "_" to keep it as a note)",
			  "neighbourhoods/testwick/images/caption.md: is not in a place the guide reads, so it will not be published (move it to neighbourhoods/testwick/assets/ if it is an entry, or to neighbourhoods/testwick/stories/ if it is a story; or start its name with "_" to keep it as a note)",
			  "neighbourhoods/testwick/index.mdx: is not in a place the guide reads, so it will not be published (the neighbourhood's own page must be called index.md: rename it)",
			  "neighbourhoods/testwick/table-tennis.md: is not in a place the guide reads, so it will not be published (move it to neighbourhoods/testwick/assets/ if it is an entry, or to neighbourhoods/testwick/stories/ if it is a story; or start its name with "_" to keep it as a note)",
			]
		`);
		// Errors, so neither the check nor the build lets them pass.
		const check = checkContent(root, { today });
		expect(check.buildErrors.filter((p) => p.line === undefined)).toHaveLength(problems.length);
	});

	it('leaves notes alone, and still only warns about other files', () => {
		const root = siteWith([
			'_table-tennis.md',
			'testwick/_table-tennis.md',
			'testwick/_notes/table-tennis.md',
			'testwick/assets/_old/table-tennis.md',
			'testwick/assets/.hidden/table-tennis.md',
			'testwick/assets/old/_table-tennis.md',
		]);
		writeFileSync(path.join(root, 'neighbourhoods/testwick/minutes.txt'), 'Minutes of the meeting\n');
		mkdirSync(path.join(root, 'neighbourhoods/testwick/leaflets'));
		writeFileSync(path.join(root, 'neighbourhoods/testwick/leaflets/leaflet.txt'), 'A leaflet\n');
		writeFileSync(path.join(root, 'neighbourhoods/testwick/images/credits.txt'), 'Photos by the association\n');
		expect(fileProblems(root)).toEqual([
			'neighbourhoods/testwick/leaflets: warning: is not part of the guide and will not be published (entries go in assets/ or stories/; start the name with "_" to keep it as a note)',
			'neighbourhoods/testwick/minutes.txt: warning: is not part of the guide and will not be published (entries go in assets/ or stories/; start the name with "_" to keep it as a note)',
		]);
		expect(checkContent(root, { today }).errors).toEqual([]);
	});
});
