/**
 * What `checkContent` (and so `npm run check` and the build's preflight)
 * says about unsafe content and about consent written into the text.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fixtures = (name: string) => path.join(ROOT, 'test/fixtures', name);

function copyOf(folder: string): string {
	const target = mkdtempSync(path.join(tmpdir(), 'glg-check-'));
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

	it('finds nothing unsafe in the sample guides or the test fixture', () => {
		for (const folder of [path.join(ROOT, 'content'), fixtures('site')]) {
			expect(checkContent(folder).problems.map(formatProblem)).toEqual([]);
		}
	});
});

describe('consent in the words', () => {
	it('stops the build when a withheld surname, phone number or email is written in the text', () => {
		const root = copyOf(fixtures('site'));
		edit(root, 'neighbourhoods/testwick/assets/knitting-first-name.md', (text) =>
			text
				.replace('summary: Margaret teaches beginners to knit.', 'summary: Margaret Zzholt teaches beginners to knit.')
				.replace('Margaret learned from her grandmother.', 'Margaret learned from her grandmother.\n\nRing her on 07700-900-002 or write to Margaret.Zzholt@example.org.'),
		);
		const result = checkContent(root);
		const shown = result.buildErrors.map((p) => formatProblem(p).replace(/^.*knitting-first-name\.md/, 'knitting-first-name.md'));
		expect(shown).toMatchInlineSnapshot(`
			[
			  "knitting-first-name.md:3: summary: the surname "Zzholt" belongs to the person this entry is about, and their consent does not allow it to be published (take it out: only the first name "Margaret" may be shown, and people reach them through a connector; or, if they agreed to more, record consent: public with the new consent_date)",
			  "knitting-first-name.md:25: the surname "Zzholt" belongs to the person this entry is about, and their consent does not allow it to be published (take it out: only the first name "Margaret" may be shown, and people reach them through a connector; or, if they agreed to more, record consent: public with the new consent_date)",
			  "knitting-first-name.md:25: the phone number 07700 900002 belongs to the person this entry is about, and their consent does not allow it to be published (take it out: only the first name "Margaret" may be shown, and people reach them through a connector; or, if they agreed to more, record consent: public with the new consent_date)",
			  "knitting-first-name.md:25: the email address margaret.zzholt@example.org belongs to the person this entry is about, and their consent does not allow it to be published (take it out: only the first name "Margaret" may be shown, and people reach them through a connector; or, if they agreed to more, record consent: public with the new consent_date)",
			]
		`);
	});

	it('follows the person into the stories that link to their entry', () => {
		const root = copyOf(fixtures('site'));
		// Pat agreed to less: no name at all now. The story that links to Pat's entry still says "Pat".
		edit(root, 'neighbourhoods/testwick/assets/piano-gift.md', (text) => text.replace('consent: public', 'consent: via-connector'));
		const result = checkContent(root);
		const byFile = result.buildErrors.map((p) => `${path.basename(p.file)}:${p.line}${p.field ? ` ${p.field}` : ''}`);
		expect(byFile).toEqual(
			expect.arrayContaining(['piano-gift.md:2 title', 'piano-gift.md:3 summary', 'piano-gift.md:7 how_to_join', 'piano-gift.md:17', 'singing-story.mdx:14']),
		);
		expect(result.buildErrors.find((p) => p.file.endsWith('singing-story.mdx'))?.message).toContain('the name "Pat" belongs to the person in');
	});

	it('lets a first name through when consent is first-name', () => {
		const result = checkContent(fixtures('site'));
		expect(result.problems.filter((p) => /Margaret/.test(p.message))).toEqual([]);
	});
});
