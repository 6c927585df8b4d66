/**
 * "My list": the entries a person (or a link worker, for them) has chosen
 * from one neighbourhood's guide. The list lives in the address of
 * `/<n>/my-list/`, as `?e=repair-cafe,tea-boat`, so it can be sent, printed
 * or bookmarked with no account and no server; a copy is kept in the
 * browser's own storage so "Add to my list" works from page to page. Nothing
 * is ever sent anywhere: no cookies, no tracking.
 *
 * Pure functions, shared by the browser scripts (src/scripts/) and the tests.
 */

/** The query parameter that carries the list: `?e=slug,slug`. */
export const LIST_PARAM = 'e';
/** The query parameter of "Add to my list" links when JavaScript is off or storage is blocked: `?add=slug`. */
export const ADD_PARAM = 'add';
/** A list longer than this is cut: no one prints 200 entries one by one, and addresses have limits. */
export const MAX_LIST = 100;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs from `?e=`: commas (or spaces, or %2C) between them; anything that is not a slug is dropped; each once, in order. */
export function parseList(value: string | null | undefined): string[] {
	if (!value) return [];
	const out: string[] = [];
	for (const part of value.split(/[\s,]+/)) {
		const slug = part.trim().toLowerCase();
		if (SLUG.test(slug) && !out.includes(slug)) out.push(slug);
		if (out.length === MAX_LIST) break;
	}
	return out;
}

/** `?e=a,b` (commas kept as they are, so the link stays short and readable), or '' for an empty list. */
export function listQuery(slugs: readonly string[]): string {
	return slugs.length ? `?${LIST_PARAM}=${slugs.join(',')}` : '';
}

/** The list with `slug` added at the end (once). */
export function withEntry(slugs: readonly string[], slug: string): string[] {
	return slugs.includes(slug) ? [...slugs] : [...slugs, slug].slice(0, MAX_LIST);
}

/** The list without `slug`. */
export function withoutEntry(slugs: readonly string[], slug: string): string[] {
	return slugs.filter((s) => s !== slug);
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((slug, i) => slug === b[i]);
}

export interface ResolvedList {
	/** Current slugs, in the list's order, each once (an old slug becomes the entry's current one). */
	slugs: string[];
	/** Slugs that are not (or no longer) in the guide. */
	missing: string[];
}

/**
 * The list against what the guide has now: `known` maps every current slug
 * and every old one (an entry's `aliases`) to the current slug.
 */
export function resolveList(slugs: readonly string[], known: ReadonlyMap<string, string>): ResolvedList {
	const out: string[] = [];
	const missing: string[] = [];
	for (const slug of slugs) {
		const current = known.get(slug);
		if (!current) missing.push(slug);
		else if (!out.includes(current)) out.push(current);
	}
	return { slugs: out, missing };
}

/**
 * What the page shows when it opens: the list in the address if there is one,
 * else the one kept on this device; `?add=` adds to it. `replacesSaved` says
 * that a list from a link is about to replace a different list kept here, so
 * the page can offer to bring the earlier one back.
 */
export function openingList(params: { list: string | null; add: string | null }, saved: readonly string[]): { slugs: string[]; added?: string; replacesSaved: boolean } {
	const fromLink = params.list === null ? undefined : parseList(params.list);
	const candidate = params.add?.trim().toLowerCase();
	const add = candidate && SLUG.test(candidate) ? candidate : undefined;
	if (add) {
		return { slugs: withEntry(fromLink ?? saved, add), added: add, replacesSaved: fromLink !== undefined && saved.length > 0 && !sameList(fromLink, saved) };
	}
	if (fromLink) return { slugs: fromLink, replacesSaved: saved.length > 0 && !sameList(fromLink, saved) };
	return { slugs: [...saved], replacesSaved: false };
}

/** Where a neighbourhood's list is kept in the browser's storage. */
export function storageKey(n: string, which: 'list' | 'earlier' = 'list'): string {
	return `good-life-guides:${which === 'list' ? 'my-list' : 'my-earlier-list'}:${n}`;
}
