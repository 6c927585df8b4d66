import { htmlToHast } from 'satteri';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { PLAIN_ELEMENTS, estimateNesting, findHtmlProblems, isPlainHtml, sanitizeHtml } from '../../src/lib/safety/html.ts';
import { ALLOWED_ELEMENTS, MAX_NESTING, REQUIRED_VALUES, checkUrl, relFor } from '../../src/lib/safety/policy.ts';

/** What a browser would make of the HTML, written out again: the sanitiser's output of something it keeps whole. */
const canonical = (html: string) => toHtml(htmlToHast(html, { fragment: true }) as Root);

/** Raw HTML that must not reach a page as written. */
const HOSTILE = [
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	`<img src=x onerror=alert(1)>`,
	`<b onclick="steal()">bold</b>`,
	`<p ONMOUSEOVER=x>shout</p>`,
	`<a href="javascript:alert(1)">x</a>`,
	`<a href="JaVaScRiPt:alert(1)">x</a>`,
	`<a href="java&#x09;script:alert(1)">x</a>`,
	`<a href="&#106;avascript:alert(1)">x</a>`,
	`<a href=" javascript:alert(1)">x</a>`,
	`<a href="vbscript:msgbox(1)">x</a>`,
	`<a href="data:text/html,<script>alert(1)</script>">x</a>`,
	`<a href="//evil.example/">x</a>`,
	`<iframe src="https://evil.example/"></iframe>`,
	`<object data="x.swf"></object>`,
	`<embed src="x.swf">`,
	`<form action="https://evil.example/"><input name=p></form>`,
	`<style>body{display:none}</style>`,
	`<link rel=stylesheet href=https://evil.example/x.css>`,
	`<div style="position:fixed">x</div>`,
	`<svg><script>alert(1)</script></svg>`,
	`<svg onload=alert(1)>`,
	`<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
	`<img src="https://evil.example/pixel.png">`,
	`<img src="data:image/svg+xml,<svg onload=alert(1)>">`,
	`<img srcset="https://evil.example/a.png 1x" src="/a.png">`,
	`<p class="skip-link">borrowed look</p>`,
	`<input type="password">`,
	`<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
	`<base href="https://evil.example/">`,
	`<template><script>alert(1)</script></template>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
	`<details open ontoggle=alert(1)>x</details>`,
	`<a href="https://example.org/" target="_blank">x</a>`,
];

/** Raw HTML residents may write, which must come through as it is. */
const HARMLESS = [
	`<abbr title="General Practitioner">GP</abbr>`,
	`<span lang="cy">Bore da</span>`,
	`<details open><summary>More</summary>Behind the library.</details>`,
	`<p>Water<sub>2</sub> and 10<sup>th</sup>, <mark>marked</mark>, <kbd>Enter</kbd>, <s>gone</s></p>`,
	`<a href="/mill-lane/">our guide</a>`,
	`<a href="#top">top</a>`,
	`<a href="mailto:hello@example.org">email</a>`,
	`<a href="tel:+441134960000">ring</a>`,
	`<img src="/mill-lane/images/garden.jpg" alt="The garden" width="400" height="300" loading="lazy" decoding="async">`,
	`<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">`,
	`<table><thead><tr><th scope="col">Day</th></tr></thead><tbody><tr><td>Monday</td></tr></tbody></table>`,
	`<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>`,
	`<pre><code class="language-js">let x = 1;</code></pre>`,
	`<h2 id="how-to-get-there">How to get there</h2>`,
	`<ol start="3" reversed><li>three</li></ol>`,
	`<time datetime="2026-06-01">1 June</time>`,
];

describe('the sanitiser', () => {
	it.each(HOSTILE)('changes %s', (html) => {
		expect(sanitizeHtml(html)).not.toBe(canonical(html));
	});

	it.each(HARMLESS)('keeps %s as it is', (html) => {
		expect(sanitizeHtml(html)).toBe(canonical(html));
	});

	it('leaves no script, handler, style, frame or other site behind', () => {
		const out = sanitizeHtml(HOSTILE.join('\n'));
		expect(out).not.toMatch(/<(script|style|iframe|object|embed|form|link|meta|base|svg|math|template|noscript)\b/i);
		expect(out).not.toMatch(/\son[a-z]+=/i);
		expect(out).not.toMatch(/(href|src)="\s*(javascript|vbscript|data:text)/i);
		expect(out).not.toMatch(/evil\.example/);
		expect(out).not.toMatch(/style=/);
	});

	it('keeps the words of what it takes out, except code and other sites\u2019 content', () => {
		expect(sanitizeHtml('<b onclick="x()">bold words</b>')).toBe('<b>bold words</b>');
		expect(sanitizeHtml('<font color=red>red words</font>')).toBe('red words');
		expect(sanitizeHtml('<a href="javascript:alert(1)">tap me</a>')).toBe('<a>tap me</a>');
		expect(sanitizeHtml('<script>alert("no words")</script>after')).toBe('after');
		expect(sanitizeHtml('<style>p{}</style>after')).toBe('after');
	});

	it('marks links to other sites noopener noreferrer, and only those', () => {
		expect(sanitizeHtml('<a href="https://library.example.org/">library</a>')).toBe(
			'<a href="https://library.example.org/" rel="noopener noreferrer">library</a>',
		);
		expect(sanitizeHtml('<a href="https://x.example/" rel="opener">x</a>')).toBe('<a href="https://x.example/" rel="noopener noreferrer">x</a>');
		expect(sanitizeHtml('<a href="/mill-lane/">guide</a>')).toBe('<a href="/mill-lane/">guide</a>');
	});

	it('keeps a task-list box but turns no other input into one', () => {
		expect(sanitizeHtml('<input type="checkbox">')).toBe('<input type="checkbox" disabled>');
		expect(sanitizeHtml('<label>Password <input type="password" name="p"></label>')).toBe('Password ');
	});

	it('refuses to take apart HTML nested deeper than anyone writes, quickly', () => {
		const deep = '<div>'.repeat(100_000) + 'x';
		const started = performance.now();
		expect(sanitizeHtml(deep)).toBe('<p>This part of the guide could not be shown.</p>');
		expect(performance.now() - started).toBeLessThan(1000);
		expect(sanitizeHtml('<div>'.repeat(MAX_NESTING) + 'x')).toContain('x');
	});
});

describe('what the check says about raw HTML', () => {
	it.each(HOSTILE)('finds something in %s', (html) => {
		expect(findHtmlProblems(html).length).toBeGreaterThan(0);
	});

	it.each(HARMLESS)('finds nothing in %s', (html) => {
		expect(findHtmlProblems(html)).toEqual([]);
	});

	it('agrees with the sanitiser: a problem is reported exactly when the page would differ', () => {
		for (const html of [...HOSTILE, ...HARMLESS]) {
			const reported = findHtmlProblems(html).length > 0;
			const changed = sanitizeHtml(html) !== canonical(html);
			expect({ html, reported }).toEqual({ html, reported: changed });
		}
	});

	it('tells a story card in a plain Markdown file to go in an .mdx file, and still leaves it out', () => {
		expect(findHtmlProblems('<AssetCard slug="buggy-walk" />').map((p) => p.message)).toEqual([
			'<AssetCard> works only in a story written as MDX (a file in stories/ whose name ends in .mdx), and this file is plain Markdown, so the page leaves it out (if this is a story, rename the file to end in .mdx instead of .md)',
		]);
		expect(findHtmlProblems('<PullQuote>Words</PullQuote>')[0].message).toMatch(/^<PullQuote> works only in a story written as MDX/);
		expect(sanitizeHtml('<p>Before</p><AssetCard slug="buggy-walk"></AssetCard>')).not.toMatch(/assetcard/i);
	});

	it('says what is wrong, why, and how to fix it', () => {
		expect(findHtmlProblems('<script>alert(1)</script>').map((p) => p.message)).toMatchInlineSnapshot(`
			[
			  "<script> is not allowed in a guide: scripts would run on readers’ phones. The page leaves it out, with everything inside it (take it out, and use Markdown for formatting: **bold**, lists with "- ", links as [words](https://address))",
			]
		`);
		expect(findHtmlProblems('<b onclick="steal()">x</b>').map((p) => p.message)).toMatchInlineSnapshot(`
			[
			  "onclick="..." on <b> is not allowed: it is a script that runs when someone reads or taps. The page keeps the words without it (take it out)",
			]
		`);
		expect(findHtmlProblems('<a href="javascript:alert(1)">x</a>').map((p) => p.message)).toMatchInlineSnapshot(`
			[
			  "the link "javascript:alert(1)" would run a script when someone taps it. The page shows the words without the link (link to a web page (https://...), an email address (mailto:...) or a phone number (tel:...))",
			]
		`);
	});

	it('finds the line of each problem inside a block of HTML', () => {
		const block = '<div>\n<p>fine</p>\n<img src=x\n  onerror=alert(1)>\n<script>x</script>\n</div>';
		expect(findHtmlProblems(block).map((p) => p.lineOffset)).toEqual([3, 4]);
	});
});

describe('addresses', () => {
	it.each([
		['https://example.org/', 'link', true],
		['http://example.org/', 'link', true],
		['mailto:a@example.org', 'link', true],
		['tel:+441134960000', 'link', true],
		['/mill-lane/', 'link', true],
		['../other/', 'link', true],
		['#top', 'link', true],
		['javascript:alert(1)', 'link', false],
		[' \u0000JAVASCRIPT:alert(1)', 'link', false],
		['java\tscript:alert(1)', 'link', false],
		['java\nscript:alert(1)', 'link', false],
		['vbscript:x', 'link', false],
		['data:text/html,x', 'link', false],
		['file:///etc/passwd', 'link', false],
		['//evil.example/', 'link', false],
		['\\\\evil.example/', 'link', false],
		['../images/garden.jpg', 'image', true],
		['/_astro/garden.webp', 'image', true],
		['data:image/png;base64,AAAA', 'image', true],
		['data:image/svg+xml,<svg onload=alert(1)>', 'image', false],
		['data:text/html,x', 'image', false],
		['https://evil.example/pixel.png', 'image', false],
		['//evil.example/pixel.png', 'image', false],
	] as const)('%s as a %s: %s', (url, use, ok) => {
		expect(checkUrl(url, use).ok).toBe(ok);
	});

	it('gives rel only to links that leave the site', () => {
		expect(relFor('https://example.org/')).toBe('noopener noreferrer');
		expect(relFor('mailto:a@example.org')).toBeUndefined();
		expect(relFor('/privacy/')).toBeUndefined();
		expect(relFor(undefined)).toBeUndefined();
	});
});

describe('nesting, counted without parsing', () => {
	it('counts tags as a browser would open them', () => {
		expect(estimateNesting('<div><div><span>x</span></div></div>')).toBe(3);
		expect(estimateNesting('<p>a<p>b<p>c')).toBe(0);
		expect(estimateNesting('<AssetCard slug="x" />'.repeat(500))).toBe(0);
		expect(estimateNesting('<https://example.org> <me@example.org>'.repeat(500))).toBe(0);
		// Quoted "<" inside an attribute does not hide a tag from the count.
		expect(estimateNesting('<div title="<">'.repeat(200))).toBe(200);
	});

	it('stays linear on text made to be slow', () => {
		for (const text of ['<a '.repeat(200_000), '<div'.repeat(200_000), `${'<'.repeat(300_000)}div>`]) {
			const started = performance.now();
			estimateNesting(text);
			expect(performance.now() - started).toBeLessThan(500);
		}
	});
});

describe('skipping the sanitiser for plain words', () => {
	const render = (markdown: string) => markdownToHtml(markdown, { features: { gfm: true, smartPunctuation: true } }).html;
	const PLAIN = [
		'# A heading\n\nWords, **bold** and *not*, `code`, ~~gone~~ and "quotes" -- dashes...',
		'- one\n- two\n  1. nested\n\n> a quote\n\n---\n\n```\nlet x = 1;\n```',
		'javascript:alert(1) written as words, {braces} and &#106;avascript: and &lt;script&gt; and <not a tag',
		'Ring 07700 900999 and ask for the warden\\\nafter a hard break.',
	];

	it.each(PLAIN)('is safe: the sanitiser would change nothing in %j', (markdown) => {
		const html = render(markdown);
		expect(isPlainHtml(html), html).toBe(true);
		expect(sanitizeHtml(html)).toBe(canonical(html));
	});

	it('keeps a heading plain with the id the renderer gives it, and nothing else', () => {
		expect(isPlainHtml('<h2 id="where-we-meet">Where we meet</h2><p>Words.</p>')).toBe(true);
		expect(sanitizeHtml('<h2 id="where-we-meet">Where we meet</h2>')).toBe('<h2 id="where-we-meet">Where we meet</h2>');
		for (const html of ['<h2 id="x" class="y">a</h2>', '<h2 id=x>a</h2>', '<h2 id="x" onclick="y()">a</h2>', '<p id="x">a</p>', '<h2 id="a b">a</h2>']) {
			expect(isPlainHtml(html), html).toBe(false);
		}
	});

	it.each([
		'<b onclick="x()">raw HTML</b>',
		'[a link](javascript:alert(1))',
		'[a link](https://example.org)',
		'![a picture](https://evil.example/p.png)',
		'[ref]: https://example.org\n\n[ref]',
		'<https://example.org>',
		'www.example.org',
		'https://example.org',
		'| a |\n|:--|\n| 1 |',
		'A footnote[^1]\n\n[^1]: note',
		'- [x] a task',
		'<!-- a note -->',
		'Email hello@example.org',
	])('is not skipped for what %j renders as', (markdown) => {
		const html = render(markdown);
		expect(isPlainHtml(html), html).toBe(false);
	});

	it.each(HOSTILE)('is never plain: %j', (html) => {
		expect(isPlainHtml(html)).toBe(false);
	});

	it('is not plain with any attribute, any other element or a different spelling of one', () => {
		for (const html of ['<p class="x">a</p>', '<p onclick="x()">a</p>', '<P>a</P>', '<p >a</p>', '<br/>', '<br />', '<span>a</span>', '<div>a</div>', '<pre><code class="language-js">x</code></pre>', '<ol start="3"><li>a</li></ol>', '<p>a</p><', '<!doctype html>']) {
			expect(isPlainHtml(html), html).toBe(false);
		}
	});

	it('lists only elements the policy keeps as written, with no attribute it requires', () => {
		for (const tag of PLAIN_ELEMENTS) {
			expect(ALLOWED_ELEMENTS[tag], tag).toBeDefined();
			expect(REQUIRED_VALUES[tag], tag).toBeUndefined();
			const html = tag === 'li' ? '<ul><li>x</li></ul>' : `<${tag}>x</${tag}>`;
			expect(sanitizeHtml(html), tag).toBe(canonical(html));
		}
	});
});

describe('the host headers file', () => {
	it('carries the same policies as every page, and never stops the embeds being framed', async () => {
		const { readFileSync } = await import('node:fs');
		const { CONTENT_SECURITY_POLICY, REFERRER_POLICY } = await import('../../src/lib/safety/csp.ts');
		const headers = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
		expect(headers).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
		expect(headers).toContain(`  Referrer-Policy: ${REFERRER_POLICY}\n`);
		expect(headers.split('\n').filter((line) => !line.startsWith('#'))).not.toEqual(
			expect.arrayContaining([expect.stringMatching(/frame-ancestors|X-Frame-Options/i)]),
		);
	});
});
