/**
 * RenderedParts: HTML rendered once and shared by the pages of a build that
 * show it (src/lib/render-once.ts, used by RenderOnce.astro for the parts of
 * the printed guide that both editions share). That the two editions come
 * out right is test/build/print.test.ts's; this is the bookkeeping.
 */
import { describe, expect, it } from 'vitest';
import { RenderedParts } from '../../src/lib/render-once.ts';

/** A render that counts its calls and gives a different string each time, so a reuse shows. */
function counting(label: string) {
	let calls = 0;
	return {
		render: async () => `<p>${label} ${++calls}</p>`,
		get calls() {
			return calls;
		},
	};
}

describe('parts of pages rendered once', () => {
	it('renders a part for its first page and gives the same HTML to the rest', async () => {
		const parts = new RenderedParts();
		const part = counting('front');
		expect(await parts.html('print-guide:mill-lane:front', 2, part.render)).toBe('<p>front 1</p>');
		expect(await parts.html('print-guide:mill-lane:front', 2, part.render)).toBe('<p>front 1</p>');
		expect(part.calls).toBe(1);
	});

	it('keeps parts apart by their names', async () => {
		const parts = new RenderedParts();
		const a = counting('a');
		const b = counting('b');
		expect(await parts.html('print-guide:mill-lane:back', 2, a.render)).toBe('<p>a 1</p>');
		expect(await parts.html('print-guide:low-moor:back', 2, b.render)).toBe('<p>b 1</p>');
		expect([a.calls, b.calls]).toEqual([1, 1]);
	});

	it('lets a part go once its last page has taken it, and renders it afresh if asked again', async () => {
		const parts = new RenderedParts();
		const part = counting('x');
		await parts.html('x', 2, part.render);
		expect(parts.waiting).toBe(1);
		await parts.html('x', 2, part.render);
		expect(parts.waiting).toBe(0);
		expect(await parts.html('x', 2, part.render)).toBe('<p>x 2</p>');
		expect(part.calls).toBe(2);
	});

	it('holds nothing for a part only one page shows', async () => {
		const parts = new RenderedParts();
		await parts.html('once', 1, counting('once').render);
		expect(parts.waiting).toBe(0);
	});

	it('shares one rendering between pages rendered at the same time', async () => {
		const parts = new RenderedParts();
		let calls = 0;
		let finish!: (html: string) => void;
		const slow = () => {
			calls++;
			return new Promise<string>((resolve) => (finish = resolve));
		};
		const first = parts.html('slow', 2, slow);
		const second = parts.html('slow', 2, slow);
		finish('<p>done</p>');
		expect(await Promise.all([first, second])).toEqual(['<p>done</p>', '<p>done</p>']);
		expect(calls).toBe(1);
	});

	it('does not keep a part that failed: the next page renders it again and meets its own error', async () => {
		const parts = new RenderedParts();
		let calls = 0;
		const failing = async () => {
			calls++;
			throw new Error(`broken ${calls}`);
		};
		await expect(parts.html('bad', 3, failing)).rejects.toThrow('broken 1');
		await expect(parts.html('bad', 3, failing)).rejects.toThrow('broken 2');
		expect(parts.waiting).toBe(0);
	});

	it('refuses a number of pages that is not a whole number from 1', () => {
		const parts = new RenderedParts();
		for (const uses of [0, -1, 1.5, Number.NaN]) {
			expect(() => parts.html('p', uses, counting('p').render), String(uses)).toThrow(`RenderOnce "p": uses must be a whole number of pages, 1 or more (was ${uses})`);
		}
	});
});
