/**
 * HTML written as strings, for the parts of pages that repeat most: an
 * entry's card, its line in a compact list, its badges, its times, a day of
 * the week and a page's search record (src/components/entry-html.ts). A
 * neighbourhood of 50 entries shows some 300 cards and lines across its theme
 * pages, guide page, embed and week, each of them a handful of components and
 * dozens of expressions for Astro to render one by one. As strings, page
 * generation took about 4% less time (330 neighbourhoods, built side by side
 * with the components' version, 4 December 2026). The components that show
 * them (AssetCard.astro and the rest) insert the string with `set:html`.
 *
 * Every value goes through `text` or `attribute`, which escape it exactly as
 * Astro escapes `{value}` and `name={value}`, so the pages come out the same
 * byte for byte as when the components wrote the markup themselves. (One
 * difference that no page has yet: an empty attribute value is written
 * `name=""`, where Astro writes the bare name; HTML reads both as empty.)
 */

const TEXT_SPECIALS = /[&<>'"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Words for the inside of an element: `&`, `<`, `>`, `'` and `"` escaped, as Astro does for `{value}`. */
export function text(value: string): string {
	return value.replace(TEXT_SPECIALS, (c) => ENTITIES[c]);
}

/** A value for inside double quotes: `&` and `"` escaped, as Astro does for `name={value}`. */
export function attribute(value: string): string {
	return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}
