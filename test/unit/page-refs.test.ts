import { describe, expect, it } from 'vitest';
import { fillPageRefs, pageRefTargets, writtenPageRefs } from '../../src/lib/page-refs.ts';

const page = `<!doctype html><html lang="en-GB" class="print-page" data-page-numbers="no"><body>
<a href="#section-stories">Stories</a><span class="page-ref" data-ref="section-stories"></span>
<a href="#entry-a">A</a><span class="page-ref-words">(page <span class="page-ref" data-ref="entry-a"></span>)</span>
<span class="page-ref" data-ref="entry-a"></span>
</body></html>`;

describe('page numbers written into the print pages', () => {
	it('finds what the page refers to, each once', () => {
		expect(pageRefTargets(page)).toEqual(['section-stories', 'entry-a']);
	});

	it('writes each number in, and says the page now has them', () => {
		const { html, missing } = fillPageRefs(page, new Map([['section-stories', 9], ['entry-a', 4]]));
		expect(missing).toEqual([]);
		expect(html).toContain('data-page-numbers="yes"');
		expect(writtenPageRefs(html)).toEqual(new Map([['section-stories', 9], ['entry-a', 4]]));
		expect(html.match(/data-ref="entry-a">4</g)).toHaveLength(2);
	});

	it('can write them again (a second pass replaces the first)', () => {
		const once = fillPageRefs(page, new Map([['section-stories', 9], ['entry-a', 4]])).html;
		const twice = fillPageRefs(once, new Map([['section-stories', 10], ['entry-a', 5]])).html;
		expect(writtenPageRefs(twice)).toEqual(new Map([['section-stories', 10], ['entry-a', 5]]));
		expect(twice).toContain('data-page-numbers="yes"');
	});

	it('reports a reference to something that is not printed, and shows no numbers', () => {
		const { html, missing } = fillPageRefs(page, new Map([['entry-a', 4]]));
		expect(missing).toEqual(['section-stories']);
		expect(html).toContain('data-page-numbers="no"');
	});

	it('refuses a page that is not a print page', () => {
		expect(() => fillPageRefs('<html lang="en"><span class="page-ref" data-ref="x"></span></html>', new Map())).toThrow(/data-page-numbers/);
	});
});
