/**
 * What is unsafe in the written part of an entry (its Markdown or MDX body),
 * each with its line. Parsed with Sätteri, the same parser the build renders
 * with, so the check and the build read the text the same way.
 *
 * - Markdown (.md): raw HTML and addresses the build's sanitiser would take
 *   out (the build leaves them out and carries on; the check says so), and
 *   pictures from outside the neighbourhood's images folder (refused: the
 *   build would read them from disk).
 * - MDX (.mdx): a story is words, not code. No import or export, no {...}
 *   expressions, only the story components with literal props, no HTML tags.
 *   Anything else is refused, by the check and by the build itself.
 */
import type { Nodes as MdastNodes } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { imageContentPath } from '../guide.ts';
import { didYouMean } from '../words.ts';
import { addressMessage, estimateNesting, findHtmlProblems, tooDeep } from './html.ts';
import { IMAGE_EXTENSIONS, MAX_BODY_BYTES, MAX_NESTING, STORY_COMPONENTS, checkUrl } from './policy.ts';

export interface BodyContext {
	format: 'md' | 'mdx';
	/** The entry's path under content/ (`neighbourhoods/x/stories/y.mdx`), to place its pictures. Absent outside content/. */
	contentPath?: string;
	/** Whether a file exists, by its path under content/ (pictures). */
	fileExists?: (contentPath: string) => boolean;
	/** What is wrong with a picture that exists (not a picture, or too big), by its path under content/. Absent in the build's own guard. */
	pictureProblem?: (contentPath: string) => { message: string; severity: 'error' | 'warning' } | undefined;
	/** What an `<AssetCard slug>` names. Absent when not known (the build's own guard); the slug is then not checked here. */
	/** `unreadable`: the asset's file (or its neighbourhood's index.md) is there, with problems of its own. */
	assetState?: (ref: string) => 'published' | 'draft' | 'missing' | 'unreadable';
	/** Whether the entry is a draft (a draft may name a draft asset). */
	draft?: boolean;
	/**
	 * For a link to an entry's or a story's page (`/<n>/assets/<slug>/`, as the site's path): whether that
	 * page is in the guide, or the address it probably meant. Absent when not known.
	 */
	guidePage?: (sitePath: string, fromRoot: boolean) => { exists: boolean; suggestion?: string; base?: string };
}

/** The site path of the page an entry's words are on: `neighbourhoods/x/stories/y.mdx` → `/x/stories/y/`. */
function pageOfContent(contentPath: string): string | undefined {
	const entry = /^neighbourhoods\/([^/]+)\/(assets|stories)\/([^/]+)\.mdx?$/.exec(contentPath);
	if (entry) return `/${entry[1]}/${entry[2]}/${entry[3]}/`;
	const hood = /^neighbourhoods\/([^/]+)\/index\.md$/.exec(contentPath);
	return hood ? `/${hood[1]}/` : undefined;
}

export interface BodyFinding {
	/** Line within the body (1-based). */
	line: number;
	column?: number;
	message: string;
	severity: 'error' | 'warning';
	/** The build leaves this out of the page and carries on; `npm run check` still reports it as an error. */
	removedByBuild?: boolean;
}

const FEATURES = { gfm: true } as const;

/** Everything unsafe in a body. Never throws: a body that cannot be read is itself a finding. */
export function checkBody(body: string, context: BodyContext): BodyFinding[] {
	const findings: BodyFinding[] = [];
	const refuse = (line: number, message: string, column?: number) => findings.push({ line, column, message, severity: 'error' });

	const bytes = Buffer.byteLength(body, 'utf8');
	if (bytes > MAX_BODY_BYTES) {
		refuse(
			1,
			`the text is ${Math.round(bytes / 1024)} KB, more than anyone can read on one page (the most is ${MAX_BODY_BYTES / 1024} KB: split it into several entries, or take out what was pasted by mistake)`,
		);
		return findings;
	}
	const depth = Math.max(estimateMarkdownNesting(body), estimateNesting(body));
	if (depth > MAX_NESTING) {
		refuse(1, tooDeep('quotes, lists or tags'));
		return findings;
	}
	// Most entries are plain words: nothing to parse for.
	if (context.format === 'md' && !/[<\]]/.test(body)) return findings;

	let tree: MdastNodes;
	try {
		tree = (context.format === 'mdx' ? mdxToMdast(body, { features: FEATURES }) : markdownToMdast(body, { features: FEATURES })) as MdastNodes;
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		if (error instanceof RangeError) {
			refuse(1, tooDeep('quotes, lists or tags'));
			return findings;
		}
		const at = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(text);
		const line = at ? Number(at[1]) : 1;
		const plain = explainMdxError(body, line, at ? at[3] : text);
		refuse(
			plain?.line ?? line,
			plain
				? `cannot be read as a story: ${plain.message}`
				: `cannot be read as an MDX story: ${at ? at[3] : text} (a story is Markdown, plus ${componentList()}; write a brace or "<" as \\{ or \\<)`,
			plain ? undefined : at ? Number(at[2]) : undefined,
		);
		return findings;
	}

	const definitions = new Map<string, { url: string; line: number }>();
	const imageRefs: Array<{ identifier: string; line: number }> = [];
	const stack: MdastNodes[] = [tree];
	while (stack.length) {
		const node = stack.pop()!;
		const line = node.position?.start.line ?? 1;
		const column = node.position?.start.column;
		switch (node.type as string) {
			case 'html': {
				for (const problem of findHtmlProblems((node as { value: string }).value)) {
					findings.push({ line: line + problem.lineOffset, message: problem.message, severity: 'error', removedByBuild: true });
				}
				break;
			}
			case 'link': {
				checkLink((node as { url: string }).url, line, column);
				break;
			}
			case 'definition': {
				const { url, identifier } = node as { url: string; identifier: string };
				definitions.set(identifier, { url, line });
				break;
			}
			case 'linkReference':
				break;
			case 'image': {
				checkImage((node as { url: string }).url, line, column);
				break;
			}
			case 'imageReference': {
				imageRefs.push({ identifier: (node as { identifier: string }).identifier, line });
				break;
			}
			case 'mdxjsEsm': {
				const value = (node as { value: string }).value.trimStart();
				const what = value.startsWith('export') ? 'export' : 'import';
				refuse(
					line,
					`"${what}" is code, and a story is words, not code: it could read files on the computer that builds the guides (take the line out; ${componentList()} need no import)`,
					column,
				);
				break;
			}
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const value = (node as { value: string }).value.trim();
				refuse(
					line,
					`{${value.length > 40 ? `${value.slice(0, 37)}...` : value}} is code, and a story is words, not code (take the braces out; to show a brace, write \\{)`,
					column,
				);
				break;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				checkElement(node as unknown as JsxElement, line, column);
				break;
			}
		}
		const children = (node as { children?: MdastNodes[] }).children;
		if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
	}
	for (const ref of imageRefs) {
		const definition = definitions.get(ref.identifier);
		if (definition) checkImage(definition.url, ref.line);
	}
	// Links by reference ([words][name]) use their definition: check each definition once, as a link.
	for (const definition of definitions.values()) {
		if (!imageRefs.some((ref) => definitions.get(ref.identifier) === definition)) checkLink(definition.url, definition.line);
	}
	return findings.sort((a, b) => a.line - b.line);

	function checkLink(url: string, line: number, column?: number) {
		const verdict = checkUrl(url, 'link');
		if (verdict.ok) {
			checkGuideLink(url, line, column);
			return;
		}
		const removed = context.format === 'md';
		findings.push({ line, column, message: addressMessage('link', url, verdict, removed), severity: 'error', ...(removed ? { removedByBuild: true } : {}) });
	}

	/** A link to a page of the guide that is not there: printed on paper, it cannot even be clicked to find out. */
	function checkGuideLink(url: string, line: number, column?: number) {
		if (!context.guidePage || !context.contentPath || /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url.trim())) return;
		const page = pageOfContent(context.contentPath);
		if (!page) return;
		// "www.teaboat.org" or "teaboat.org.uk/menu": a web address without its start, which would be read as a page of the guide.
		const bare = url.trim();
		if (/^www\./i.test(bare) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(org|com|net|uk|gov|nhs|info|io|co|scot|wales|cymru|london)(\/|$)/i.test(bare)) {
			refuse(line, `the link "${url}" is a web address without its start, so it would lead to a page of this guide that is not there (write https://${bare})`, column);
			return;
		}
		let target: string;
		try {
			target = decodeSafely(new URL(url.trim(), `https://guide.invalid${page}`).pathname);
		} catch {
			return;
		}
		// "/lockside/whats-on" without its last "/" leads to the page too (hosts add it); a file's name has a dot.
		const sitePath = /\/$|\.[a-z0-9]+$/i.test(target) ? target : `${target}/`;
		const found = context.guidePage(sitePath, bare.startsWith('/'));
		if (found.exists) return;
		if (found.base) {
			refuse(line, `the link "${url}" leaves out the start that every address on this site has, ${found.base} (write ${found.base}${sitePath.slice(1)}, or a link from this page, like ../../whats-on/)`, column);
			return;
		}
		const hint = found.suggestion ? `did you mean "${found.suggestion}"? ` : '';
		const like = /^\/[^/]+\/(assets|stories)\//.test(sitePath)
			? 'write the address of an entry or story that is published, like /<neighbourhood>/assets/<file name without .md>/'
			: 'write the address of a page of the guide, like /<neighbourhood>/whats-on/; docs/content-model.md lists them all';
		refuse(line, `the link "${url}" leads to no page of the guide, ${sitePath} (${hint}${like})`, column);
	}

	function checkImage(url: string, line: number, column?: number) {
		const verdict = checkUrl(url, 'image');
		if (!verdict.ok) {
			const removed = context.format === 'md';
			findings.push({ line, column, message: addressMessage('image', url, verdict, removed), severity: 'error', ...(removed ? { removedByBuild: true } : {}) });
			return;
		}
		if (/^data:/i.test(url.trim())) return;
		// A picture from the disk: the build reads the file and publishes it, so it must be one of the neighbourhood's pictures.
		const n = /^neighbourhoods\/([^/]+)\//.exec(context.contentPath ?? '')?.[1];
		const folder = n ? `neighbourhoods/${n}/images/` : undefined;
		const fix = `put the picture in content/${folder ?? 'neighbourhoods/<name>/images/'} and write ![what it shows](../images/<file name>)`;
		if (/[?#\\]|%2e|%2f/i.test(url)) {
			refuse(line, `the picture "${url}" is not a plain file name (${fix})`, column);
			return;
		}
		const target = folder && context.contentPath ? imageContentPath(context.contentPath, decodeSafely(url)) : undefined;
		if (!folder || !target || !target.startsWith(folder)) {
			refuse(line, `the picture "${url}" is not in this neighbourhood's images folder, and the guides publish no other file (${fix})`, column);
			return;
		}
		const extension = /\.[^./]+$/.exec(target)?.[0]?.toLowerCase() ?? '';
		if (!IMAGE_EXTENSIONS.has(extension)) {
			refuse(line, `"${url}" is not a picture the web can show (use a .jpg, .png or .webp file)`, column);
			return;
		}
		if (context.fileExists && !context.fileExists(target)) {
			refuse(line, `the picture "${url}" does not exist (check the file name and its capital letters, or add the picture to content/${folder})`, column);
			return;
		}
		const problem = context.pictureProblem?.(target);
		if (problem) findings.push({ line, column, message: `the picture "${url}" ${problem.message}`, severity: problem.severity });
	}

	function checkElement(element: JsxElement, line: number, column?: number) {
		const name = element.name;
		if (!name) {
			refuse(line, `"<>" is code, and a story is words, not code (take it out)`, column);
			return;
		}
		const component = STORY_COMPONENTS[name];
		if (!component) {
			if (/^[a-z]/.test(name)) {
				refuse(
					line,
					`<${name}> is an HTML tag, and MDX stories use Markdown instead (write **bold**, lists with "- ", links as [words](https://address); the only tags are ${componentList()})`,
					column,
				);
			} else {
				const guess = didYouMean(name, Object.keys(STORY_COMPONENTS));
				refuse(line, `<${name}> is not one of the story components (${guess ? `did you mean <${guess}>? ` : ''}use ${componentList()})`, column);
			}
			return;
		}
		const given = new Map<string, string>();
		for (const attribute of element.attributes) {
			if (attribute.type === 'mdxJsxExpressionAttribute') {
				refuse(line, `<${name} {${attribute.value.trim()}}> is code, and a story is words, not code (write each detail as name="words", like ${component.example})`, column);
				continue;
			}
			const prop = component.props[attribute.name];
			if (!prop) {
				const guess = didYouMean(attribute.name, Object.keys(component.props));
				refuse(
					line,
					`<${name}> has no detail called "${attribute.name}" (${guess ? `did you mean "${guess}"? ` : ''}${describeProps(name)}, like ${component.example})`,
					column,
				);
				continue;
			}
			if (typeof attribute.value !== 'string') {
				refuse(
					line,
					attribute.value === null || attribute.value === undefined
						? `<${name}> ${attribute.name} needs a value (write ${attribute.name}="${prop.what}", like ${component.example})`
						: `<${name} ${attribute.name}={...}> is code, and a story is words, not code (write ${attribute.name}="..." in quotes, like ${component.example})`,
					column,
				);
				continue;
			}
			given.set(attribute.name, attribute.value);
		}
		const spread = element.attributes.some((a) => a.type === 'mdxJsxExpressionAttribute');
		for (const [prop, spec] of Object.entries(component.props)) {
			if (spec.required && !spread && !element.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === prop)) {
				refuse(line, `<${name}> needs its ${prop}="..." (${spec.what}, like ${component.example})`, column);
			}
		}
		if (!component.children && element.children.length > 0) {
			refuse(line, `<${name}> stands on its own and takes no words inside (write it as ${component.example})`, column);
		}
		const slug = given.get('slug');
		if (name === 'AssetCard' && slug !== undefined && context.assetState) {
			const state = context.assetState(slug);
			if (state === 'missing') {
				refuse(line, `<AssetCard slug="${slug}" /> names no asset of this neighbourhood (use the name of a file in its assets/ folder, without ".md", or "<neighbourhood>/<name>" for another one)`, column);
			} else if (state === 'draft' && !context.draft) {
				findings.push({
					line,
					column,
					message: `<AssetCard slug="${slug}" /> names a draft, which is not published, so the story cannot be built (publish the asset, or take the card out)`,
					severity: 'error',
				});
			}
		}
	}
}

interface JsxElement {
	name: string | null;
	attributes: Array<
		| { type: 'mdxJsxAttribute'; name: string; value?: string | null | { type: string; value: string } }
		| { type: 'mdxJsxExpressionAttribute'; value: string }
	>;
	children: unknown[];
}

function componentList(): string {
	return Object.keys(STORY_COMPONENTS)
		.map((name) => `<${name}>`)
		.join(' and ');
}

function describeProps(name: string): string {
	const props = Object.keys(STORY_COMPONENTS[name]?.props ?? {});
	return props.length ? `it takes ${props.map((p) => `${p}="..."`).join(' and ')}` : 'it takes nothing';
}

function decodeSafely(url: string): string {
	try {
		return decodeURI(url);
	} catch {
		return url;
	}
}

/**
 * How deep block quotes and lists nest, counted line by line without parsing
 * (a hostile file must not make the parser run out of stack or time).
 */
export function estimateMarkdownNesting(body: string): number {
	let max = 0;
	const marker = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
	for (const rawLine of body.split('\n')) {
		let line = rawLine;
		let depth = 0;
		const indent = /^ */.exec(line)![0].length;
		for (let match = marker.exec(line); match; match = marker.exec(line)) {
			depth++;
			line = line.slice(match[0].length);
		}
		if (depth > 0) depth += Math.floor(indent / 2);
		if (depth > max) max = depth;
	}
	return max;
}

/**
 * The MDX parser's message for the mistakes editors make, in plain words with
 * the fix: curly quote marks from a word processor or phone in a story card,
 * a price or a note in braces, a "<" in the words, a card not closed with
 * "/>", a quote mark not closed. Undefined for anything else, which keeps the
 * parser's own words. The parser can report a line after the mistake (the
 * closing tag it was looking for), so the line is looked for from there up.
 */
export function explainMdxError(body: string, line: number, parserMessage: string): { line: number; message: string } | undefined {
	const lines = body.split('\n');
	const around = [line, line - 1, line - 2].filter((n) => n >= 1 && n <= lines.length);
	const find = (test: (text: string) => RegExpExecArray | null) => {
		for (const n of around) {
			const match = test(lines[n - 1]);
			if (match) return { n, match };
		}
		return undefined;
	};
	const names = Object.keys(STORY_COMPONENTS).join('|');

	// Curly marks opening a value (slug=“x”), not an apostrophe inside straight ones (by="Jean’s daughter").
	const curly = find((text) => new RegExp(`<(${names})\\b[^>]*?=\\s*[\u201C\u201D\u2018\u2019\u2033]`).exec(text));
	if (curly) {
		const tag = curly.match[0] + lines[curly.n - 1].slice(curly.match.index + curly.match[0].length).replace(/>.*$/, '>');
		const straight = tag.replace(/[\u201C\u201D\u2033\u2018\u2019]/g, '"');
		return {
			line: curly.n,
			message: `the quote marks in ${tag} are curly ones, which word processors and phones put in; a story card needs straight ones (write ${straight}, typing the quote marks in the GitHub editor or a plain text editor)`,
		};
	}

	const unclosed = find((text) => new RegExp(`<(${names})\\b[^>]*>`).exec(text));
	if (unclosed && ((unclosed.match[0].match(/"/g)?.length ?? 0) % 2 === 1)) {
		return { line: unclosed.n, message: `a quote mark in ${unclosed.match[0]} is not closed (each value needs one at both ends, like by="Alan")` };
	}

	const unclosedTag = /Expected a closing tag for `<(\w+)>`/.exec(parserMessage)?.[1];
	if (unclosedTag && Object.hasOwn(STORY_COMPONENTS, unclosedTag)) {
		const open = find((text) => new RegExp(`<(${unclosedTag})\\b[^>]*[^/]>`).exec(text));
		if (open && open.match[1] === 'AssetCard') {
			const closed = open.match[0].replace(/\s*>$/, ' />');
			return { line: open.n, message: `${open.match[0]} is not closed (a card ends with "/>": write ${closed})` };
		}
		if (open) return { line: open.n, message: `${open.match[0]} has no end (put </${open.match[1]}> after its words, like <PullQuote by="Alan">Words</PullQuote>)` };
	}

	if (/expression|Unexpected (character|end of file) in expression|Could not parse/i.test(parserMessage)) {
		// A brace written \{ shows as a brace: the mistake is an unescaped one.
		const braces = find((text) => /(?<!\\)\{[^}]*\}?/.exec(text));
		if (braces) {
			const inside = braces.match[0].replace(/^\{|\}$/g, '');
			if (!braces.match[0].endsWith('}')) {
				return { line: braces.n, message: `a "{" starts code in a story, and this one is never closed (take it out, or write \\{ to show a brace)` };
			}
			return {
				line: braces.n,
				message: `${braces.match[0]} is read as code: in a story, braces { } mean code (write ${inside.trim() || 'it'} without the braces, or write \\{ to show a brace)`,
			};
		}
	}

	if (/after `<`/.test(parserMessage)) {
		const less = find((text) => /<(?![A-Za-z/!])\S{0,8}/.exec(text));
		if (less) {
			return {
				line: less.n,
				message: `"${less.match[0]}" is read as the start of a story card or a tag: in a story, "<" starts one (write \\${less.match[0]}, or say it in words, like "less than")`,
			};
		}
	}
	return undefined;
}
