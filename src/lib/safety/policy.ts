/**
 * What the words of a guide may contain: one policy for raw HTML in
 * Markdown, for MDX stories, and for the addresses links and pictures point
 * to. The build's sanitiser (html.ts), the MDX guard in the build
 * (src/integrations/safe-markdown.ts) and `npm run check` (body.ts) all read
 * it from here, so they always agree.
 *
 * The guides are read by people who may be vulnerable, and written by anyone
 * who sends a pull request: so the rule is an allowlist. Anything not named
 * here does not reach a page.
 */

/** A body larger than this is no page anyone reads on a phone, and is refused (it would only slow every build). */
export const MAX_BODY_BYTES = 512 * 1024;

/** Deeper nesting than this (quotes in quotes, lists in lists, tags in tags) is refused before anything parses it. */
export const MAX_NESTING = 100;

/**
 * Elements raw HTML (and the Markdown renderer) may produce, each with the
 * attributes it may keep, as written in HTML. Everything else is taken out:
 * elements are replaced by their words, attributes are dropped.
 */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
	p: [],
	br: [],
	hr: [],
	h1: ['id'],
	h2: ['id', 'class'],
	h3: ['id'],
	h4: ['id'],
	h5: ['id'],
	h6: ['id'],
	strong: [],
	b: [],
	em: [],
	i: [],
	u: [],
	s: [],
	del: [],
	ins: [],
	mark: [],
	small: [],
	sub: [],
	sup: [],
	q: [],
	cite: [],
	abbr: [],
	dfn: [],
	kbd: [],
	code: ['class'],
	pre: [],
	samp: [],
	blockquote: [],
	ul: ['class'],
	ol: ['start', 'reversed'],
	li: ['id', 'class'],
	dl: [],
	dt: [],
	dd: [],
	a: ['href', 'id', 'class', 'data-footnote-ref', 'data-footnote-backref', 'aria-describedby', 'aria-label'],
	img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
	table: [],
	caption: [],
	thead: [],
	tbody: [],
	tfoot: [],
	tr: [],
	th: ['scope', 'colspan', 'rowspan'],
	td: ['colspan', 'rowspan'],
	figure: [],
	figcaption: [],
	details: ['open'],
	summary: [],
	div: [],
	span: [],
	time: ['datetime'],
	section: ['class', 'data-footnotes'],
	// GFM task lists: a ticked or empty box that cannot be changed.
	input: ['type', 'checked', 'disabled'],
};

/** Attributes any allowed element may keep: the language of a phrase ("Bore da"), its direction, a tooltip. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['lang', 'dir', 'title'];

/**
 * Only these classes: the ones the Markdown renderer itself writes (code
 * languages, footnotes, task lists). A class from the site's own styles
 * would let text dress itself up as part of the page.
 */
export const ALLOWED_CLASS = /^(?:language-[\w+#-]+|footnotes|sr-only|contains-task-list|task-list-item|data-footnote-backref)$/;

/** Values some attributes must have. */
export const REQUIRED_VALUES: Readonly<Record<string, Readonly<Record<string, string | boolean>>>> = {
	input: { type: 'checkbox', disabled: true },
};

/**
 * Elements taken out together with everything inside them: what they hold is
 * code, styling, or somebody else's content, never words for the page.
 */
export const DROPPED_WITH_CONTENT: readonly string[] = [
	'script',
	'style',
	'template',
	'iframe',
	'frame',
	'frameset',
	'object',
	'embed',
	'applet',
	'noscript',
	'noembed',
	'noframes',
	'xmp',
	'plaintext',
	'textarea',
	'select',
	'option',
	'svg',
	'math',
	'canvas',
	'video',
	'audio',
	'title',
	'head',
	'link',
	'meta',
	'base',
];

/** Why an element is not allowed, in words an editor understands. */
export function whyNotAllowed(tag: string): string {
	switch (tag) {
		case 'script':
		case 'noscript':
			return 'scripts would run on readers\u2019 phones';
		case 'style':
		case 'link':
			return 'styles would change how the whole page looks';
		case 'iframe':
		case 'frame':
		case 'frameset':
		case 'object':
		case 'embed':
		case 'applet':
		case 'video':
		case 'audio':
		case 'canvas':
			return 'it would bring in content from somewhere else';
		case 'form':
		case 'input':
		case 'button':
		case 'textarea':
		case 'select':
		case 'option':
			return 'forms could collect readers\u2019 details';
		case 'meta':
		case 'base':
		case 'title':
		case 'head':
			return 'it would change how the page works';
		default:
			return 'it is not one of the things a guide page can show';
	}
}

/** How to write it instead. */
export const HTML_FIX = 'take it out, and use Markdown for formatting: **bold**, lists with "- ", links as [words](https://address)';

// ---------------------------------------------------------------------------
// Addresses

export type UrlUse = 'link' | 'image';

export type UrlVerdict = { ok: true; external: boolean } | { ok: false; reason: string; fix: string };

export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);
const IMAGE_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;

/**
 * Whether an address may be used as a link or a picture. Browsers ignore tabs
 * and line breaks inside an address, and spaces and control characters around
 * it, so "java&#9;script:" is read as a browser would read it.
 */
export function checkUrl(raw: string, use: UrlUse): UrlVerdict {
	// eslint-disable-next-line no-control-regex
	const url = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
	const protocolRelative = /^[\\/]{2}/.test(url);
	if (use === 'image') {
		if (scheme === 'data' && IMAGE_DATA.test(url)) return { ok: true, external: false };
		if (scheme || protocolRelative) {
			return {
				ok: false,
				reason: scheme === 'data' ? 'is written into the page as data, and is not a picture' : 'is a picture on another website: the guides never load anything from anyone else\u2019s server',
				fix: 'put the picture in this neighbourhood\u2019s images folder and write ![what it shows](../images/<file name>)',
			};
		}
		return { ok: true, external: false };
	}
	if (protocolRelative) {
		return { ok: false, reason: 'starts with "//", which browsers read in different ways', fix: 'write the whole address, starting with https://' };
	}
	if (!scheme) return { ok: true, external: false };
	if (!LINK_SCHEMES.has(scheme)) {
		return {
			ok: false,
			reason:
				scheme === 'javascript' || scheme === 'vbscript'
					? 'would run a script when someone taps it'
					: `is a "${scheme}:" address, which a guide cannot link to`,
			fix: 'link to a web page (https://...), an email address (mailto:...) or a phone number (tel:...)',
		};
	}
	return { ok: true, external: scheme === 'http' || scheme === 'https' };
}

/** What an external link gets: no access to our page (opener) and no report of which page it came from (referrer). */
export const EXTERNAL_LINK_REL = 'noopener noreferrer';

// ---------------------------------------------------------------------------
// MDX stories

export interface StoryComponent {
	/** Props it takes, each a literal string. */
	props: Readonly<Record<string, { required: boolean; what: string }>>;
	/** Whether it wraps words (`<PullQuote>words</PullQuote>`) or stands alone (`<AssetCard slug="x" />`). */
	children: boolean;
	example: string;
}

/** The only components an MDX story may use, and their props. EntryBody.astro provides them. */
export const STORY_COMPONENTS: Readonly<Record<string, StoryComponent>> = {
	PullQuote: {
		props: { by: { required: false, what: 'who said it' } },
		children: true,
		example: '<PullQuote by="Jean">A sentence worth lifting out.</PullQuote>',
	},
	AssetCard: {
		props: { slug: { required: true, what: 'the name of an asset file, without ".md"' } },
		children: false,
		example: '<AssetCard slug="singing-together" />',
	},
};

// ---------------------------------------------------------------------------
// Pictures in the words of an entry

export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg']);

/** The rel a link in a template needs: noopener noreferrer when it leads to another site, nothing otherwise. */
export function relFor(href: string | undefined): string | undefined {
	if (!href) return undefined;
	const verdict = checkUrl(href, 'link');
	return verdict.ok && verdict.external ? EXTERNAL_LINK_REL : undefined;
}
