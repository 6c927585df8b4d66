/**
 * Page numbers in the printed guide's contents, A to Z and cross references.
 *
 * Browsers cannot yet put a page number into the text of a page (CSS
 * `target-counter()` is not implemented by any of them), so the build finds
 * them: the PDF stage (src/integrations/pdfs.ts) prints the page with
 * Chromium, reads on which page each anchor landed, and writes the numbers
 * into the built HTML with `fillPageRefs`. The HTML in dist/ then carries the
 * numbers itself, so a reader printing the page from their own browser gets
 * the same numbers as the PDF, with no JavaScript.
 *
 * The markup is made by src/components/print/PageRef.astro:
 * `<span class="page-ref" data-ref="entry-repair-cafe"></span>`, and the
 * page's `<html data-page-numbers="no">` says whether numbers are filled in
 * (print.css hides the "page" words and the number column until they are).
 */

const PAGE_REF = /<span class="page-ref" data-ref="([a-z0-9-]+)">[^<]*<\/span>/g;
const FLAG = /<html([^>]*) data-page-numbers="(?:no|yes)"/;

/** The anchors a page refers to, each once, in order of first mention. */
export function pageRefTargets(html: string): string[] {
	return [...new Set([...html.matchAll(PAGE_REF)].map((m) => m[1]))];
}

export interface FilledPage {
	html: string;
	/** Anchors referred to that have no page: a bug in the page (a reference to something not printed). */
	missing: string[];
}

/** Write page numbers into the page: every reference gets the page its anchor starts on. */
export function fillPageRefs(html: string, pages: ReadonlyMap<string, number>): FilledPage {
	const missing = new Set<string>();
	const filled = html.replace(PAGE_REF, (_whole, id: string) => {
		const page = pages.get(id);
		if (page === undefined) missing.add(id);
		return `<span class="page-ref" data-ref="${id}">${page ?? ''}</span>`;
	});
	if (!FLAG.test(filled)) {
		throw new Error('The print page has no <html data-page-numbers> flag (it should come from PrintLayout.astro), so page numbers cannot be shown.');
	}
	return {
		html: filled.replace(FLAG, `<html$1 data-page-numbers="${missing.size ? 'no' : 'yes'}"`),
		missing: [...missing],
	};
}

/** The page numbers written in a page, by anchor (what `fillPageRefs` wrote, read back). */
export function writtenPageRefs(html: string): Map<string, number> {
	const out = new Map<string, number>();
	for (const m of html.matchAll(/<span class="page-ref" data-ref="([a-z0-9-]+)">(\d+)<\/span>/g)) out.set(m[1], Number(m[2]));
	return out;
}
