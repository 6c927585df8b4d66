import { describe, expect, it } from 'vitest';
import { checkBody, estimateMarkdownNesting, type BodyContext } from '../../src/lib/safety/body.ts';
import { MAX_BODY_BYTES, MAX_NESTING } from '../../src/lib/safety/policy.ts';

const story: BodyContext = {
	format: 'mdx',
	contentPath: 'neighbourhoods/mill-lane/stories/a-story.mdx',
	fileExists: (path) => path === 'neighbourhoods/mill-lane/images/garden.jpg',
	assetState: (ref) => (ref === 'knit-and-natter' ? 'published' : ref === 'not-yet' ? 'draft' : 'missing'),
};
const markdown: BodyContext = { ...story, format: 'md', contentPath: 'neighbourhoods/mill-lane/assets/an-asset.md' };

const said = (body: string, context: BodyContext) => checkBody(body, context).map((f) => `${f.line}: ${f.message}`);

describe('MDX stories: words, not code', () => {
	it('lets words and the story components through', () => {
		const body = [
			'I had not sung for years.',
			'',
			'<PullQuote by="Jean">Pat played and I sang.</PullQuote>',
			'',
			'<AssetCard slug="knit-and-natter" />',
			'',
			'See [the library](https://library.example.org/) and ![the garden](../images/garden.jpg).',
		].join('\n');
		expect(checkBody(body, story)).toEqual([]);
	});

	it('refuses import, export and expressions, each on its line', () => {
		expect(said("import fs from 'node:fs';\n\nHi {process.env.HOME}.\n\nexport const a = 1;\n\n{fs.readFileSync('/etc/passwd')}", story))
			.toMatchInlineSnapshot(`
				[
				  "1: "import" is code, and a story is words, not code: it could read files on the computer that builds the guides (take the line out; <PullQuote> and <AssetCard> need no import)",
				  "3: {process.env.HOME} is code, and a story is words, not code (take the braces out; to show a brace, write \\{)",
				  "5: "export" is code, and a story is words, not code: it could read files on the computer that builds the guides (take the line out; <PullQuote> and <AssetCard> need no import)",
				  "7: {fs.readFileSync('/etc/passwd')} is code, and a story is words, not code (take the braces out; to show a brace, write \\{)",
				]
			`);
	});

	it('refuses unknown components and HTML tags, with a guess for a typo', () => {
		expect(said('<PullQoute>x</PullQoute>\n\n<Fetch />\n\n<script>{"x"}</script>\n\n<>fragment</>', story)).toMatchInlineSnapshot(`
			[
			  "1: <PullQoute> is not one of the story components (did you mean <PullQuote>? use <PullQuote> and <AssetCard>)",
			  "3: <Fetch> is not one of the story components (use <PullQuote> and <AssetCard>)",
			  "5: <script> is an HTML tag, and MDX stories use Markdown instead (write **bold**, lists with "- ", links as [words](https://address); the only tags are <PullQuote> and <AssetCard>)",
			  "5: {"x"} is code, and a story is words, not code (take the braces out; to show a brace, write \\{)",
			  "7: "<>" is code, and a story is words, not code (take it out)",
			]
		`);
	});

	it('takes only literal props that the component knows', () => {
		expect(
			said(
				'<PullQuote by={process.env.SECRET}>x</PullQuote>\n\n<AssetCard {...props} />\n\n<PullQuote who="me">x</PullQuote>\n\n<AssetCard />\n\n<AssetCard slug>x</AssetCard>',
				story,
			),
		).toMatchInlineSnapshot(`
			[
			  "1: <PullQuote by={...}> is code, and a story is words, not code (write by="..." in quotes, like <PullQuote by="Jean">A sentence worth lifting out.</PullQuote>)",
			  "3: <AssetCard {...props}> is code, and a story is words, not code (write each detail as name="words", like <AssetCard slug="singing-together" />)",
			  "5: <PullQuote> has no detail called "who" (it takes by="...", like <PullQuote by="Jean">A sentence worth lifting out.</PullQuote>)",
			  "7: <AssetCard> needs its slug="..." (the name of an asset file, without ".md", like <AssetCard slug="singing-together" />)",
			  "9: <AssetCard> slug needs a value (write slug="the name of an asset file, without ".md"", like <AssetCard slug="singing-together" />)",
			  "9: <AssetCard> stands on its own and takes no words inside (write it as <AssetCard slug="singing-together" />)",
			]
		`);
	});

	it('checks that an AssetCard names a published asset, when the assets are known', () => {
		expect(said('<AssetCard slug="no-such-place" />', story)).toEqual([
			'1: <AssetCard slug="no-such-place" /> names no asset of this neighbourhood (use the name of a file in its assets/ folder, without ".md", or "<neighbourhood>/<name>" for another one)',
		]);
		expect(said('<AssetCard slug="not-yet" />', story)[0]).toContain('names a draft');
		expect(said('<AssetCard slug="not-yet" />', { ...story, draft: true })).toEqual([]);
		expect(said('<AssetCard slug="no-such-place" />', { ...story, assetState: undefined })).toEqual([]);
	});

	it('refuses pictures that are not the neighbourhood\u2019s own files', () => {
		expect(
			said(
				'![a](../../../../etc/hostname?raw)\n\n![b](../../other-place/images/x.jpg)\n\n![c](../images/missing.jpg)\n\n![d](../images/notes.txt)\n\n![e](https://evil.example/p.png)',
				story,
			),
		).toMatchInlineSnapshot(`
			[
			  "1: the picture "../../../../etc/hostname?raw" is not a plain file name (put the picture in content/neighbourhoods/mill-lane/images/ and write ![what it shows](../images/<file name>))",
			  "3: the picture "../../other-place/images/x.jpg" is not in this neighbourhood's images folder, and the guides publish no other file (put the picture in content/neighbourhoods/mill-lane/images/ and write ![what it shows](../images/<file name>))",
			  "5: the picture "../images/missing.jpg" does not exist (check the file name and its capital letters, or add the picture to content/neighbourhoods/mill-lane/images/)",
			  "7: "../images/notes.txt" is not a picture the web can show (use a .jpg, .png or .webp file)",
			  "9: the picture "https://evil.example/p.png" is a picture on another website: the guides never load anything from anyone else’s server (put the picture in this neighbourhood’s images folder and write ![what it shows](../images/<file name>))",
			]
		`);
	});

	it('reports a story that cannot be read as MDX, with its line', () => {
		expect(said('Fine.\n\n<PullQuote by="x">\nnever closed', story)).toMatchInlineSnapshot(`
			[
			  "3: cannot be read as a story: <PullQuote by="x"> has no end (put </PullQuote> after its words, like <PullQuote by="Alan">Words</PullQuote>)",
			]
		`);
	});

	it('explains the mistakes editors make in plain words, with the fix, on the line of the mistake', () => {
		const cases: Array<[string, string]> = [
			['<AssetCard slug=\u201Cknit-and-natter\u201D />', '1: cannot be read as a story: the quote marks in <AssetCard slug=\u201Cknit-and-natter\u201D /> are curly ones, which word processors and phones put in; a story card needs straight ones (write <AssetCard slug="knit-and-natter" />, typing the quote marks in the GitHub editor or a plain text editor)'],
			['<PullQuote by=\u2018Jean\u2019>Sing.</PullQuote>', '1: cannot be read as a story: the quote marks in <PullQuote by=\u2018Jean\u2019> are curly ones, which word processors and phones put in; a story card needs straight ones (write <PullQuote by="Jean">, typing the quote marks in the GitHub editor or a plain text editor)'],
			['Tea is {\u00A32} a cup.', '1: cannot be read as a story: {\u00A32} is read as code: in a story, braces { } mean code (write \u00A32 without the braces, or write \\{ to show a brace)'],
			['Under fives {free.', '1: cannot be read as a story: a "{" starts code in a story, and this one is never closed (take it out, or write \\{ to show a brace)'],
			['I <3 the choir.', '1: cannot be read as a story: "<3" is read as the start of a story card or a tag: in a story, "<" starts one (write \\<3, or say it in words, like "less than")'],
			['Fine.\n\n<AssetCard slug="knit-and-natter">\n\nMore.', '3: cannot be read as a story: <AssetCard slug="knit-and-natter"> is not closed (a card ends with "/>": write <AssetCard slug="knit-and-natter" />)'],
			['<PullQuote by="Jean>Sing.</PullQuote>\n\nMore.', '1: cannot be read as a story: a quote mark in <PullQuote by="Jean> is not closed (each value needs one at both ends, like by="Alan")'],
		];
		for (const [body, message] of cases) expect(said(body, story), body).toEqual([message]);
		// Not blamed on what is right: an apostrophe inside straight quote marks, a brace written \\{, another card on the line.
		expect(said('Hi.\n\n<PullQuote by="Jean\u2019s daughter">Lovely</PullQuote>\n\nTickets {\u00A35} at the door.', story)).toEqual([
			'5: cannot be read as a story: {\u00A35} is read as code: in a story, braces { } mean code (write \u00A35 without the braces, or write \\{ to show a brace)',
		]);
		expect(said('Price \\{5\\} and {oops', story)).toEqual(['1: cannot be read as a story: a "{" starts code in a story, and this one is never closed (take it out, or write \\{ to show a brace)']);
		expect(said('<PullQuote by="Jean">Lovely</PullQuote> and <AssetCard slug="knit-and-natter">\n\nMore.', story)).toEqual([
			'1: cannot be read as a story: <AssetCard slug="knit-and-natter"> is not closed (a card ends with "/>": write <AssetCard slug="knit-and-natter" />)',
		]);
		// Anything else keeps the parser's words, with the general hint.
		expect(said('</PullQuote>', story)).toEqual([
			'1: cannot be read as an MDX story: Unexpected closing tag `</PullQuote>`, expected an open tag first (a story is Markdown, plus <PullQuote> and <AssetCard>; write a brace or "<" as \\{ or \\<)',
		]);
	});

	it('refuses unsafe links in MDX, where nothing is sanitised afterwards', () => {
		const [finding] = checkBody('[tap](javascript:alert(1))', story);
		expect(finding).toMatchObject({ line: 1, severity: 'error' });
		expect(finding.removedByBuild).toBeUndefined();
	});
});

describe('Markdown entries', () => {
	it('reports raw HTML and links the build leaves out, on the lines of the file', () => {
		const body = 'Hello.\n\n<script>alert(1)</script>\n\nA [link](javascript:alert(1)) and <b onclick="x()">bold</b>.\n\n[ref]: vbscript:x';
		const findings = checkBody(body, markdown);
		expect(findings.map((f) => [f.line, f.removedByBuild])).toEqual([
			[3, true],
			[5, true],
			[5, true],
			[7, true],
		]);
	});

	it('refuses a picture from the disk outside the images folder: the build would publish it', () => {
		const [finding] = checkBody('![x](../../../../secret.png)', markdown);
		expect(finding).toMatchObject({ line: 1, severity: 'error' });
		expect(finding.removedByBuild).toBeUndefined();
	});

	it('reads braces and tags as words, as Markdown does', () => {
		expect(checkBody('Bring {nothing} but yourself. 3 < 4. <https://example.org>', markdown)).toEqual([]);
	});
});

describe('very large and deeply nested bodies', () => {
	const cases: Array<[string, string]> = [
		['quotes in quotes', `${'>'.repeat(50_000)} deep`],
		['lists in lists', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
		['tags in tags', `${'<div>'.repeat(50_000)}x`],
		['components in components', `${'<PullQuote>'.repeat(20_000)}x${'</PullQuote>'.repeat(20_000)}`],
	];
	it.each(cases)('refuses %s quickly, without crashing', (_, body) => {
		for (const format of ['md', 'mdx'] as const) {
			const started = performance.now();
			const findings = checkBody(body, { ...markdown, format });
			expect(performance.now() - started).toBeLessThan(2000);
			expect(findings).toHaveLength(1);
			expect(findings[0].message).toContain(`nested more than ${MAX_NESTING} deep`);
			expect(findings[0].removedByBuild).toBeUndefined();
		}
	});

	it('refuses a body larger than anyone can read, without parsing it', () => {
		const body = `${'A long line of words about the hall. '.repeat(20)}\n\n`.repeat(Math.ceil(MAX_BODY_BYTES / 700) + 10);
		const started = performance.now();
		const findings = checkBody(body, markdown);
		expect(performance.now() - started).toBeLessThan(500);
		expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^the text is \d+ KB, more than anyone can read on one page/)]);
	});

	it('reads a long but ordinary entry quickly', () => {
		const body = `${'Words and <b>bold</b> and [a link](https://example.org/). '.repeat(20)}\n\n`.repeat(250);
		const started = performance.now();
		expect(checkBody(body, markdown)).toEqual([]);
		expect(performance.now() - started).toBeLessThan(3000);
	});

	it('counts block nesting from the line starts', () => {
		expect(estimateMarkdownNesting('> > - 1. x')).toBe(4);
		expect(estimateMarkdownNesting('      - x')).toBe(4);
		expect(estimateMarkdownNesting('plain text\n\n    indented code')).toBe(0);
	});
});
