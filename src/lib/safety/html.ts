/**
 * Raw HTML in Markdown, made safe. Two uses of one policy (policy.ts):
 *
 * - `sanitizeHtml`: the build passes every Markdown entry's finished HTML
 *   through it (EntryBody.astro). It parses as a browser does (Sätteri's
 *   HTML5 parser), keeps only what the allowlist names (hast-util-sanitize),
 *   checks every address, and marks external links noopener noreferrer.
 * - `findHtmlProblems`: `npm run check` and the build's preflight describe
 *   each thing the sanitiser would take out, with its line, so editors can
 *   fix the file instead of wondering where their words went.
 */
import type { Element, Nodes, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { find, html as htmlSchema } from 'property-information';
import { htmlToHast } from 'satteri';
import {
	ALLOWED_CLASS,
	ALLOWED_ELEMENTS,
	DROPPED_WITH_CONTENT,
	EXTERNAL_LINK_REL,
	GLOBAL_ATTRIBUTES,
	LINK_SCHEMES,
	HTML_FIX,
	MAX_NESTING,
	REQUIRED_VALUES,
	STORY_COMPONENTS,
	checkUrl,
	whyNotAllowed,
	type UrlUse,
} from './policy.ts';

/** Shown instead of text too deeply nested to take apart safely (the check has already refused it). */
const FAIL_CLOSED = '<p>This part of the guide could not be shown.</p>';

/** HTML attribute name → hast property name: `data-footnote-ref` → `dataFootnoteRef`. */
const property = (attribute: string) => find(htmlSchema, attribute).property;
/** hast property name → HTML attribute name. */
const attribute = (prop: string) => find(htmlSchema, prop).attribute;

function buildSchema(): Schema {
	const attributes: NonNullable<Schema['attributes']> = { '*': GLOBAL_ATTRIBUTES.map(property) };
	for (const [tag, names] of Object.entries(ALLOWED_ELEMENTS)) {
		attributes[tag] = names.map((name) => {
			const prop = property(name);
			if (name === 'class') return [prop, ALLOWED_CLASS];
			const required = REQUIRED_VALUES[tag]?.[name];
			return required === undefined ? prop : [prop, required];
		});
	}
	return {
		tagNames: Object.keys(ALLOWED_ELEMENTS),
		attributes,
		// REQUIRED_VALUES are enforced in checkAddresses below: an element without them goes, rather than being changed into one.
		required: {},
		strip: [...DROPPED_WITH_CONTENT],
		// Addresses are checked again below, more strictly; this is a first net.
		protocols: { href: [...LINK_SCHEMES], src: ['http', 'https', 'data'] },
		// Heading ids are the anchors people link to; prefixing them would break those links.
		clobber: [],
		clobberPrefix: '',
		allowComments: false,
		allowDoctypes: false,
		ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], caption: ['table'], li: ['ul', 'ol'] },
	};
}

export const SANITIZE_SCHEMA: Readonly<Schema> = buildSchema();

/** The safe version of a piece of HTML: only what the policy allows, addresses checked, external links marked. */
export function sanitizeHtml(html: string): string {
	if (html.length === 0) return '';
	if (estimateNesting(html) > MAX_NESTING) return FAIL_CLOSED;
	const tree = htmlToHast(html, { fragment: true }) as Root;
	const clean = sanitize(tree, SANITIZE_SCHEMA) as Root;
	checkAddresses(clean);
	return toHtml(clean);
}

/**
 * The elements plain words in Markdown come out as. Written exactly so, with
 * no attribute, each is one the policy keeps as it is (a heading may also
 * carry the id the renderer gives it, which the policy keeps too).
 */
export const PLAIN_ELEMENTS = ['p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** A "<" that does not open or close one of PLAIN_ELEMENTS as written above. */
const NOT_PLAIN = new RegExp(`<(?!/?(?:${PLAIN_ELEMENTS.join('|')})>|h[1-6] id="[a-z0-9-]+">)`);

/**
 * Whether a Markdown entry's finished HTML is plain words: every tag in it is
 * one of PLAIN_ELEMENTS, written without attributes. The renderer writes a
 * "<" in the text as "&lt;", so every "<" is a tag, and a tag the list does
 * not have (a link, a picture, a table, raw HTML, a comment, or any
 * attribute at all) makes it not plain. Plain HTML holds nothing the
 * sanitiser would take out, so the page uses it as it is and skips the
 * sanitiser's parse (about 0.2 ms a page). Most entries are like that.
 *
 * Decided on the HTML rather than the Markdown: the build keeps no entry's
 * Markdown once it is rendered (retainBody in src/content.config.ts), and
 * the HTML is what would reach the page.
 */
export function isPlainHtml(html: string): boolean {
	return !NOT_PLAIN.test(html);
}

/**
 * Links and pictures: a second, stricter look at every address, and rel on
 * external links; elements without the values they require go. Iterative: no deep recursion.
 */
function checkAddresses(root: Root) {
	const stack: Array<Root | Element> = [root];
	while (stack.length) {
		const parent = stack.pop()!;
		const kept: RootContent[] = [];
		for (const child of parent.children as RootContent[]) {
			if (child.type !== 'element') {
				kept.push(child);
				continue;
			}
			const required = REQUIRED_VALUES[child.tagName];
			if (required && !Object.entries(required).every(([name, value]) => value === true || child.properties[property(name)] === value)) continue;
			if (required) for (const [name, value] of Object.entries(required)) child.properties[property(name)] = value;
			if (child.tagName === 'img') {
				const src = child.properties.src;
				if (typeof src !== 'string' || !checkUrl(src, 'image').ok) continue;
			}
			if (child.tagName === 'a' && typeof child.properties.href === 'string') {
				const verdict = checkUrl(child.properties.href, 'link');
				if (!verdict.ok) delete child.properties.href;
				else if (verdict.external) child.properties.rel = EXTERNAL_LINK_REL.split(' ');
			}
			kept.push(child);
			stack.push(child);
		}
		(parent as { children: RootContent[] }).children = kept;
	}
}

/**
 * How deep tags nest, counted without parsing (so that a hostile file cannot
 * make a parser run out of stack or time). Every tag start counts, as a
 * browser would open it; unclosed tags over-count, which only makes it
 * stricter. Linear in the length of the text.
 */
export function estimateNesting(html: string): number {
	let depth = 0;
	let max = 0;
	let nextClose = -1;
	const tagStart = /<(\/?)([a-zA-Z][\w.-]*)(?=[\s/>]|$)/g;
	for (let match = tagStart.exec(html); match; match = tagStart.exec(html)) {
		if (match[1]) {
			depth = Math.max(0, depth - 1);
			continue;
		}
		if (VOID_ELEMENTS.has(match[2].toLowerCase())) continue;
		if (nextClose < tagStart.lastIndex) {
			const found = html.indexOf('>', tagStart.lastIndex);
			nextClose = found === -1 ? html.length : found;
		}
		if (html[nextClose - 1] === '/' && nextClose < html.length) continue; // <AssetCard slug="x" />
		if (++depth > max) max = depth;
	}
	return max;
}

/** Void elements, and elements whose end tag may be left out: neither can nest deeply in a browser. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rp', 'rt', 'colgroup']);

// ---------------------------------------------------------------------------
// Describing what the sanitiser would take out

export interface HtmlProblem {
	/** Lines after the first line of the HTML (0 = its first line). */
	lineOffset: number;
	message: string;
}

/** Everything in a piece of raw HTML that would not reach the page as written, in words. */
export function findHtmlProblems(source: string): HtmlProblem[] {
	if (estimateNesting(source) > MAX_NESTING) {
		return [{ lineOffset: 0, message: tooDeep('tags inside tags') }];
	}
	const problems: HtmlProblem[] = [];
	const locator = sourceLocator(source);
	const tree = htmlToHast(source, { fragment: true }) as Root;
	const stack: Nodes[] = [...(tree.children as Nodes[])].reverse();
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type === 'comment') {
			// Comments never reach the page; they are notes, not a danger. Say so only if they hide markup.
			if (/<[a-z!/]/i.test(node.value)) {
				problems.push({
					lineOffset: locator.find('!--'),
					message: 'an HTML comment is never shown, and the markup inside it is left out (take it out: notes for editors go in a file whose name starts with "_")',
				});
			}
			continue;
		}
		if (node.type !== 'element') continue;
		const tag = node.tagName;
		const at = locator.find(tag);
		const allowed = ALLOWED_ELEMENTS[tag];
		const component = Object.keys(STORY_COMPONENTS).find((name) => name.toLowerCase() === tag);
		if (!allowed && component) {
			// A story component in a Markdown file: HTML reads <AssetCard> as an unknown tag, but the fix is the file's name.
			problems.push({
				lineOffset: at,
				message: `<${component}> works only in a story written as MDX (a file in stories/ whose name ends in .mdx), and this file is plain Markdown, so the page leaves it out (if this is a story, rename the file to end in .mdx instead of .md)`,
			});
			continue;
		}
		if (!allowed) {
			const dropped = DROPPED_WITH_CONTENT.includes(tag);
			problems.push({
				lineOffset: at,
				message: `<${tag}> is not allowed in a guide: ${whyNotAllowed(tag)}. The page leaves it out${dropped ? ', with everything inside it' : ' and keeps only its words'} (${HTML_FIX})`,
			});
			if (dropped) continue;
		} else {
			for (const [prop, value] of Object.entries(node.properties ?? {})) {
				const name = attribute(prop);
				const lineOffset = locator.attribute(name);
				if (!allowed.includes(name) && !GLOBAL_ATTRIBUTES.includes(name)) {
					problems.push({ lineOffset, message: attributeMessage(tag, name) });
					continue;
				}
				if (name === 'class') {
					const bad = (Array.isArray(value) ? value : [value]).map(String).filter((c) => !ALLOWED_CLASS.test(c));
					if (bad.length) {
						problems.push({
							lineOffset,
							message: `class="${bad.join(' ')}" on <${tag}> is not kept: text cannot borrow the look of the page's own parts (take the class out)`,
						});
					}
				}
				const required = REQUIRED_VALUES[tag]?.[name];
				if (required !== undefined && value !== required) {
					problems.push({ lineOffset, message: `<${tag}> may only be a ${tag === 'input' ? 'ticked or empty box in a list ("- [x]")' : 'fixed element'} (${HTML_FIX})` });
				}
				const use: UrlUse | undefined = tag === 'a' && name === 'href' ? 'link' : tag === 'img' && name === 'src' ? 'image' : undefined;
				if (use && typeof value === 'string') {
					const verdict = checkUrl(value, use);
					if (!verdict.ok) problems.push({ lineOffset, message: addressMessage(use, value, verdict) });
				}
			}
		}
		const children = (node.children ?? []) as Nodes[];
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
	}
	return problems;
}

function attributeMessage(tag: string, name: string): string {
	if (/^on/i.test(name)) {
		return `${name}="..." on <${tag}> is not allowed: it is a script that runs when someone reads or taps. The page keeps the words without it (take it out)`;
	}
	if (name === 'style') {
		return `style="..." on <${tag}> is not allowed: the guides look the same everywhere, so that they stay easy to read. The page keeps the words without it (take it out)`;
	}
	return `the attribute ${name} on <${tag}> is not kept (take it out)`;
}

/** What is wrong with an address; `removed` says that the page goes without it (Markdown), rather than the build stopping (MDX). */
export function addressMessage(use: UrlUse, value: string, verdict: { reason: string; fix: string }, removed = true): string {
	const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
	if (use === 'link') return `the link "${shown}" ${verdict.reason}${removed ? '. The page shows the words without the link' : ''} (${verdict.fix})`;
	return `the picture "${shown}" ${verdict.reason}${removed ? '. The page leaves it out' : ''} (${verdict.fix})`;
}

export function tooDeep(what: string): string {
	return `${what} are nested more than ${MAX_NESTING} deep, which no reader can follow and which could stall the build (simplify it: a guide page needs a few levels at most)`;
}

/** Finds roughly where in the source an element or attribute was written, walking forward as elements are met in order. */
function sourceLocator(source: string) {
	const lower = source.toLowerCase();
	let cursor = 0;
	let tagStart = 0;
	const lineAt = (index: number) => {
		let lines = 0;
		for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) lines++;
		return lines;
	};
	return {
		find(tag: string): number {
			const pattern = new RegExp(`<${tag.replace(/[^a-z0-9!-]/g, '')}(?=[\\s/>]|$)`, 'g');
			pattern.lastIndex = cursor;
			const match = pattern.exec(lower) ?? ((pattern.lastIndex = 0), pattern.exec(lower));
			if (!match) return lineAt(tagStart);
			tagStart = match.index;
			cursor = match.index + 1;
			return lineAt(match.index);
		},
		attribute(name: string): number {
			const index = lower.indexOf(name.toLowerCase(), tagStart);
			return lineAt(index === -1 ? tagStart : index);
		},
	};
}
